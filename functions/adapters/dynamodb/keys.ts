// Every key pattern in the table, in one place (the README's access-pattern table mirrors
// this file). Tenant-owned items start with `TENANT#<id>#`, so a key built for one tenant can
// never address another tenant's item.

export const KEYS = {
  organization: (orgId: string) => ({ pk: `ORG#${orgId}`, sk: 'ORG' }),
  organizationTenant: (orgId: string, tenantId: string) => ({ pk: `ORG#${orgId}`, sk: `TENANT#${tenantId}` }),
  tenant: (tenantId: string) => ({ pk: `TENANT#${tenantId}`, sk: 'TENANT' }),
  apiKey: (keyHash: string) => ({ pk: `APIKEY#${keyHash}`, sk: 'APIKEY' }),
  tenantApiKeys: (tenantId: string) => `TENANT#${tenantId}#APIKEYS`,

  person: (tenantId: string, personId: string) => ({ pk: `TENANT#${tenantId}#PERSON#${personId}`, sk: 'PERSON' }),
  personsIndex: (tenantId: string) => `TENANT#${tenantId}#PERSONS`,
  business: (tenantId: string, businessId: string) => ({ pk: `TENANT#${tenantId}#BUSINESS#${businessId}`, sk: 'BUSINESS' }),
  businessesIndex: (tenantId: string) => `TENANT#${tenantId}#BUSINESSES`,

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
  //                                                     gsi2 TENANT#<t>#INTEREST_PRODUCT#<p>#LINE_OF_CREDIT (LOC accounts only)
  //   pk TENANT#<t>#ACCOUNT#<id>  sk REL#<rel id>       gsi2 TENANT#<t>#HOLDER#<person|business id>#RELATIONSHIPS
  //   pk BANK#<routing>#ACCOUNT_NUMBER#<n>  sk ACCOUNT_NUMBER   claim: unique within the bank, across tenants
  account: (tenantId: string, accountId: string) => ({ pk: `TENANT#${tenantId}#ACCOUNT#${accountId}`, sk: 'ACCOUNT' }),
  accountRelationship: (tenantId: string, accountId: string, relationshipId: string) => ({
    pk: `TENANT#${tenantId}#ACCOUNT#${accountId}`,
    sk: `REL#${relationshipId}`,
  }),
  relationshipPrefix: 'REL#',
  accountsIndex: (tenantId: string) => `TENANT#${tenantId}#ACCOUNTS`,
  holderRelationshipsIndex: (tenantId: string, holderId: string) => `TENANT#${tenantId}#HOLDER#${holderId}#RELATIONSHIPS`,
  lineOfCreditProductIndex: (tenantId: string, productId: string) => `TENANT#${tenantId}#INTEREST_PRODUCT#${productId}#LINE_OF_CREDIT`,
  accountNumberClaim: (bankRouting: string, accountNumber: string) => ({ pk: `BANK#${bankRouting}#ACCOUNT_NUMBER#${accountNumber}`, sk: 'ACCOUNT_NUMBER' }),

  // Account templates: by id, time-ordered per tenant (gsi1), per type (gsi2, for picking the
  // template of an account_type), and a name claim that keeps names unique in the tenant.
  accountTemplate: (tenantId: string, templateId: string) => ({ pk: `TENANT#${tenantId}#ACCOUNT_TEMPLATE#${templateId}`, sk: 'ACCOUNT_TEMPLATE' }),
  accountTemplatesIndex: (tenantId: string) => `TENANT#${tenantId}#ACCOUNT_TEMPLATES`,
  accountTemplatesByTypeIndex: (tenantId: string, accountType: string) => `TENANT#${tenantId}#ACCOUNT_TEMPLATES#${accountType}`,
  accountTemplateName: (tenantId: string, name: string) => ({ pk: `TENANT#${tenantId}#ACCOUNT_TEMPLATE_NAME#${name}`, sk: 'ACCOUNT_TEMPLATE_NAME' }),

  // Account products: by id, and time-ordered per tenant and product_type (gsi1).
  accountProduct: (tenantId: string, productId: string) => ({ pk: `TENANT#${tenantId}#ACCOUNT_PRODUCT#${productId}`, sk: 'ACCOUNT_PRODUCT' }),
  accountProductsIndex: (tenantId: string, productType: string) => `TENANT#${tenantId}#ACCOUNT_PRODUCTS#${productType}`,

  idempotency: (tenantId: string, keyHash: string) => ({ pk: `TENANT#${tenantId}#IDEMPOTENCY#${keyHash}`, sk: 'IDEMPOTENCY' }),

  event: (tenantId: string, eventId: string) => ({ pk: `TENANT#${tenantId}#EVENT#${eventId}`, sk: 'EVENT' }),
  eventsIndex: (tenantId: string) => `TENANT#${tenantId}#EVENTS`,
} as const;

/** Sort key for "newest/oldest first" lists: ISO time sorts lexically, the id breaks ties. */
export const timeOrdered = (isoTime: string, id: string): string => `${isoTime}#${id}`;

export const tenantPrefix = (tenantId: string): string => `TENANT#${tenantId}#`;

const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'expires_at'] as const;

/** Drops storage keys from an item, leaving the record the domain knows. */
export const stripKeys = <T>(item: Record<string, unknown>): T => {
  const copy: Record<string, unknown> = { ...item };
  for (const key of KEY_ATTRIBUTES) delete copy[key];
  return copy as T;
};
