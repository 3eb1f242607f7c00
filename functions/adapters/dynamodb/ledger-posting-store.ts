import { type LedgerStore, TransactionExists } from '../../ledger/ports.js';
import { postingItems } from './ledger-items.js';
import { transact } from './transact.js';

// A movement's write (ports.ts LedgerWrite): one TransactWriteItems built by ledger-items.ts.

type PostingStore = Pick<LedgerStore, 'commit'>;

export const dynamoPostingStore: PostingStore = {
  async commit(write) {
    // A new transaction's id is its idempotency: position i failing its attribute_not_exists
    // means this movement was already made (a rerun job step), not a race to retry.
    const claims = new Map(
      write.transactions.flatMap((t, i) => (t.expectedStatus ? [] : [[i, () => new TransactionExists(t.record.id)] as const])),
    );
    await transact('ledger posting', postingItems(write), claims);
  },
};
