import { FinicityError } from './finicity-error.js';
import type { FinicityRoute, FinicityStore } from './finicity-store.js';
import { TRANSACTIONS } from './test-drive-data.js';

// Transactions: the Test Drive history on every account with ACH details, in epoch seconds, paged
// by start (1-based) and limit.

const epoch = (day: string) => Math.floor(Date.parse(`${day}T12:00:00Z`) / 1000);

export const transactionRoutes = (store: FinicityStore): FinicityRoute[] => [
  {
    method: 'GET',
    pattern: /^\/aggregation\/v4\/customers\/([^/]+)\/accounts\/([^/]+)\/transactions$/,
    run: (m, _b, q) => {
      const c = store.customerOf(m[1]);
      const a = store.accountOf(c, m[2]);
      const from = Number(q.get('fromDate'));
      const to = Number(q.get('toDate'));
      if (!Number.isFinite(from) || !Number.isFinite(to) || !q.get('fromDate') || !q.get('toDate'))
        throw new FinicityError(400, 10000, 'fromDate and toDate are required');
      const limit = Math.min(Number(q.get('limit') ?? 25), 1000);
      const start = Number(q.get('start') ?? 1);
      const all = TRANSACTIONS.filter(() => a.routing)
        .map((t) => ({
          id: Number(`${a.id}${t.suffix.charCodeAt(0)}`),
          amount: t.amount,
          accountId: Number(a.id),
          customerId: Number(c.id),
          status: 'active',
          description: t.description,
          postedDate: epoch(t.day),
          transactionDate: epoch(t.day),
          createdDate: epoch(t.day),
          categorization: { normalizedPayeeName: t.payee, category: t.category, country: 'USA' },
        }))
        .filter((t) => t.postedDate >= from && t.postedDate <= to);
      const page = all.slice(start - 1, start - 1 + limit);
      return [
        200,
        {
          found: all.length,
          displaying: page.length,
          moreAvailable: start - 1 + limit < all.length,
          fromDate: String(from),
          toDate: String(to),
          sort: 'desc',
          transactions: page,
        },
      ];
    },
  },
];
