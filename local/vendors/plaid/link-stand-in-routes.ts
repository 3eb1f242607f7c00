import { PlaidError } from './plaid-error.js';
import type { Item, PlaidRoutes, PlaidStore } from './plaid-store.js';
import { verificationStatus } from './plaid-views.js';
import { MICRO_DEPOSIT, type SandboxAccount } from './sandbox-data.js';
import { institution, login, microAccounts } from './sandbox-login.js';

// Bankline's stand-in for Plaid Link (which has no public API), called by the Link test page and
// headless tests: log in and list the accounts to choose from, then finish as Link's onSuccess does.
// These calls carry a link token, not API keys.

export const LINK_STAND_IN_CALLS = new Set(['/link/bankline/login', '/link/bankline/complete']);

const choice = (a: SandboxAccount) => ({ id: a.account_id_suffix, name: a.name, mask: a.mask, type: a.type, subtype: a.subtype });

export const linkStandInRoutes = (store: PlaidStore): PlaidRoutes => ({
  '/link/bankline/login': (body) => {
    const link = store.liveLinkToken(body.link_token);
    if (link.access_token) {
      const item = store.itemOf({ access_token: link.access_token }, { data: false });
      return {
        mode: item.micro?.pending && !item.micro.automated ? 'verify_micro_deposits' : 'update',
        accounts: (item.institution?.accounts ?? item.accounts).map(choice),
      };
    }
    if (link.micro && body.micro_deposit)
      return { mode: 'micro_deposit', accounts: microAccounts(body.micro_deposit.routing, body.micro_deposit.account).map(choice) };
    const inst = institution(body.institution_id);
    login(body.username, body.password);
    return { mode: 'new', accounts: inst.accounts.map(choice) };
  },
  '/link/bankline/complete': (body) => {
    const link = store.liveLinkToken(body.link_token);
    const pick = (accounts: SandboxAccount[]) =>
      Array.isArray(body.account_ids) && body.account_ids.length > 0
        ? accounts.filter((a) => body.account_ids.includes(a.account_id_suffix))
        : accounts;
    let item: Item;
    if (link.access_token) {
      item = store.itemOf({ access_token: link.access_token }, { data: false });
      if (item.micro?.pending && !item.micro.automated) {
        if (item.micro.attempts >= 3)
          throw new PlaidError(400, 'INVALID_INPUT', 'TOO_MANY_VERIFICATION_ATTEMPTS', 'too many verification attempts');
        if (body.verification_code !== MICRO_DEPOSIT.code) {
          item.micro.attempts += 1;
          throw new PlaidError(
            400,
            'INVALID_INPUT',
            'INCORRECT_DEPOSIT_VERIFICATION',
            'incorrect deposit verification code',
            'The code you entered is incorrect.',
          );
        }
        item.micro.pending = false;
      } else {
        if (item.error || body.username !== undefined) login(body.username, body.password);
        item.error = null;
        if (Array.isArray(body.account_ids) && item.institution) {
          // Account selection in update mode: keep the ids of accounts still shared, add the new ones.
          const keep = item.accounts.filter((a) => body.account_ids.includes(a.account_id_suffix));
          const added = store.itemAccounts(
            item.item_id,
            pick(item.institution.accounts).filter((a) => !keep.some((k) => k.account_id_suffix === a.account_id_suffix)),
          );
          item.accounts = [...keep, ...added];
        }
      }
    } else if (link.micro && body.micro_deposit) {
      item = store.newItem(null, microAccounts(body.micro_deposit.routing, body.micro_deposit.account), {
        micro: { pending: true, attempts: 0, automated: false },
      });
    } else {
      const inst = institution(body.institution_id);
      const kind = login(body.username, body.password);
      item = store.newItem(inst, pick(inst.accounts), kind);
    }
    return {
      public_token: store.publicTokenFor(item),
      institution: item.institution ? { institution_id: item.institution.institution_id, name: item.institution.name } : null,
      accounts: item.accounts.map((a) => ({
        id: a.account_id,
        name: a.name,
        mask: a.mask,
        type: a.type,
        subtype: a.subtype,
        verification_status: verificationStatus(item) ?? null,
      })),
    };
  },
});
