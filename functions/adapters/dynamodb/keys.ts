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
