import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { IncomingAchRecord } from '../../ledger/incoming-ach.js';
import type { LedgerTransaction } from '../../ledger/model.js';
import type { LedgerStore } from '../../ledger/ports.js';
import { documentClient, tableName } from './client.js';
import { KEYS } from './keys.js';
import { incomingAchItem } from './ledger-items.js';
import { LEDGER_KEYS } from './ledger-keys.js';
import { queryPage } from './query-page.js';

// ACH entries: the receiving account of an incoming entry (by account number), incoming entries
// that post nothing, and the incoming and outgoing lists.

type AchStore = Pick<LedgerStore, 'accountIdByNumber' | 'saveIncomingAch' | 'listIncomingAch' | 'listOutgoingAch'>;

export const dynamoAchStore: AchStore = {
  async accountIdByNumber(tenant, accountNumber) {
    const { Item: tenantItem } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: KEYS.tenant(tenant) }));
    const routing = tenantItem?.bank_routing as string | undefined;
    if (!routing) return undefined;
    const { Item: claim } = await documentClient().send(
      new GetCommand({ TableName: tableName(), Key: KEYS.accountNumberClaim(routing, accountNumber), ConsistentRead: true }),
    );
    // The claim is bank-wide: a number of another tenant's account is not this tenant's to fund.
    return claim?.tenant === tenant ? (claim.account_id as string) : undefined;
  },

  async saveIncomingAch(record, accountNumber) {
    await documentClient().send(new PutCommand({ TableName: tableName(), Item: incomingAchItem(record, accountNumber) }));
  },

  listIncomingAch: (tenant, criteria) =>
    queryPage<IncomingAchRecord>({ index: 'gsi1', partitionValue: LEDGER_KEYS.incomingAchIndex(tenant), ...criteria }),

  listOutgoingAch: (tenant, criteria) =>
    queryPage<LedgerTransaction>({ index: 'gsi1', partitionValue: LEDGER_KEYS.outgoingAchIndex(tenant), ...criteria }),
};
