import { GL_SHARDS, type InternalAccountRecord } from '../../ledger/gl.js';
import type { LedgerStore, PostingAccounts } from '../../ledger/ports.js';
import { batchGet } from './batch-get.js';
import { KEYS, stripKeys } from './keys.js';
import { type AccountItem, balanceRecordOf } from './ledger-items.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { queryAll } from './query-page.js';

// Balance reads: the accounts a posting names (customer account items and GLs in one BatchGetItem),
// a GL's sharded balance, and every balance of a tenant for the trial balance.

type BalanceStore = Pick<LedgerStore, 'accounts' | 'glBalance' | 'books'>;

export const dynamoBalanceStore: BalanceStore = {
  async accounts(tenant, ids) {
    const keys = ids.flatMap((id) => [KEYS.account(tenant, id), LEDGER_KEYS.internalAccount(tenant, id)]);
    const items = await batchGet(keys);
    const result: PostingAccounts = { customers: new Map(), gls: new Map() };
    for (const item of items) {
      if (item.sk === 'ACCOUNT') {
        const record = balanceRecordOf(item as unknown as AccountItem);
        result.customers.set(record.account_id, record);
      } else {
        const gl = stripKeys<InternalAccountRecord>(item);
        result.gls.set(gl.id, gl);
      }
    }
    return result;
  },

  async glBalance(tenant, glId) {
    const shards = await batchGet(Array.from({ length: GL_SHARDS }, (_, n) => LEDGER_KEYS.glShard(tenant, glId, n)));
    return shards.reduce((total, shard) => total + ((shard.net_credit as number | undefined) ?? 0), 0);
  },

  async books(tenant) {
    const accountItems = await queryAll<AccountItem>({ index: 'gsi1', partitionValue: KEYS.accountsIndex(tenant) });
    const glRecords = await queryAll<InternalAccountRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.internalAccountsIndex(tenant) });
    const gls = await Promise.all(
      glRecords.map(async (gl) => ({ id: gl.id, currency: gl.currency, net_credit: await this.glBalance(tenant, gl.id) })),
    );
    return { customers: accountItems.map(balanceRecordOf), gls };
  },
};
