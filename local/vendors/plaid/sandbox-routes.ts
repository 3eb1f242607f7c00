import { requestId } from './plaid-error.js';
import type { PlaidRoutes, PlaidStore } from './plaid-store.js';
import { GOOD_USER } from './sandbox-data.js';
import { institution, login, microAccounts } from './sandbox-login.js';

// Plaid's /sandbox/ endpoints: make an item without Link, break its login, settle its micro-deposits.

export const sandboxRoutes = (store: PlaidStore): PlaidRoutes => ({
  '/sandbox/public_token/create': (body) => {
    const inst = institution(body.institution_id);
    const username = body.options?.override_username ?? GOOD_USER.username;
    const password = body.options?.override_password ?? GOOD_USER.password;
    const kind = login(username, password);
    const item = store.newItem(inst, kind.micro && !kind.micro.automated ? microAccounts() : inst.accounts, kind);
    return { public_token: store.publicTokenFor(item), request_id: requestId() };
  },
  '/sandbox/item/reset_login': (body) => {
    const item = store.itemOf(body, { data: false });
    item.error = 'ITEM_LOGIN_REQUIRED';
    return { reset_login: true, request_id: requestId() };
  },
  '/sandbox/item/set_verification_status': (body) => {
    const item = store.itemOf(body, { data: false });
    if (item.micro) item.micro.pending = body.verification_status !== 'automatically_verified';
    return { request_id: requestId() };
  },
});
