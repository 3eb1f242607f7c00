import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { PaymentRecord, PaymentScheduleRecord } from '../../ledger/payment-schedule-model.js';
import type { LedgerStore, ScheduleWrite } from '../../ledger/ports.js';
import { documentClient, tableName } from './client.js';
import { toStoredItem } from './free-form-json.js';
import { stripKeys, timeOrdered } from './keys.js';
import { queryDue } from './ledger-due-index.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { outboxPut } from './outbox.js';
import { queryAll, queryPage } from './query-page.js';
import { type TransactItems, transact, versionedPut } from './transact.js';

// Payment schedules and their payments (ledger/payment-schedules.ts, schedule-runner.ts). A
// schedule's due-index keys and its accounts' ACTIVE markers are derived from its status on
// every write, in the write's own transaction (keys in ledger-keys.ts).

type ScheduleStore = Pick<
  LedgerStore,
  | 'getPaymentSchedule'
  | 'savePaymentSchedules'
  | 'listPaymentSchedules'
  | 'activePaymentScheduleIds'
  | 'duePaymentSchedules'
  | 'recordPayment'
  | 'listPayments'
>;

const scheduleItem = (s: PaymentScheduleRecord) => ({
  ...LEDGER_KEYS.paymentSchedule(s.tenant, s.id),
  gsi1pk: LEDGER_KEYS.paymentSchedulesIndex(s.tenant),
  gsi1sk: timeOrdered(s.creation_time, s.id),
  gsi2pk: LEDGER_KEYS.accountPaymentSchedulesIndex(s.tenant, s.account_id),
  gsi2sk: timeOrdered(s.creation_time, s.id),
  ...(s.status === 'ACTIVE' && s.next_payment_date
    ? { gsi9pk: LEDGER_KEYS.dueIndex('PAYMENT_SCHEDULE'), gsi9sk: LEDGER_KEYS.dueSort(s.next_payment_date.execution_date, s.tenant, s.id) }
    : {}),
  entity: 'PAYMENT_SCHEDULE',
  ...s,
});

const markerActions = (s: PaymentScheduleRecord): TransactItems =>
  s.account_ids.map((accountId) => {
    const Key = LEDGER_KEYS.activePaymentSchedule(s.tenant, accountId, s.id);
    return s.status === 'ACTIVE'
      ? {
          Put: { TableName: tableName(), Item: { ...Key, entity: 'ACTIVE_PAYMENT_SCHEDULE', tenant: s.tenant, payment_schedule_id: s.id } },
        }
      : { Delete: { TableName: tableName(), Key } };
  });

const scheduleActions = (w: ScheduleWrite): TransactItems => [
  versionedPut(tableName(), scheduleItem(w.record), w.expectedVersion),
  ...markerActions(w.record),
  ...w.events.map(outboxPut),
];

const paymentItem = (p: PaymentRecord) => ({
  ...LEDGER_KEYS.payment(p.tenant, p.id),
  gsi1pk: LEDGER_KEYS.paymentsIndex(p.tenant),
  gsi1sk: timeOrdered(p.creation_time, p.id),
  gsi2pk: LEDGER_KEYS.schedulePaymentsIndex(p.tenant, p.payment_schedule_id),
  gsi2sk: timeOrdered(p.creation_time, p.id),
  entity: 'PAYMENT',
  ...p,
});

export const dynamoPaymentScheduleStore: ScheduleStore = {
  async getPaymentSchedule(tenant, id) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.paymentSchedule(tenant, id), ConsistentRead: true }),
    );
    return Item ? stripKeys<PaymentScheduleRecord>(Item) : undefined;
  },

  async savePaymentSchedules(writes) {
    await transact('payment schedule', writes.flatMap(scheduleActions));
  },

  listPaymentSchedules: (tenant, accountId, criteria) =>
    accountId
      ? queryPage<PaymentScheduleRecord>({
          index: 'gsi2',
          partitionValue: LEDGER_KEYS.accountPaymentSchedulesIndex(tenant, accountId),
          ...criteria,
        })
      : queryPage<PaymentScheduleRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.paymentSchedulesIndex(tenant), ...criteria }),

  async activePaymentScheduleIds(tenant, accountId) {
    const markers = await queryAll<{ payment_schedule_id: string }>({
      partitionValue: LEDGER_KEYS.activePaymentSchedule(tenant, accountId, '').pk,
      sortKeyPrefix: LEDGER_KEYS.activePaymentSchedulePrefix,
      consistent: true,
    });
    return markers.map((m) => m.payment_schedule_id);
  },

  async duePaymentSchedules(day, tenant) {
    const items = await queryDue('PAYMENT_SCHEDULE', `${day}#~`, tenant);
    return items.map((item) => ({ tenant: item.tenant as string, id: item.id as string }));
  },

  async recordPayment(payment, schedule) {
    await transact('payment schedule', [
      { Put: { TableName: tableName(), Item: toStoredItem(paymentItem(payment)), ConditionExpression: 'attribute_not_exists(pk)' } },
      ...scheduleActions(schedule),
    ]);
  },

  listPayments: (tenant, scheduleId, criteria) =>
    scheduleId
      ? queryPage<PaymentRecord>({ index: 'gsi2', partitionValue: LEDGER_KEYS.schedulePaymentsIndex(tenant, scheduleId), ...criteria })
      : queryPage<PaymentRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.paymentsIndex(tenant), ...criteria }),
};
