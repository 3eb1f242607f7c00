import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ClosingAccount, ClosureRecord, WorkflowStart } from '../../closures/model.js';
import type { ClosureStore, OpenClosure } from '../../closures/ports.js';
import { ConcurrentModification } from '../../shared/errors.js';
import { VersionConflict } from '../../shared/page.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { queryAll } from './query-page.js';
import { transact, type TransactItems } from './transact.js';

// The closure lives on the account item (`closure`, and `account_closure` as the API shows it),
// so the status change, each step and the close are each one conditioned write of that item.
//   pk OPEN_CLOSURES                     sk TENANT#<t>#ACCOUNT#<a>    one per closure not finished (the twin's resume, the CLI)
//   pk TENANT#<t>#WORKFLOW_START         sk <closure id>#<revision>   the start (and wake) request the workflow starter reads from the stream
// Every write also bumps the account's `version`, so a posting or an account PATCH that read the
// item before retries instead of overwriting the closure.

const OPEN_CLOSURES = 'OPEN_CLOSURES';
const CREDIT_FAMILY = ['LINE_OF_CREDIT', 'CHARGE_SECURED', 'CHARGE_UNSECURED', 'CREDIT_CARD'];
/** Start requests are read from the stream at once; TTL removes them after a day. */
const START_TTL_SECONDS = 86_400;

type View = (closure: ClosureRecord) => unknown;

const openKey = (tenant: string, accountId: string) => ({ pk: OPEN_CLOSURES, sk: `TENANT#${tenant}#ACCOUNT#${accountId}` });

const openItem = (closure: ClosureRecord) => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...openKey(closure.tenant, closure.account_id),
      entity: 'OPEN_CLOSURE',
      tenant: closure.tenant,
      account_id: closure.account_id,
      closure_id: closure.id,
      execution_name: closure.execution_name,
      step: closure.step,
      updated_at: closure.updated_at,
    },
  },
});

const startItem = (start: WorkflowStart, revision: number, kind: 'START' | 'WAKE', now: string) => ({
  Put: {
    TableName: tableName(),
    Item: {
      pk: `TENANT#${start.tenant}#WORKFLOW_START`,
      sk: `${start.closure_id}#${String(revision).padStart(6, '0')}`,
      entity: 'WORKFLOW_START',
      kind,
      workflow: 'closure',
      ...start,
      requested_at: now,
      expires_at: Math.floor(Date.parse(now) / 1000) + START_TTL_SECONDS,
    },
  },
});

const holderIdsOf = (item: Record<string, unknown>): string[] => [
  ...((item.customer_ids as string[] | undefined) ?? []),
  ...((item.business_ids as string[] | undefined) ?? []),
];

const closingAccountOf = (raw: Record<string, unknown>): ClosingAccount => ({
  id: raw.id as string,
  tenant: raw.tenant as string,
  status: raw.status as string,
  family: CREDIT_FAMILY.includes(raw.account_type as string) ? 'CREDIT' : 'DEPOSIT',
  currency: raw.currency as string,
  balance: (raw.account_balance as number | undefined) ?? 0,
  pending_debits: (raw.pending_debits as number | undefined) ?? 0,
  holder_ids: holderIdsOf(raw),
  ...(raw.closure ? { closure: raw.closure as ClosureRecord } : {}),
  raw: Object.fromEntries(Object.entries(raw).filter(([k]) => k !== 'closure' && k !== 'entity')),
});

const conflictAs = async (what: string, run: () => Promise<void>): Promise<void> => {
  try {
    await run();
  } catch (error) {
    if (error instanceof VersionConflict) throw new ConcurrentModification(`${what} was changed by another request; retry`);
    throw error;
  }
};

const closureUpdate = (closure: ClosureRecord, view: View, extra: { set?: string; values?: Record<string, unknown> } = {}) => ({
  Update: {
    TableName: tableName(),
    Key: KEYS.account(closure.tenant, closure.account_id),
    UpdateExpression: `SET closure = :closure, account_closure = :view, #version = #version + :one${extra.set ? `, ${extra.set}` : ''}`,
    ConditionExpression: 'closure.revision = :previous',
    ExpressionAttributeNames: { '#version': 'version', ...(extra.set?.includes('#status') ? { '#status': 'status' } : {}) },
    ExpressionAttributeValues: {
      ':closure': closure,
      ':view': view(closure),
      ':one': 1,
      ':previous': closure.revision - 1,
      ...extra.values,
    },
  },
});

export const dynamoClosureStore = (view: View): ClosureStore => ({
  async account(tenant, accountId) {
    const { Item } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: KEYS.account(tenant, accountId), ConsistentRead: true }),
    );
    return Item ? closingAccountOf(stripKeys<Record<string, unknown>>(Item)) : undefined;
  },

  initiate: (account, closure, events, start) =>
    conflictAs(`account ${account.id}`, () =>
      transact(`account ${account.id}`, [
        {
          Update: {
            TableName: tableName(),
            Key: KEYS.account(account.tenant, account.id),
            UpdateExpression:
              'SET closure = :closure, account_closure = :view, #status = :closing, in_closing_date = :day, last_updated_time = :now, #version = #version + :one',
            ConditionExpression: '#version = :version AND #status = :status AND attribute_not_exists(closure)',
            ExpressionAttributeNames: { '#version': 'version', '#status': 'status' },
            ExpressionAttributeValues: {
              ':closure': closure,
              ':view': view(closure),
              ':closing': 'IN_CLOSING',
              ':day': closure.in_closing_date,
              ':now': closure.created_at,
              ':one': 1,
              ':version': account.raw.version,
              ':status': account.status,
            },
          },
        },
        openItem(closure),
        startItem(start, closure.revision, 'START', closure.created_at),
        ...events.map(outboxPut),
      ]),
    ),

  save: (closure, events = [], wake) =>
    conflictAs(`the closure of account ${closure.account_id}`, () => {
      const items: TransactItems = [
        closureUpdate(closure, view),
        {
          Update: {
            TableName: tableName(),
            Key: openKey(closure.tenant, closure.account_id),
            UpdateExpression: 'SET step = :step, updated_at = :at',
            ExpressionAttributeValues: { ':step': closure.step, ':at': closure.updated_at },
          },
        },
        ...(wake ? [startItem(wake, closure.revision, 'WAKE', closure.updated_at)] : []),
        ...events.map(outboxPut),
      ];
      return transact(`the closure of account ${closure.account_id}`, items);
    }),

  close: (account, closure, status, closeDate, events) =>
    conflictAs(`account ${account.id}`, () =>
      transact(`account ${account.id}`, [
        {
          Update: {
            ...closureUpdate(closure, view, {
              set: '#status = :final, close_date = :day, last_updated_time = :now',
              values: { ':final': status, ':day': closeDate, ':now': closure.updated_at, ':closing': 'IN_CLOSING', ':zero': 0 },
            }).Update,
            ConditionExpression:
              'closure.revision = :previous AND #status = :closing AND (attribute_not_exists(account_balance) OR account_balance = :zero) AND (attribute_not_exists(pending_debits) OR pending_debits = :zero)',
          },
        },
        { Delete: { TableName: tableName(), Key: openKey(closure.tenant, closure.account_id) } },
        ...events.map(outboxPut),
      ]),
    ),

  async openClosures() {
    return queryAll<OpenClosure>({ partitionValue: OPEN_CLOSURES, consistent: true });
  },
});
