import { PlaidError, requestId } from './plaid-error.js';
import type { PlaidRoutes, PlaidStore } from './plaid-store.js';
import { accountBase, itemView, selected } from './plaid-views.js';
import { FORCIBLE_ERRORS, SANDBOX_OWNER } from './sandbox-data.js';

// An item's account data: accounts, auth (ACH numbers), identity (owners) and live balances.

export const accountRoutes = (store: PlaidStore): PlaidRoutes => ({
  '/accounts/get': (body) => {
    const item = store.itemOf(body, { data: true });
    return { accounts: selected(item, body).map((a) => accountBase(item, a)), item: itemView(item), request_id: requestId() };
  },
  '/auth/get': (body) => {
    const item = store.itemOf(body, { data: true });
    const accounts = selected(item, body);
    if (!accounts.some((a) => a.type === 'depository'))
      throw new PlaidError(400, 'ITEM_ERROR', 'NO_AUTH_ACCOUNTS', FORCIBLE_ERRORS.NO_AUTH_ACCOUNTS?.message ?? 'no auth accounts');
    return {
      accounts: accounts.map((a) => accountBase(item, a)),
      numbers: {
        ach: accounts
          .filter((a) => a.account)
          .map((a) => ({
            account_id: a.account_id,
            account: a.account,
            routing: a.routing,
            wire_routing: a.wire_routing ?? null,
            can_transfer_in: true,
            can_transfer_out: true,
          })),
        eft: [],
        international: [],
        bacs: [],
      },
      item: itemView(item),
      request_id: requestId(),
    };
  },
  '/identity/get': (body) => {
    const item = store.itemOf(body, { data: true });
    if (item.micro && !item.micro.automated)
      throw new PlaidError(400, 'ITEM_ERROR', 'PRODUCTS_NOT_SUPPORTED', 'identity is not available for a micro-deposit item');
    return {
      accounts: selected(item, body).map((a) => ({ ...accountBase(item, a), owners: [SANDBOX_OWNER] })),
      item: itemView(item),
      request_id: requestId(),
    };
  },
  '/accounts/balance/get': (body) => {
    const item = store.itemOf(body, { data: true });
    // The institution's data is 10 minutes old: a min_last_updated_datetime newer than that fails, as at Plaid.
    const asOf = new Date(Date.now() - 600_000);
    const min = body.options?.min_last_updated_datetime;
    if (min && Date.parse(min) > asOf.getTime())
      throw new PlaidError(
        400,
        'INVALID_INPUT',
        'LAST_UPDATED_DATETIME_OUT_OF_RANGE',
        'requested datetime out of range, most recently updated balance is older',
      );
    return {
      accounts: selected(item, body).map((a) => {
        const base = accountBase(item, a);
        return { ...base, balances: { ...base.balances, last_updated_datetime: asOf.toISOString() } };
      }),
      item: itemView(item),
      request_id: requestId(),
    };
  },
});
