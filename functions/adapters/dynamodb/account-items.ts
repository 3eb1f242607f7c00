import type { AccountRecord, RelationshipRecord } from '../../accounts/model.js';
import type { HolderGuard, ProductGuard } from '../../accounts/ports.js';
import { tableName } from './client.js';
import { lastUpdatedKeys } from './customer-items.js';
import { KEYS, timeOrdered } from './keys.js';

// Item shapes of the accounts domain (key patterns documented in keys.ts), and the guards its
// transactions put on items of other kinds (holders, linked accounts, products).

export const accountItem = (a: AccountRecord) => ({
  ...KEYS.account(a.tenant, a.id),
  gsi1pk: KEYS.accountsIndex(a.tenant),
  gsi1sk: timeOrdered(a.creation_time, a.id),
  entity: 'ACCOUNT',
  ...a,
});

export const relationshipItem = (r: RelationshipRecord) => ({
  ...KEYS.accountRelationship(r.tenant, r.account_id, r.id),
  entity: 'ACCOUNT_RELATIONSHIP',
  ...r,
});

/**
 * The holder's side of a relationship, in the holder's own partition: what the KYC hook reads
 * (consistently) to find the accounts a verification outcome affects, and what the account list
 * filtered by holder reads, in the account's creation order (held-accounts-page.ts). Always
 * written and deleted in the relationship's transaction, so it never disagrees with it.
 */
export const membershipItem = (r: RelationshipRecord, account: AccountRecord) => ({
  ...KEYS.heldAccount(r.tenant, r.holder_kind, r.holder_id, account),
  entity: 'HELD_ACCOUNT',
  tenant: r.tenant,
  holder_kind: r.holder_kind,
  holder_id: r.holder_id,
  account_id: r.account_id,
  relationship_id: r.id,
  relationship_type: r.relationship_type,
});

export const membershipDelete = (r: RelationshipRecord, account: AccountRecord) => ({
  Delete: { TableName: tableName(), Key: KEYS.heldAccount(r.tenant, r.holder_kind, r.holder_id, account) },
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

/** The conditions a holder guard puts on the person or business item (see ports.ts HolderGuard). */
const holderConditions = (guard: HolderGuard) => {
  const clauses: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (guard.expectedVersion !== undefined) {
    clauses.push('#version = :expected');
    names['#version'] = 'version';
    values[':expected'] = guard.expectedVersion;
  }
  if (guard.acceptance) {
    clauses.push(guard.acceptance === 'ACCEPTED' ? '#kyc = :accepted' : '(attribute_not_exists(pk) OR #kyc <> :accepted)');
    names['#kyc'] = 'verification_status';
    values[':accepted'] = 'ACCEPTED';
  }
  return { clauses, names, values };
};

/**
 * The one operation a transaction makes on a holder it relies on: a ConditionCheck (KYC standing,
 * version), or, for the holder's first account, the Update that sets `has_accounts` under the
 * same conditions. That update bumps the version, so the customer's next PATCH (a full Put
 * conditioned on the version it read) retries and keeps the flag instead of writing the old one
 * back. It also moves last_updated_time, so the holder's place in the last_updated_time list (the
 * gsi5 keys, customer-items.ts) moves with it; no other index key depends on these fields.
 * Undefined when the guard asks for nothing.
 */
export const holderGuardItem = (guard: HolderGuard, now: string) => {
  const key = KEYS.holder(guard.tenant, guard.kind, guard.id);
  const { clauses, names, values } = holderConditions(guard);
  if (guard.hasAccountsEvent) {
    if (guard.expectedVersion === undefined) throw new Error('setting has_accounts needs the version read');
    const order = lastUpdatedKeys(guard.kind, guard.tenant, guard.id, now);
    return {
      Update: {
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'SET has_accounts = :true, last_updated_time = :now, #version = :next, gsi5pk = :updatedPk, gsi5sk = :updatedSk',
        ConditionExpression: clauses.join(' AND '),
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: {
          ...values,
          ':next': guard.expectedVersion + 1,
          ':true': true,
          ':now': now,
          ':updatedPk': order.gsi5pk,
          ':updatedSk': order.gsi5sk,
        },
      },
    };
  }
  if (clauses.length === 0) return undefined;
  return {
    ConditionCheck: {
      TableName: tableName(),
      Key: key,
      ConditionExpression: clauses.join(' AND '),
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
};

/** A linked account (floor, ceiling, security) must still be able to move money when the link commits. */
export const transactableCheck = (tenantId: string, accountId: string) => ({
  ConditionCheck: {
    TableName: tableName(),
    Key: KEYS.account(tenantId, accountId),
    ConditionExpression: '#status = :active AND access_status = :open',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: { ':active': 'ACTIVE_OR_DISBURSED', ':open': 'ACTIVE' },
  },
});

/**
 * A line of credit's product still compounds daily at commit. The first reference also marks
 * the product `used_by_line_of_credit`, bumping its version, so a product PATCH that read it
 * unmarked fails its version condition and re-reads (accounts/products.ts).
 */
export const productGuardItem = ({ product }: ProductGuard) => {
  const key = KEYS.accountProduct(product.tenant, product.id);
  const daily = { ':daily': 'COMPOUNDED_DAILY' };
  if (product.used_by_line_of_credit) {
    return {
      ConditionCheck: {
        TableName: tableName(),
        Key: key,
        ConditionExpression: 'calculation_method = :daily',
        ExpressionAttributeValues: daily,
      },
    };
  }
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET used_by_line_of_credit = :true, #version = :next',
      ConditionExpression: '#version = :expected AND calculation_method = :daily',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ...daily, ':true': true, ':expected': product.version, ':next': product.version + 1 },
    },
  };
};
