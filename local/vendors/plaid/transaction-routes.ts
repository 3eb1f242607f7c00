import { PlaidError, requestId } from './plaid-error.js';
import type { Item, PlaidRoutes, PlaidStore } from './plaid-store.js';
import { accountBase, itemView, selected } from './plaid-views.js';
import { SANDBOX_TRANSACTIONS } from './sandbox-data.js';

// Transactions: the sandbox's fixed history on every depository account, paged by offset/count.

const transactionsOf = (accounts: Item['accounts']) =>
  accounts
    .filter((a) => a.type === 'depository')
    .flatMap((a) =>
      SANDBOX_TRANSACTIONS.map((t) => ({
        account_id: a.account_id,
        transaction_id: `${a.account_id}${t.suffix}`,
        amount: t.amount,
        iso_currency_code: 'USD',
        unofficial_currency_code: null,
        category: [...t.category],
        category_id: null,
        check_number: null,
        date: t.date,
        authorized_date: t.date,
        authorized_datetime: null,
        datetime: null,
        location: {},
        name: t.name,
        merchant_name: t.merchant_name,
        payment_meta: { payment_method: t.suffix === 't2' ? 'ACH' : null },
        payment_channel: t.channel,
        pending: t.pending,
        pending_transaction_id: null,
        account_owner: null,
        transaction_type: t.channel === 'in store' ? 'place' : 'special',
        transaction_code: null,
      })),
    );

export const transactionRoutes = (store: PlaidStore): PlaidRoutes => ({
  '/transactions/get': (body) => {
    const item = store.itemOf(body, { data: true });
    if (!body.start_date || !body.end_date)
      throw new PlaidError(400, 'INVALID_REQUEST', 'MISSING_FIELDS', 'start_date and end_date are required');
    const all = transactionsOf(selected(item, body)).filter((t) => t.date >= body.start_date && t.date <= body.end_date);
    const count = Math.min(body.options?.count ?? 100, 500);
    const offset = body.options?.offset ?? 0;
    return {
      accounts: selected(item, body).map((a) => accountBase(item, a)),
      transactions: all.slice(offset, offset + count),
      total_transactions: all.length,
      item: itemView(item),
      request_id: requestId(),
    };
  },
  '/transactions/refresh': (body) => {
    const item = store.itemOf(body, { data: true });
    item.transactionsRefreshed += 1;
    return { request_id: requestId() };
  },
});
