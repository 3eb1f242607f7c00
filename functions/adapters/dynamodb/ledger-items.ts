import type { OutboxEvent } from '../../events/model.js';
import { glShardOf, type InternalAccountRecord } from '../../ledger/gl.js';
import type { IncomingAchRecord } from '../../ledger/incoming-ach.js';
import type { BalanceRecord, LedgerTransaction, PostedLine } from '../../ledger/model.js';
import type { BalanceChange } from '../../ledger/posting.js';
import type { LedgerWrite } from '../../ledger/ports.js';
import { tableName } from './client.js';
import { toStoredItem } from './free-form-json.js';
import { KEYS, timeOrdered } from './keys.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { outboxPut } from './outbox.js';
import type { TransactItems } from './transact.js';

// Item shapes of the ledger (keys in ledger-keys.ts) and the actions of one posting's transaction.

const CREDIT_FAMILY_TYPES = ['LINE_OF_CREDIT', 'CHARGE_SECURED', 'CHARGE_UNSECURED', 'CREDIT_CARD'];

/** The ledger's view of an account item (accounts/model.ts); the item is the balance record. */
/** The account item's fields the ledger reads. */
export interface AccountItem {
  id: string;
  tenant: string;
  currency: string;
  account_type: string;
  status: string;
  access_status: string;
  account_balance?: number;
  pending_debits?: number;
  version: number;
  last_posted_at?: string;
  credit_limit?: number;
  balance_floor?: BalanceRecord['balance_floor'];
  balance_ceiling?: BalanceRecord['balance_ceiling'];
  is_ach_enabled?: boolean;
  is_p2p_enabled?: boolean;
}

export const balanceRecordOf = (item: AccountItem): BalanceRecord => ({
  account_id: item.id,
  tenant: item.tenant,
  currency: item.currency,
  family: CREDIT_FAMILY_TYPES.includes(item.account_type) ? 'CREDIT' : 'DEPOSIT',
  status: item.status,
  access_status: item.access_status,
  account_balance: item.account_balance ?? 0,
  pending_debits: item.pending_debits ?? 0,
  version: item.version,
  ...(item.last_posted_at ? { last_posted_at: item.last_posted_at } : {}),
  ...(item.credit_limit !== undefined ? { credit_limit: item.credit_limit } : {}),
  ...(item.balance_floor ? { balance_floor: item.balance_floor } : {}),
  ...(item.balance_ceiling ? { balance_ceiling: item.balance_ceiling } : {}),
  ...(item.is_ach_enabled !== undefined ? { is_ach_enabled: item.is_ach_enabled } : {}),
  ...(item.is_p2p_enabled !== undefined ? { is_p2p_enabled: item.is_p2p_enabled } : {}),
});

export const internalAccountItem = (r: InternalAccountRecord) => ({
  ...LEDGER_KEYS.internalAccount(r.tenant, r.id),
  gsi1pk: LEDGER_KEYS.internalAccountsIndex(r.tenant),
  gsi1sk: timeOrdered(r.creation_time, r.id),
  entity: 'INTERNAL_ACCOUNT',
  ...r,
});

export const incomingAchItem = (r: IncomingAchRecord, accountNumber?: string) => ({
  ...LEDGER_KEYS.incomingAch(r.tenant, r.id),
  gsi1pk: LEDGER_KEYS.incomingAchIndex(r.tenant),
  gsi1sk: timeOrdered(r.creation_time, r.id),
  // Only a SCHEDULED entry keeps the number (to find the account on its day) and the due-day keys.
  ...(r.status === 'SCHEDULED' && accountNumber
    ? {
        gsi9pk: LEDGER_KEYS.dueIndex('INCOMING_ACH'),
        gsi9sk: LEDGER_KEYS.dueSort(r.effective_date, r.tenant, r.id),
        account_number: accountNumber,
      }
    : {}),
  entity: 'INCOMING_ACH',
  ...r,
});

export const transactionItem = (t: LedgerTransaction) => {
  const listed = t.status === 'POSTED' ? 'POSTED' : 'PENDING';
  return {
    ...LEDGER_KEYS.transaction(t.tenant, t.id),
    gsi8pk: LEDGER_KEYS.transactionsIndex(t.tenant, listed),
    gsi8sk: timeOrdered(t.posted_at ?? t.created_at, t.id),
    // A hold that can expire is due for the expiry job until it resolves.
    ...(t.status === 'PENDING' && t.hold?.expires_at
      ? { gsi9pk: LEDGER_KEYS.dueIndex('HOLD_EXPIRY'), gsi9sk: LEDGER_KEYS.dueSort(t.hold.expires_at, t.tenant, t.id) }
      : {}),
    ...(t.ach ? { gsi1pk: LEDGER_KEYS.outgoingAchIndex(t.tenant), gsi1sk: timeOrdered(t.created_at, t.id) } : {}),
    // An outgoing ACH waiting for its settlement run.
    ...(t.ach && (t.ach.status === 'PENDING' || t.ach.status === 'INIT')
      ? { gsi9pk: LEDGER_KEYS.dueIndex('ACH_SETTLEMENT'), gsi9sk: LEDGER_KEYS.dueSort(t.ach.settle_at, t.tenant, t.id) }
      : {}),
    entity: 'TRANSACTION',
    ...t,
  };
};

