import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { GL_SHARDS } from '../../ledger/gl.js';
import { documentClient, tableName } from './client.js';
import { claimKeyOf, toExternalAccountRecord } from './external-account-items.js';
import { EXTERNAL_ACCOUNT_KEYS } from './external-account-keys.js';
import { KEYS, stripKeys } from './keys.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { WEBHOOK_KEYS } from './webhook-keys.js';

// POST /v0/wipe (sandbox, contract §12.1): deletes a tenant's customer and account data (persons,
// businesses, verifications, accounts with their relationships, lines, accruals and number
// claims, holder memberships, internal accounts and their shards, transactions, ACH, statements,
// disputes, payment schedules and payments, external accounts with their claims and vendor
// links, webhook delivery records) and keeps templates, products, API keys, the aggregator
// setting and the webhook subscriptions with their secrets. Query only: every item is reached from
// one of the tenant's list partitions, never by a Scan. Events stay (the audit trail).

type Key = { pk: string; sk: string };

const query = async (input: { index?: string; pkAttribute: string; pk: string }): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        ...(input.index ? { IndexName: input.index } : {}),
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': input.pkAttribute },
        ExpressionAttributeValues: { ':pk': input.pk },
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
};

const keyOf = (item: Record<string, unknown>): Key => ({ pk: item.pk as string, sk: item.sk as string });
const list = (pk: string, index = 'gsi1') => query({ index, pkAttribute: `${index}pk`, pk });
const partition = (pk: string) => query({ pkAttribute: 'pk', pk });

// DeleteItem, not BatchWriteItem: functions are granted item writes only (lib/table-access.ts),
// and a delete of a key already gone is a no-op, so a wipe that stops half-way can run again.
const DELETES_IN_FLIGHT = 25;

const deleteAll = async (keys: readonly Key[]): Promise<void> => {
  for (let i = 0; i < keys.length; i += DELETES_IN_FLIGHT) {
    await Promise.all(
      keys.slice(i, i + DELETES_IN_FLIGHT).map((Key) => documentClient().send(new DeleteCommand({ TableName: tableName(), Key }))),
    );
  }
};

export const wipeTenant = async (tenant: string): Promise<number> => {
  const keys = new Map<string, Key>();
  const add = (items: readonly Record<string, unknown>[]) => {
    for (const item of items) keys.set(`${item.pk}\u0000${item.sk}`, keyOf(item));
  };
  for (const holders of [KEYS.personsIndex(tenant), KEYS.businessesIndex(tenant)]) {
    for (const holder of await list(holders)) add(await partition(holder.pk as string));
  }
  add(await list(KEYS.verificationsIndex(tenant)));
  for (const account of await list(KEYS.accountsIndex(tenant))) {
    add(await partition(account.pk as string));
    add(await list(LEDGER_KEYS.statementsIndex(tenant, account.id as string)));
    const claim = KEYS.accountNumberClaim(account.bank_routing as string, account.account_number as string);
    keys.set(`${claim.pk}\u0000${claim.sk}`, claim);
  }
  for (const gl of await list(LEDGER_KEYS.internalAccountsIndex(tenant))) {
    add([gl]);
    for (let n = 0; n < GL_SHARDS; n++) add(await partition(LEDGER_KEYS.glShard(tenant, gl.id as string, n).pk));
  }
  add(await list(LEDGER_KEYS.incomingAchIndex(tenant)));
  add(await list(LEDGER_KEYS.outgoingAchIndex(tenant)));
  add(await list(LEDGER_KEYS.disputesIndex(tenant)));
  add(await list(LEDGER_KEYS.paymentSchedulesIndex(tenant)));
  add(await list(LEDGER_KEYS.paymentsIndex(tenant)));
  for (const status of ['POSTED', 'PENDING'] as const) add(await list(LEDGER_KEYS.transactionsIndex(tenant, status), 'gsi8'));
  // External accounts go with their duplicate claims and vendor links (the sealed access tokens);
  // the tenant's aggregator setting is configuration and stays.
  for (const item of await list(EXTERNAL_ACCOUNT_KEYS.accountsIndex(tenant))) {
    const account = toExternalAccountRecord(stripKeys(item));
    add([item]);
    const claim = claimKeyOf(account);
    keys.set(`${claim.pk}\u0000${claim.sk}`, claim);
    if (account.vendor_link_id) {
      const link = EXTERNAL_ACCOUNT_KEYS.vendorLink(tenant, account.vendor_link_id);
      keys.set(`${link.pk}\u0000${link.sk}`, link);
    }
  }
  // Webhook subscriptions and signing secrets stay (contract §12.1); their delivery records go,
  // and with them any retry still waiting in the due index.
  for (const webhook of await partition(WEBHOOK_KEYS.webhooks(tenant))) {
    if (typeof webhook.id === 'string') add(await list(WEBHOOK_KEYS.deliveriesIndex(tenant, webhook.id)));
  }
  // The sandbox clock stays where it is: time never goes backwards, not even across a wipe.
  await deleteAll([...keys.values()]);
  return keys.size;
};
