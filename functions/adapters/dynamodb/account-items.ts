import type { AccountRecord, RelationshipRecord } from '../../accounts/model.js';
import type { HolderGuard } from '../../accounts/ports.js';
import { tableName } from './client.js';
import { lastUpdatedKeys } from './customer-items.js';
import { KEYS, timeOrdered } from './keys.js';

// Item shapes of the accounts domain (key patterns documented in keys.ts).

export const accountItem = (a: AccountRecord) => ({
  ...KEYS.account(a.tenant, a.id),
  gsi1pk: KEYS.accountsIndex(a.tenant),
  gsi1sk: timeOrdered(a.creation_time, a.id),
  // Lets a product PATCH find the lines of credit that need it to compound daily.
  ...(a.account_type === 'LINE_OF_CREDIT' && a.interest_product_id
    ? { gsi2pk: KEYS.lineOfCreditProductIndex(a.tenant, a.interest_product_id), gsi2sk: a.id }
    : {}),
  entity: 'ACCOUNT',
  ...a,
});

export const relationshipItem = (r: RelationshipRecord) => ({
  ...KEYS.accountRelationship(r.tenant, r.account_id, r.id),
  gsi2pk: KEYS.holderRelationshipsIndex(r.tenant, r.holder_id),
  gsi2sk: `${r.account_id}#${r.id}`,
  entity: 'ACCOUNT_RELATIONSHIP',
  ...r,
});

/** The bank-wide claim on an account number; its conditional put is what makes numbers unique. */
export const accountNumberClaimPut = (a: AccountRecord) => ({
  Put: {
    TableName: tableName(),
    Item: {
      ...KEYS.accountNumberClaim(a.bank_routing, a.account_number),
      entity: 'ACCOUNT_NUMBER_CLAIM',
      tenant: a.tenant,
      account_id: a.id,
      creation_time: a.creation_time,
    },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const holderKey = (guard: HolderGuard) =>
  guard.holder.kind === 'PERSON'
    ? KEYS.person(guard.holder.record.tenant, guard.holder.record.id)
    : KEYS.business(guard.holder.record.tenant, guard.holder.record.id);

/**
 * The holder as judged: unchanged since we read it (KYC status, name, address). Setting
 * `has_accounts` bumps the version too, so the customer's next PATCH (a full Put conditioned
 * on the version it read) retries and keeps the flag instead of writing the old one back.
 * It also moves last_updated_time, so the holder's place in the last_updated_time list (the
 * gsi5 keys, customer-items.ts) moves with it; no other index key depends on these fields.
 */
export const holderGuardItem = (guard: HolderGuard, now: string) => {
  const expected = { ExpressionAttributeNames: { '#version': 'version' }, ConditionExpression: '#version = :expected' };
  if (!guard.markHasAccounts) {
    return {
      ConditionCheck: { TableName: tableName(), Key: holderKey(guard), ...expected, ExpressionAttributeValues: { ':expected': guard.holder.record.version } },
    };
  }
  const { record } = guard.holder;
  const order = lastUpdatedKeys(guard.holder.kind, record.tenant, record.id, now);
  return {
    Update: {
      TableName: tableName(),
      Key: holderKey(guard),
      UpdateExpression: 'SET has_accounts = :true, last_updated_time = :now, #version = :next, gsi5pk = :updatedPk, gsi5sk = :updatedSk',
      ...expected,
      ExpressionAttributeValues: {
        ':expected': record.version,
        ':next': record.version + 1,
        ':true': true,
        ':now': now,
        ':updatedPk': order.gsi5pk,
        ':updatedSk': order.gsi5sk,
      },
    },
  };
};
