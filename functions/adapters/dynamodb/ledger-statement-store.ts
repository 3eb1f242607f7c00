import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type LedgerStore, TransactionExists } from '../../ledger/ports.js';
import type { StatementRecord } from '../../ledger/statements.js';
import { documentClient, tableName } from './client.js';
import { stripKeys } from './keys.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { outboxPut } from './outbox.js';
import { queryPage } from './query-page.js';
import { transact } from './transact.js';

// Monthly statements: written once with their event, read by id and listed per account (gsi1).

type StatementStore = Pick<LedgerStore, 'saveStatement' | 'getStatement' | 'listStatements'>;

export const dynamoStatementStore: StatementStore = {
  async saveStatement(record, event) {
    try {
      await transact(
        'statement',
        [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...LEDGER_KEYS.statement(record.tenant, record.id),
                gsi1pk: LEDGER_KEYS.statementsIndex(record.tenant, record.account_id),
                gsi1sk: `${record.month}#${record.id}`,
                entity: 'STATEMENT',
                ...record,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          outboxPut(event),
        ],
        new Map([[0, () => new TransactionExists(record.id)]]),
        { marksRequest: false },
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionExists) return false;
      throw error;
    }
  },

  async getStatement(tenant, id) {
    const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: LEDGER_KEYS.statement(tenant, id) }));
    return Item ? stripKeys<StatementRecord>(Item) : undefined;
  },

  listStatements: (tenant, accountId, criteria) =>
    queryPage<StatementRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.statementsIndex(tenant, accountId), ...criteria }),
};
