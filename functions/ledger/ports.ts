import type { OutboxEvent } from '../events/model.js';
import type { ListCriteria } from '../shared/list-criteria.js';
import type { Page } from '../shared/page.js';
import type { DisputeRecord } from './disputes.js';
import type { InternalAccountRecord } from './gl.js';
import type { IncomingAchRecord } from './incoming-ach.js';
import type { InterestTerms } from './interest.js';
import type { PaymentRecord, PaymentScheduleRecord } from './payment-schedule-model.js';
import type { StatementRecord } from './statements.js';
import type { BalanceRecord, LedgerTransaction, PostedLine } from './model.js';
import type { BalanceChange } from './posting.js';

/** The accounts a posting names: customer balance records and GL (internal) accounts, by id. */
export interface PostingAccounts {
  customers: Map<string, BalanceRecord>;
  gls: Map<string, InternalAccountRecord>;
}

export interface TransactionWrite {
  record: LedgerTransaction;
  /** Absent: a new transaction (fails if the id exists). Set: replaces a stored one still in this status. */
  expectedStatus?: LedgerTransaction['status'];
  /** A stored transaction whose fields change but whose lines were posted before (an ACH's return link). */
  annotationOnly?: boolean;
}

/**
 * Everything one movement changes, written in ONE TransactWriteItems: the transactions, the
 * balance records (each conditioned on the version the plan read), GL shard deltas, the posted
 * lines and the outbox events.
 */
/** A record of another kind written with a posting. */
export type SideRecord = { kind: 'INCOMING_ACH'; record: IncomingAchRecord };

export interface LedgerWrite {
  tenant: string;
  sideRecords: readonly SideRecord[];
  postedAt: string;
  transactions: TransactionWrite[];
  balances: BalanceChange[];
  events: OutboxEvent[];
}

/** A transaction id already taken (a retried job step, a replayed request): the movement happened. */
export class TransactionExists extends Error {
  override readonly name = 'TransactionExists';
  constructor(readonly id: string) {
    super(`transaction ${id} already exists`);
  }
}

/** A customer account's posted line, as its history and statements read it. */
export interface AccountLine extends PostedLine {
  transaction_id: string;
  type: string;
  subtype: string;
  posted_at: string;
  effective_date: string;
  memo?: string;
  reference_id?: string;
  idempotency_key?: string;
  original_trx?: string;
}

/** One day's interest accrual of an account; micro-units (10^-6 minor unit) as decimal strings. */
export interface AccrualRecord {
  tenant: string;
  account_id: string;
  day: string;
  balance: number;
  accrued_micro: string;
  mtd_micro: string;
}

export interface InterestAccount {
  record: BalanceRecord;
  open_date: string;
  terms: InterestTerms;
}

/** Every balance of a tenant: what the trial balance adds up. */
export interface Books {
  customers: BalanceRecord[];
  gls: { id: string; currency: string; net_credit: number }[];
}