const transactionPut = (write: LedgerWrite['transactions'][number]) => ({
  Put: {
    TableName: tableName(),
    Item: toStoredItem(transactionItem(write.record)),
    ...(write.expectedStatus
      ? {
          ConditionExpression: '#status = :expected',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':expected': write.expectedStatus },
        }
      : { ConditionExpression: 'attribute_not_exists(pk)' }),
  },
});

const balanceUpdate = (tenant: string, change: BalanceChange, postedAt: string) => ({
  Update: {
    TableName: tableName(),
    Key: KEYS.account(tenant, change.account_id),
    // The version guards the whole plan: status, funds and balance-after were computed from it.
    // An account PATCH (a Put conditioned on its own read version) then retries instead of
    // overwriting a posting (accounts/model.ts).
    UpdateExpression: 'SET account_balance = :balance, pending_debits = :pending, last_posted_at = :at, #version = :next',
    ConditionExpression: '#version = :expected',
    ExpressionAttributeNames: { '#version': 'version' },
    ExpressionAttributeValues: {
      ':balance': change.account_balance,
      ':pending': change.pending_debits,
      ':at': postedAt,
      ':next': change.expectedVersion + 1,
      ':expected': change.expectedVersion,
    },
  },
});

/** What an account's history and statements show: the line plus the transaction's summary. */
const lineFields = (t: LedgerTransaction, line: PostedLine, postedAt: string) => ({
  transaction_id: t.id,
  tenant: t.tenant,
  type: t.type,
  subtype: t.subtype,
  ...line,
  posted_at: postedAt,
  effective_date: t.effective_date,
  ...(t.memo ? { memo: t.memo } : {}),
  ...(t.reference_id ? { reference_id: t.reference_id } : {}),
  ...(t.idempotency_key ? { idempotency_key: t.idempotency_key } : {}),
  ...(t.original_trx ? { original_trx: t.original_trx } : {}),
});

/** Every action of one posting, in one list (the store sends it as one TransactWriteItems). */
export const postingItems = (write: LedgerWrite): TransactItems => {
  const items: TransactItems = write.transactions.map(transactionPut);
  const nextVersion = new Map(write.balances.map((b) => [b.account_id, b.expectedVersion + 1]));
  const linesSoFar = new Map<string, number>();
  const glDeltas = new Map<string, { glId: string; shard: number; delta: number }>();
  for (const { record } of write.transactions) {
    if (record.status !== 'POSTED') continue;
    if (write.transactions.find((t) => t.record === record)?.annotationOnly) continue;
    for (const line of record.lines) {
      if (line.kind === 'CUSTOMER') {
        const n = linesSoFar.get(line.account_id) ?? 0;
        linesSoFar.set(line.account_id, n + 1);
        const key = LEDGER_KEYS.accountLine(write.tenant, line.account_id, write.postedAt, nextVersion.get(line.account_id) ?? 0, n);
        items.push({
          Put: { TableName: tableName(), Item: { ...key, entity: 'LEDGER_LINE', ...lineFields(record, line, write.postedAt) } },
        });
        continue;
      }
      const shard = glShardOf(record.id, line.account_id);
      const key = LEDGER_KEYS.glLine(write.tenant, line.account_id, shard, write.postedAt, record.id, line.leg);
      items.push({ Put: { TableName: tableName(), Item: { ...key, entity: 'GL_LINE', ...lineFields(record, line, write.postedAt) } } });
      const sum = glDeltas.get(`${line.account_id}#${shard}`) ?? { glId: line.account_id, shard, delta: 0 };
      sum.delta += line.dc_sign === 'credit' ? line.amount : -line.amount;
      glDeltas.set(`${line.account_id}#${shard}`, sum);
    }
  }
  for (const change of write.balances) items.push(balanceUpdate(write.tenant, change, write.postedAt));
  for (const { glId, shard, delta } of glDeltas.values()) {
    // No condition: GL balances are unbounded, and ADD on a shard never conflicts on a value read.
    items.push({
      Update: {
        TableName: tableName(),
        Key: LEDGER_KEYS.glShard(write.tenant, glId, shard),
        UpdateExpression: 'ADD net_credit :delta, line_count :one SET entity = :entity',
        ExpressionAttributeValues: { ':delta': delta, ':one': 1, ':entity': 'GL_BALANCE_SHARD' },
      },
    });
  }
  for (const side of write.sideRecords) items.push({ Put: { TableName: tableName(), Item: incomingAchItem(side.record) } });
  items.push(...write.events.map((e: OutboxEvent) => outboxPut(e)));
  return items;
};
