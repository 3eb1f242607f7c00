// Key patterns of the ledger (issue 9), beside keys.ts like mapping-keys.ts.
//
// A customer account's balance record is the account item itself (keys.ts `account`): postings
// update account_balance, pending_debits, last_posted_at and version there. Its posted lines sit
// in the same partition, in posting order, so a statement or an account's history is one Query:
//   pk TENANT#<t>#ACCOUNT#<id>  sk LINE#<posted_at>#<account version after, 12 digits>#<n, 3 digits>
// Its daily interest accruals, in the same partition:
//   pk TENANT#<t>#ACCOUNT#<id>  sk ACCRUAL#<yyyy-mm-dd>
// A monthly statement:
//   pk TENANT#<t>#STATEMENT#<id>  sk STATEMENT
//     gsi1 TENANT#<t>#ACCOUNT#<account>#STATEMENTS  <month>#<id>
// A transaction (pending or posted, same id):
//   pk TENANT#<t>#TRANSACTION#<id>  sk TRANSACTION
//     gsi8 TENANT#<t>#TRANSACTIONS#POSTED | #PENDING   <time>#<id>   (tenant-wide lists, newest first)
// An outgoing ACH is a transaction with `ach`, also listed in
//     gsi1 TENANT#<t>#OUTGOING_ACHS  <created_at>#<id>
// An internal (GL) account, and its balance split over GL_SHARDS items, each with that shard's lines:
//   pk TENANT#<t>#INTERNAL_ACCOUNT#<id>  sk INTERNAL_ACCOUNT
//     gsi1 TENANT#<t>#INTERNAL_ACCOUNTS  <creation_time>#<id>
//   pk TENANT#<t>#INTERNAL_ACCOUNT#<id>#SHARD#<n>  sk BALANCE                      net_credit (ADD only)
//   pk TENANT#<t>#INTERNAL_ACCOUNT#<id>#SHARD#<n>  sk LINE#<posted_at>#<txn>#<leg>
// A (simulated) incoming ACH entry; while SCHEDULED it is in its due day's index:
//   pk TENANT#<t>#INCOMING_ACH#<id>  sk INCOMING_ACH
//     gsi1 TENANT#<t>#INCOMING_ACHS          <creation_time>#<id>
//     gsi9 LEDGER_DUE#INCOMING_ACH            <effective_date>#<t>#<id>   (sparse: SCHEDULED only)
// Scheduled work is indexed across tenants (gsi9, sparse), so the scheduled job finds everything
// due with one Query per kind and no tenant list; a PENDING hold with expires_at is in
//     gsi9 LEDGER_DUE#HOLD_EXPIRY             <expires_at>#<t>#<id>
// and an outgoing ACH (a transaction with `ach`) waiting for settlement in
//     gsi9 LEDGER_DUE#ACH_SETTLEMENT          <settle_at>#<t>#<id>
// Every tenant, listed for the scheduled job's daily and month-end work (interest, statements),
// which is due for tenants with nothing in the due index too: the tenant item (keys.ts `tenant`),
// written with these keys in the tenant-creation transaction (back-filled when the due index
// names a tenant created before them), carries
//     gsi9 LEDGER_TENANTS                     <t>
// and the job's once-a-day marker of a tenant (TTL'd after LEDGER_DAILY_RUN_TTL_DAYS):
//   pk TENANT#<t>#LEDGER_DAILY_RUN  sk DAY#<yyyy-mm-dd>
// The sandbox clock of a tenant (an offset from real time, sandbox stages only):
//   pk TENANT#<t>#SANDBOX_CLOCK  sk SANDBOX_CLOCK
// A sandbox dispute, and while it is OPEN its marker in the disputed account's partition (the
// claim "one open dispute per account and transaction", and closure's strongly consistent read):
//   pk TENANT#<t>#DISPUTE#<id>  sk DISPUTE
//     gsi1 TENANT#<t>#DISPUTES                      <creation_time>#<id>
//     gsi2 TENANT#<t>#ACCOUNT#<account>#DISPUTES    <creation_time>#<id>
//   pk TENANT#<t>#ACCOUNT#<account>  sk OPEN_DISPUTE#<transaction>          dispute_id
// A payment schedule; while ACTIVE it is in the due index under its next execution date, and
// each customer account it names holds a marker (closure cancels an account's schedules from them):
//   pk TENANT#<t>#PAYMENT_SCHEDULE#<id>  sk PAYMENT_SCHEDULE
//     gsi1 TENANT#<t>#PAYMENT_SCHEDULES                     <creation_time>#<id>
//     gsi2 TENANT#<t>#ACCOUNT#<originating>#PAYMENT_SCHEDULES <creation_time>#<id>
//     gsi9 LEDGER_DUE#PAYMENT_SCHEDULE                      <execution_date>#<t>#<id>   (sparse: ACTIVE only)
//   pk TENANT#<t>#ACCOUNT#<account>  sk ACTIVE_PAYMENT_SCHEDULE#<id>
// A payment (one occurrence run, id derived from the schedule and the occurrence):
//   pk TENANT#<t>#PAYMENT#<id>  sk PAYMENT
//     gsi1 TENANT#<t>#PAYMENTS                              <creation_time>#<id>
//     gsi2 TENANT#<t>#PAYMENT_SCHEDULE#<s>#PAYMENTS          <creation_time>#<id>

