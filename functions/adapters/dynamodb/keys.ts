// Every key pattern in the table, in one place (docs/access-patterns.md mirrors
// this file). Tenant-owned items start with `TENANT#<id>#`, so a key built for one tenant can
// never address another tenant's item.

import { fromStoredItem } from './free-form-json.js';
import { TABLE_DEFINITION } from './table-definition.js';

const personKey = (tenantId: string, personId: string) => ({ pk: `TENANT#${tenantId}#PERSON#${personId}`, sk: 'PERSON' });
const businessKey = (tenantId: string, businessId: string) => ({ pk: `TENANT#${tenantId}#BUSINESS#${businessId}`, sk: 'BUSINESS' });
const holderKey = (tenantId: string, kind: 'PERSON' | 'BUSINESS', id: string) =>
  kind === 'PERSON' ? personKey(tenantId, id) : businessKey(tenantId, id);

export const KEYS = {
  organization: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  organizationTenant: (orgId: string, tenantId: string) => ({ pk: `ORG#${orgId}`, sk: `TENANT#${tenantId}` }),
  tenant: (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'TENANT' }),
  apiKey: (keyHash: string) => ({ pk: `APIKEY#${keyHash}`, sk: 'APIKEY' }),
  tenantApiKeys: (tenantId: string) => `TENANT#${tenantId}#APIKEYS`,
  // Operator keys (issue 13) share the APIKEY#<hash> item; listed per organization on gsi1.
  organizationOperatorKeys: (orgId: string) => `ORG#${orgId}#OPERATOR_KEYS`,

  // Persons and businesses: one item each, listed in every order sort_by offers, one GSI per
  // order so every list stays a single Query (customer-items.ts builds the keys). The name keys
  // also answer the text filters (a value, or a prefix before a `*`) with a key condition, and
  // two sparse keys (only when the field is set) do the same for email and phone_number:
  //   pk TENANT#<t>#PERSON#<id>  sk PERSON
  //     gsi1 TENANT#<t>#PERSONS                 <creation_time>#<id>
  //     gsi2 TENANT#<t>#PERSONS#EMAIL           nameOrdered(email, creation_time, id), when set
  //     gsi3 TENANT#<t>#PERSONS#LAST_NAME       nameOrdered(last_name, creation_time, id)
  //     gsi4 TENANT#<t>#PERSONS#FIRST_NAME      nameOrdered(first_name, creation_time, id)
  //     gsi5 TENANT#<t>#PERSONS#LAST_UPDATED    <last_updated_time>#<id>
  //     gsi6 TENANT#<t>#PERSONS#PHONE           nameOrdered(phone_number, creation_time, id), when set
  //   pk TENANT#<t>#BUSINESS#<id>  sk BUSINESS
  //     gsi1 TENANT#<t>#BUSINESSES              <creation_time>#<id>
  //     gsi3 TENANT#<t>#BUSINESSES#ENTITY_NAME  nameOrdered(entity_name, creation_time, id)
  //     gsi5 TENANT#<t>#BUSINESSES#LAST_UPDATED <last_updated_time>#<id>
  //     gsi6 TENANT#<t>#BUSINESSES#PHONE        nameOrdered(phone_number, creation_time, id), when set
  // Every write of the item recomputes them; the one partial update (has_accounts, account-items.ts)
  // changes last_updated_time and so rewrites the gsi5 keys with it.
  // The same partition holds the holder's account memberships (no index keys), so the KYC hook
  // finds a holder's accounts with one strongly consistent Query of the holder's own partition,
  // and the account list filtered by holder reads them in the list's own order (creation, id):
  //   pk TENANT#<t>#PERSON#<id> | TENANT#<t>#BUSINESS#<id>  sk HELD_ACCOUNT#<account creation_time>#<account id>
  // written and deleted with the relationship (account-items.ts membershipItem).
  person: personKey,
  personsIndex: (tenantId: string) => `TENANT#${tenantId}#PERSONS`,
  personsByLastNameIndex: (tenantId: string) => `TENANT#${tenantId}#PERSONS#LAST_NAME`,
  personsByFirstNameIndex: (tenantId: string) => `TENANT#${tenantId}#PERSONS#FIRST_NAME`,
  personsByLastUpdatedIndex: (tenantId: string) => `TENANT#${tenantId}#PERSONS#LAST_UPDATED`,
  personsByEmailIndex: (tenantId: string) => `TENANT#${tenantId}#PERSONS#EMAIL`,
  personsByPhoneIndex: (tenantId: string) => `TENANT#${tenantId}#PERSONS#PHONE`,
  business: businessKey,
  holder: holderKey,
  heldAccount: (tenantId: string, kind: 'PERSON' | 'BUSINESS', holderId: string, account: { creation_time: string; id: string }) => ({
    pk: holderKey(tenantId, kind, holderId).pk,
    sk: `HELD_ACCOUNT#${timeOrdered(account.creation_time, account.id)}`,
  }),
  heldAccountPrefix: 'HELD_ACCOUNT#',
  businessesIndex: (tenantId: string) => `TENANT#${tenantId}#BUSINESSES`,
  businessesByEntityNameIndex: (tenantId: string) => `TENANT#${tenantId}#BUSINESSES#ENTITY_NAME`,
  businessesByLastUpdatedIndex: (tenantId: string) => `TENANT#${tenantId}#BUSINESSES#LAST_UPDATED`,
  businessesByPhoneIndex: (tenantId: string) => `TENANT#${tenantId}#BUSINESSES#PHONE`,

  verification: (tenantId: string, verificationId: string) => ({
    pk: `TENANT#${tenantId}#VERIFICATION#${verificationId}`,
    sk: 'VERIFICATION',
  }),
  verificationsIndex: (tenantId: string) => `TENANT#${tenantId}#VERIFICATIONS`,
  subjectVerificationsIndex: (tenantId: string, subjectId: string) => `TENANT#${tenantId}#SUBJECT#${subjectId}#VERIFICATIONS`,

  // Accounts. One partition per account holds the account item (balances included, see
  // accounts/model.ts) and its relationships, so a GET is one GetItem and the rules that span
  // an account's relationships read one partition.
  //   pk TENANT#<t>#ACCOUNT#<id>  sk ACCOUNT             gsi1 TENANT#<t>#ACCOUNTS (time-ordered list)
  //   pk TENANT#<t>#ACCOUNT#<id>  sk REL#<rel id>       (the holder side: HELD_ACCOUNT# in the holder's partition)
  //   pk BANK#<routing>#ACCOUNT_NUMBER#<n>  sk ACCOUNT_NUMBER   claim: unique within the bank, across tenants
  account: (tenantId: string, accountId: string) => ({ pk: `TENANT#${tenantId}#ACCOUNT#${accountId}`, sk: 'ACCOUNT' }),
  accountRelationship: (tenantId: string, accountId: string, relationshipId: string) => ({
    pk: `TENANT#${tenantId}#ACCOUNT#${accountId}`,
    sk: `REL#${relationshipId}`,
  }),
  relationshipPrefix: 'REL#',
  accountsIndex: (tenantId: string) => `TENANT#${tenantId}#ACCOUNTS`,
  accountNumberClaim: (bankRouting: string, accountNumber: string) => ({
    pk: `BANK#${bankRouting}#ACCOUNT_NUMBER#${accountNumber}`,
    sk: 'ACCOUNT_NUMBER',
  }),

  // Account templates: by id, time-ordered per tenant (gsi1), per type (gsi2, for picking the
  // template of an account_type), and a name claim that keeps names unique in the tenant.
  accountTemplate: (tenantId: string, templateId: string) => ({
    pk: `TENANT#${tenantId}#ACCOUNT_TEMPLATE#${templateId}`,
    sk: 'ACCOUNT_TEMPLATE',
  }),
  accountTemplatesIndex: (tenantId: string) => `TENANT#${tenantId}#ACCOUNT_TEMPLATES`,
  accountTemplatesByTypeIndex: (tenantId: string, accountType: string) => `TENANT#${tenantId}#ACCOUNT_TEMPLATES#${accountType}`,
  accountTemplateName: (tenantId: string, name: string) => ({
    pk: `TENANT#${tenantId}#ACCOUNT_TEMPLATE_NAME#${name}`,
    sk: 'ACCOUNT_TEMPLATE_NAME',
  }),

  // Account products: by id, and time-ordered per tenant and product_type (gsi1).
  accountProduct: (tenantId: string, productId: string) => ({
    pk: `TENANT#${tenantId}#ACCOUNT_PRODUCT#${productId}`,
    sk: 'ACCOUNT_PRODUCT',
  }),
  accountProductsIndex: (tenantId: string, productType: string) => `TENANT#${tenantId}#ACCOUNT_PRODUCTS#${productType}`,

  idempotency: (tenantId: string, keyHash: string) => ({ pk: `TENANT#${tenantId}#IDEMPOTENCY#${keyHash}`, sk: 'IDEMPOTENCY' }),

  event: (tenantId: string, eventId: string) => ({ pk: `TENANT#${tenantId}#EVENT#${eventId}`, sk: 'EVENT' }),
  eventsIndex: (tenantId: string) => `TENANT#${tenantId}#EVENTS`,
} as const;

