import { FinicityError } from './finicity-error.js';
import { accountView, type FinicityRoute, type FinicityStore } from './finicity-store.js';
import { OWNER } from './test-drive-data.js';

// A customer's account data: the account list, ACH details, owner and live available balance.

export const accountRoutes = (store: FinicityStore): FinicityRoute[] => [
  {
    method: 'GET',
    pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts$/,
    run: (m) => {
      const c = store.customerOf(m[1]);
      return [200, { accounts: c.accounts.map((a) => accountView(c, a)) }];
    },
  },
  {
    method: 'POST',
    pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts$/,
    run: (m) => {
      const c = store.customerOf(m[1]);
      return [200, { accounts: c.accounts.map((a) => accountView(c, a)) }];
    },
  },
  {
    method: 'GET',
    pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts\/([^/]+)\/details$/,
    run: (m) => {
      const a = store.accountOf(store.customerOf(m[1]), m[2]);
      if (!a.routing) throw new FinicityError(400, 38010, 'ACH details are not available for this account type');
      return [200, { routingNumber: a.routing, realAccountNumber: a.number }];
    },
  },
  {
    method: 'GET',
    pattern: /^\/aggregation\/v3\/customers\/([^/]+)\/accounts\/([^/]+)\/owner$/,
    run: (m) => {
      store.accountOf(store.customerOf(m[1]), m[2]);
      return [200, { holders: [OWNER] }];
    },
  },
  {
    method: 'GET',
    pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts\/([^/]+)\/availableBalance\/live$/,
    run: (m) => {
      const a = store.accountOf(store.customerOf(m[1]), m[2]);
      const now = Math.floor(Date.now() / 1000);
      return [
        200,
        {
          id: a.id,
          realAccountNumberLast4: a.number.slice(-4),
          availableBalance: a.available,
          availableBalanceDate: now,
          clearedBalance: a.balance,
          clearedBalanceDate: now,
          aggregationStatusCode: 0,
          currency: 'USD',
        },
      ];
    },
  },
];