export type DueKind = 'INCOMING_ACH' | 'HOLD_EXPIRY' | 'ACH_SETTLEMENT' | 'PAYMENT_SCHEDULE';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

export const LEDGER_KEYS = {
  accountLine: (tenant: string, accountId: string, postedAt: string, versionAfter: number, n: number) => ({
    pk: `TENANT#${tenant}#ACCOUNT#${accountId}`,
    sk: `LINE#${postedAt}#${pad(versionAfter, 12)}#${pad(n, 3)}`,
  }),
  linePrefix: 'LINE#',
  accrual: (tenant: string, accountId: string, day: string) => ({ pk: `TENANT#${tenant}#ACCOUNT#${accountId}`, sk: `ACCRUAL#${day}` }),
  accrualPrefix: 'ACCRUAL#',
  statement: (tenant: string, id: string) => ({ pk: `TENANT#${tenant}#STATEMENT#${id}`, sk: 'STATEMENT' }),
  statementsIndex: (tenant: string, accountId: string) => `TENANT#${tenant}#ACCOUNT#${accountId}#STATEMENTS`,
  transaction: (tenant: string, id: string) => ({ pk: `TENANT#${tenant}#TRANSACTION#${id}`, sk: 'TRANSACTION' }),
  transactionsIndex: (tenant: string, status: 'POSTED' | 'PENDING') => `TENANT#${tenant}#TRANSACTIONS#${status}`,
  internalAccount: (tenant: string, id: string) => ({ pk: `TENANT#${tenant}#INTERNAL_ACCOUNT#${id}`, sk: 'INTERNAL_ACCOUNT' }),
  internalAccountsIndex: (tenant: string) => `TENANT#${tenant}#INTERNAL_ACCOUNTS`,
  glShard: (tenant: string, id: string, shard: number) => ({ pk: `TENANT#${tenant}#INTERNAL_ACCOUNT#${id}#SHARD#${shard}`, sk: 'BALANCE' }),
  glLine: (tenant: string, id: string, shard: number, postedAt: string, txnId: string, leg: number) => ({
    pk: `TENANT#${tenant}#INTERNAL_ACCOUNT#${id}#SHARD#${shard}`,
    sk: `LINE#${postedAt}#${txnId}#${pad(leg, 3)}`,
  }),
  outgoingAchIndex: (tenant: string) => `TENANT#${tenant}#OUTGOING_ACHS`,
  incomingAch: (tenant: string, id: string) => ({ pk: `TENANT#${tenant}#INCOMING_ACH#${id}`, sk: 'INCOMING_ACH' }),
  incomingAchIndex: (tenant: string) => `TENANT#${tenant}#INCOMING_ACHS`,
  dueIndex: (kind: DueKind) => `LEDGER_DUE#${kind}`,
  dueSort: (due: string, tenant: string, id: string) => `${due}#${tenant}#${id}`,
  tenantsIndex: 'LEDGER_TENANTS',
  tenantListed: (tenant: string) => ({ gsi9pk: 'LEDGER_TENANTS', gsi9sk: tenant }),
  dailyRun: (tenant: string, day: string) => ({ pk: `TENANT#${tenant}#LEDGER_DAILY_RUN`, sk: `DAY#${day}` }),
  dispute: (tenant: string, id: string) => ({ pk: `TENANT#${tenant}#DISPUTE#${id}`, sk: 'DISPUTE' }),
  disputesIndex: (tenant: string) => `TENANT#${tenant}#DISPUTES`,
  accountDisputesIndex: (tenant: string, accountId: string) => `TENANT#${tenant}#ACCOUNT#${accountId}#DISPUTES`,
  openDispute: (tenant: string, accountId: string, transactionId: string) => ({
    pk: `TENANT#${tenant}#ACCOUNT#${accountId}`,
    sk: `OPEN_DISPUTE#${transactionId}`,
  }),
  openDisputePrefix: 'OPEN_DISPUTE#',
  paymentSchedule: (tenant: string, id: string) => ({ pk: `TENANT#${tenant}#PAYMENT_SCHEDULE#${id}`, sk: 'PAYMENT_SCHEDULE' }),
  paymentSchedulesIndex: (tenant: string) => `TENANT#${tenant}#PAYMENT_SCHEDULES`,
  accountPaymentSchedulesIndex: (tenant: string, accountId: string) => `TENANT#${tenant}#ACCOUNT#${accountId}#PAYMENT_SCHEDULES`,
  activePaymentSchedule: (tenant: string, accountId: string, id: string) => ({
    pk: `TENANT#${tenant}#ACCOUNT#${accountId}`,
    sk: `ACTIVE_PAYMENT_SCHEDULE#${id}`,
  }),
  activePaymentSchedulePrefix: 'ACTIVE_PAYMENT_SCHEDULE#',
  payment: (tenant: string, id: string) => ({ pk: `TENANT#${tenant}#PAYMENT#${id}`, sk: 'PAYMENT' }),
  paymentsIndex: (tenant: string) => `TENANT#${tenant}#PAYMENTS`,
  schedulePaymentsIndex: (tenant: string, scheduleId: string) => `TENANT#${tenant}#PAYMENT_SCHEDULE#${scheduleId}#PAYMENTS`,
  sandboxClock: (tenant: string) => ({ pk: `TENANT#${tenant}#SANDBOX_CLOCK`, sk: 'SANDBOX_CLOCK' }),
} as const;