/** Sort key for "newest/oldest first" lists: ISO time sorts lexically, the id breaks ties. */
export const timeOrdered = (isoTime: string, id: string): string => `${isoTime}#${id}`;

// A name key: a marker, the folded name, a separator, then creation time and id for ties.
// DynamoDB compares keys as UTF-8 bytes, so:
// - names are folded (NFC, lower case, trimmed) so "smith" and "Smith" sort together;
// - control characters are dropped from the name, so NAME_END (U+0001) is below every character
//   left in it and "Smith" sorts before "Smith Jr" (a printable separator would not guarantee that);
// - NAMED < UNNAMED puts every record without the name after every record with one (ascending);
//   no name character could do that, since any UTF-8 lead byte may start a name;
// - the name part is capped at NAME_KEY_CHARS code points (4 bytes each at most) so the key
//   stays far below DynamoDB's 1024-byte limit for index sort keys.
const NAMED = '0';
const UNNAMED = '1';
const NAME_END = '\u0001';
export const NAME_KEY_CHARS = 200;

/** A text as name keys compare it, whole: NFC, lower case, control characters dropped, trimmed. */
export const foldText = (text: string | undefined): string =>
  (text ?? '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();

const capped = (folded: string): string => Array.from(folded).slice(0, NAME_KEY_CHARS).join('');

/** The name as its sort key compares it; empty when there is no name to sort by. */
export const foldName = (name: string | undefined): string => capped(foldText(name));

/** Sort key ordering by a name, case-insensitively, missing names last, ties by creation then id. */
export const nameOrdered = (name: string | undefined, creationTime: string, id: string): string => {
  const folded = foldName(name);
  return folded ? `${NAMED}${folded}${NAME_END}${timeOrdered(creationTime, id)}` : `${UNNAMED}${NAME_END}${timeOrdered(creationTime, id)}`;
};

/**
 * The prefix every name key of a matching record starts with, given the folded text a match
 * must start with (`exact`: the folded text a match must equal). Keys hold at most
 * NAME_KEY_CHARS of the name, so a longer text narrows by its first NAME_KEY_CHARS only.
 */
export const nameKeyPrefix = (folded: string, exact: boolean): string => `${NAMED}${capped(folded)}${exact ? NAME_END : ''}`;

export const tenantPrefix = (tenantId: string): string => `TENANT#${tenantId}#`;

const KEY_ATTRIBUTES = [
  TABLE_DEFINITION.partitionKey.name,
  TABLE_DEFINITION.sortKey.name,
  ...TABLE_DEFINITION.globalSecondaryIndexes.flatMap((index) => [index.partitionKey.name, index.sortKey.name]),
  TABLE_DEFINITION.timeToLiveAttribute,
];

/** Drops storage keys from an item and decodes its client JSON (free-form-json.ts), leaving the record the domain knows. */
export const stripKeys = <T>(item: Record<string, unknown>): T => {
  const copy: Record<string, unknown> = { ...fromStoredItem(item) };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy as T;
};