export interface LedgerStore {
  /** Strongly consistent reads of the named accounts; ids that are neither kind are absent from both maps. */
  accounts(tenant: string, ids: readonly string[]): Promise<PostingAccounts>;
  getTransaction(tenant: string, id: string): Promise<LedgerTransaction | undefined>;
  /** Throws VersionConflict when a balance or transaction moved since it was read, TransactionExists for a taken new id. */
  commit(write: LedgerWrite): Promise<void>;
  /** Creates the tenant's platform GLs if missing (idempotent). */
  ensureGls(records: readonly InternalAccountRecord[]): Promise<void>;
  /** Sum of a GL's shards, in net-credit terms (credits minus debits). */
  glBalance(tenant: string, glId: string): Promise<number>;
  /** Operator and test reads (Query, never Scan): all balances of the tenant. */
  books(tenant: string): Promise<Books>;
  /** An account's posted lines, oldest first. */
  accountLines(tenant: string, accountId: string): Promise<AccountLine[]>;
  /** An account's posted lines, newest first by default (one Query of the account's partition). */
  listAccountLines(tenant: string, accountId: string, criteria: ListCriteria<AccountLine>): Promise<Page<AccountLine>>;
  /** An account's posted lines of one UTC month (YYYY-MM): one Query of the month's key prefix. */
  listAccountLinesOfMonth(
    tenant: string,
    accountId: string,
    month: string,
    criteria: ListCriteria<AccountLine>,
  ): Promise<Page<AccountLine>>;
  /** The tenant's transactions in one list (POSTED, or PENDING: holds, resolved or not), by time. */
  listTransactions(tenant: string, list: 'POSTED' | 'PENDING', criteria: ListCriteria<LedgerTransaction>): Promise<Page<LedgerTransaction>>;
  getInternalAccount(tenant: string, id: string): Promise<InternalAccountRecord | undefined>;
  listInternalAccounts(tenant: string, criteria: ListCriteria<InternalAccountRecord>): Promise<Page<InternalAccountRecord>>;
  /** Create (no expected version) or replace an internal account; throws VersionConflict, or AlreadyExists via `aliasTaken`. */
  saveInternalAccount(record: InternalAccountRecord, expectedVersion: number | undefined, event: OutboxEvent): Promise<void>;
  /** The id of the tenant's account with this number (the bank-wide number claim), if any. */
  accountIdByNumber(tenant: string, accountNumber: string): Promise<string | undefined>;
  /** Records an entry that posts nothing (returned, prenote, scheduled: then `accountNumber` is kept for the due day). */
  saveIncomingAch(record: IncomingAchRecord, accountNumber?: string): Promise<void>;
  dueIncomingAch(day: string, tenant?: string): Promise<{ record: IncomingAchRecord; account_number: string }[]>;
  /** Holds with expires_at at or before `at` still PENDING: (tenant, transaction id), oldest first. */
  expiringHolds(at: string, tenant?: string): Promise<{ tenant: string; id: string }[]>;
  /** Outgoing ACH entries due for settlement at or before `at`: (tenant, id), oldest first. */
  dueAchSettlements(at: string, tenant?: string): Promise<{ tenant: string; id: string }[]>;
  /** The sandbox clock's offset from real time, in ms (0 when never moved), and its version. */
  clockOffset(tenant: string): Promise<{ offset_ms: number; version: number }>;
  /** Throws VersionConflict when another advance moved it since `expectedVersion`. */
  saveClockOffset(tenant: string, offsetMs: number, expectedVersion: number): Promise<void>;
  listIncomingAch(tenant: string, criteria: ListCriteria<IncomingAchRecord>): Promise<Page<IncomingAchRecord>>;
  /** The tenant's outgoing ACH entries, by creation time. */
  listOutgoingAch(tenant: string, criteria: ListCriteria<LedgerTransaction>): Promise<Page<LedgerTransaction>>;
  /** The tenant's accounts with an interest product, with its terms (operator/job read: Query, not Scan). */
  interestAccounts(tenant: string): Promise<InterestAccount[]>;
  lastAccrual(tenant: string, accountId: string): Promise<AccrualRecord | undefined>;
  /** Accruals of days in [from, to], oldest first. */
  accruals(tenant: string, accountId: string, from: string, to: string): Promise<AccrualRecord[]>;
  /** Writes a day's accrual once; a second write of the same day is ignored. */
  saveAccrual(record: AccrualRecord): Promise<void>;
  /** An account's posted lines with posted_at in [from, to), oldest first (one Query). */
  linesBetween(tenant: string, accountId: string, from: string, to: string): Promise<AccountLine[]>;
  lastLineBefore(tenant: string, accountId: string, before: string): Promise<AccountLine | undefined>;
  /** Writes the statement and its event once; false when it existed. */
  saveStatement(record: StatementRecord, event: OutboxEvent): Promise<boolean>;
  getStatement(tenant: string, id: string): Promise<StatementRecord | undefined>;
  listStatements(tenant: string, accountId: string, criteria: ListCriteria<StatementRecord>): Promise<Page<StatementRecord>>;
  /** Create (no expected version: also claims the open dispute of its account and transaction, else DisputeAlreadyOpen) or replace. */
  saveDispute(record: DisputeRecord, expectedVersion: number | undefined, event: OutboxEvent): Promise<void>;
  getDispute(tenant: string, id: string): Promise<DisputeRecord | undefined>;
  /** The tenant's disputes, or one account's, by creation time. */
  listDisputes(tenant: string, accountId: string | undefined, criteria: ListCriteria<DisputeRecord>): Promise<Page<DisputeRecord>>;
  /** An account's OPEN disputes: one strongly consistent Query. */
  openDisputes(tenant: string, accountId: string): Promise<{ id: string; transaction_id: string }[]>;

  getPaymentSchedule(tenant: string, id: string): Promise<PaymentScheduleRecord | undefined>;
  /**
   * Creates (no expected version) or replaces schedules in ONE TransactWriteItems, with their
   * events; keeps each one's due-index keys and its accounts' active markers in step with its status.
   */
  savePaymentSchedules(writes: readonly ScheduleWrite[]): Promise<void>;
  /** The tenant's schedules, or those originating from one account, by creation time. */
  listPaymentSchedules(
    tenant: string,
    accountId: string | undefined,
    criteria: ListCriteria<PaymentScheduleRecord>,
  ): Promise<Page<PaymentScheduleRecord>>;
  /** Ids of the ACTIVE schedules naming the account: one strongly consistent Query. */
  activePaymentScheduleIds(tenant: string, accountId: string): Promise<string[]>;
  /** ACTIVE schedules with an execution date on or before `day`: (tenant, id), oldest first. */
  duePaymentSchedules(day: string, tenant?: string): Promise<{ tenant: string; id: string }[]>;
  /** An occurrence's payment record with the schedule's advance, in one transaction; throws VersionConflict. */
  recordPayment(payment: PaymentRecord, schedule: ScheduleWrite): Promise<void>;
  listPayments(tenant: string, scheduleId: string | undefined, criteria: ListCriteria<PaymentRecord>): Promise<Page<PaymentRecord>>;
}

export interface ScheduleWrite {
  record: PaymentScheduleRecord;
  expectedVersion?: number;
  events: readonly OutboxEvent[];
}
