import { createHash } from 'node:crypto';
import { type ExternalAccountRecord, isLive, ownerOf } from '../../external-accounts/model.js';
import type { VendorLinkRecord } from '../../external-accounts/ports.js';
import { identityOf } from '../../external-accounts/rules.js';
import { tableName } from './client.js';
import { EXTERNAL_ACCOUNT_KEYS } from './external-account-keys.js';
import { timeOrdered } from './keys.js';

// Item shapes of external accounts, their duplicate claims and vendor links. The account item
// keeps the contract's field names (customer_id|business_id, verification.status,
// routing_identifiers.ach_routing_number, account_identifiers.number in full, status): the
// ledger's ACH adapter reads them as they are.

const INTERNAL = ['entity', 'is_deleted'] as const;

export const externalAccountItem = (a: ExternalAccountRecord) => {
  const created = timeOrdered(a.creation_time, a.id);
  return {
    ...EXTERNAL_ACCOUNT_KEYS.account(a.tenant, a.id),
    gsi1pk: EXTERNAL_ACCOUNT_KEYS.accountsIndex(a.tenant),
    gsi1sk: created,
    gsi2pk: EXTERNAL_ACCOUNT_KEYS.ownerIndex(a.tenant, ownerOf(a)),
    gsi2sk: created,
    ...(a.vendor_link_id ? { gsi3pk: EXTERNAL_ACCOUNT_KEYS.linkIndex(a.tenant, a.vendor_link_id), gsi3sk: created } : {}),
    entity: 'EXTERNAL_ACCOUNT',
    // A plain attribute, so "live only" is an equality filter pushed down to the Query.
    is_deleted: !isLive(a),
    ...a,
  };
};

export const toExternalAccountRecord = (stored: Record<string, unknown>): ExternalAccountRecord => {
  const copy = { ...stored };
  for (const name of INTERNAL) delete copy[name];
  return copy as unknown as ExternalAccountRecord;
};

/** One-way, so the claim key never carries an account number. */
export const claimKeyOf = (a: ExternalAccountRecord) =>
  EXTERNAL_ACCOUNT_KEYS.claim(a.tenant, createHash('sha256').update(identityOf(a)).digest('hex'));

export const claimPut = (a: ExternalAccountRecord, key: { pk: string; sk: string }) => ({
  Put: {
    TableName: tableName(),
    Item: { ...key, entity: 'EXTERNAL_ACCOUNT_CLAIM', external_account_id: a.id, tenant: a.tenant },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

export const claimDelete = (a: ExternalAccountRecord, key: { pk: string; sk: string }) => ({
  Delete: {
    TableName: tableName(),
    Key: key,
    ConditionExpression: 'external_account_id = :id',
    ExpressionAttributeValues: { ':id': a.id },
  },
});

export const vendorLinkItem = (l: VendorLinkRecord) => ({
  ...EXTERNAL_ACCOUNT_KEYS.vendorLink(l.tenant, l.id),
  entity: 'VENDOR_LINK',
  ...l,
});

export const toVendorLinkRecord = (stored: Record<string, unknown>): VendorLinkRecord => {
  const copy = { ...stored };
  delete copy.entity;
  return copy as unknown as VendorLinkRecord;
};
