import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AccrualRecord, LedgerStore } from '../../ledger/ports.js';
import { batchGet } from './batch-get.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys } from './keys.js';
import { type AccountItem, balanceRecordOf } from './ledger-items.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { queryAll } from './query-page.js';

// Interest: the accounts with an interest product and its terms, and their daily accruals
// (ACCRUAL#<day> in the account's partition).

type InterestStore = Pick<LedgerStore, 'interestAccounts' | 'lastAccrual' | 'accruals' | 'saveAccrual'>;

export const dynamoInterestStore: InterestStore = {
  async interestAccounts(tenant) {
    const items = await queryAll<Record<string, unknown>>({ index: 'gsi1', partitionValue: KEYS.accountsIndex(tenant) });
    const withProduct = items.filter((item) => typeof item.interest_product_id === 'string');
    const productIds = [...new Set(withProduct.map((item) => item.interest_product_id as string))];
    const products = new Map((await batchGet(productIds.map((id) => KEYS.accountProduct(tenant, id)))).map((p) => [p.id as string, p]));
    return withProduct.flatMap((item) => {
      const product = products.get(item.interest_product_id as string);
      if (!product) return [];
      return [
        {
          record: balanceRecordOf(item as unknown as AccountItem),
          open_date: (item.open_date as string | undefined) ?? (item.creation_time as string).slice(0, 10),
          terms: {
            calculation_method: product.calculation_method as 'COMPOUNDED_DAILY' | 'COMPOUNDED_MONTHLY',
            accrual_payout_schedule: product.accrual_payout_schedule as 'MONTHLY' | 'NONE',
            rates: product.rates as { rate: number; valid_from: string; valid_to?: string }[],
          },
        },
      ];
    });
  },

  async lastAccrual(tenant, accountId) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': KEYS.account(tenant, accountId).pk, ':prefix': LEDGER_KEYS.accrualPrefix },
        ScanIndexForward: false,
        Limit: 1,
        ConsistentRead: true,
      }),
    );
    const item = out.Items?.[0];
    return item ? stripKeys<AccrualRecord>(item) : undefined;
  },

  async accruals(tenant, accountId, from, to) {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': KEYS.account(tenant, accountId).pk,
          ':from': LEDGER_KEYS.accrual(tenant, accountId, from).sk,
          ':to': LEDGER_KEYS.accrual(tenant, accountId, to).sk,
        },
        ConsistentRead: true,
      }),
    );
    return (out.Items ?? []).map((item) => stripKeys<AccrualRecord>(item));
  },

  async saveAccrual(record) {
    try {
      await documentClient().send(
        new PutCommand({
          TableName: tableName(),
          Item: { ...LEDGER_KEYS.accrual(record.tenant, record.account_id, record.day), entity: 'INTEREST_ACCRUAL', ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  },
};
