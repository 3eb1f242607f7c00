import * as z from 'zod/mini';
import { boundedString, countryCode, metadata, uuid } from '../shared/schemas/common.js';
import { CUSTOMER_TYPES, MANUAL_ACCOUNT_TYPES, VERIFICATION_STATUSES, VENDORS } from './model.js';

// Request bodies (contract §9.2, §9.4). Numbers are digits only, so a masked "****1234" echoed
// back from a GET is refused by name rather than stored.

const digits = (min: number, max: number, what: string) => z.string().check(z.regex(new RegExp(`^\\d{${min},${max}}$`), `must be ${what}`));

const routingNumber = digits(9, 9, '9 digits (an ABA routing number)');
const accountNumber = digits(4, 17, '4 to 17 digits');
const iban = z.string().check(z.regex(/^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$/, 'must be an IBAN (country code, check digits, account)'));
const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'must be an ISO 4217 currency code such as USD'));

const internationalWire = z.strictObject({
  swift_code: z.string().check(z.regex(/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/, 'must be a SWIFT/BIC code')),
  bank_address: boundedString(500),
  correspondent_banks_details: z.optional(z.array(metadata).check(z.maxLength(5))),
});

const accountIdentifiers = z.strictObject({ number: z.optional(accountNumber), iban: z.optional(iban) });

const routingIdentifiers = z.strictObject({
  bank_name: boundedString(200),
  bank_countries: z.array(countryCode).check(z.minLength(1), z.maxLength(10)),
  ach_routing_number: z.optional(routingNumber),
  wire_routing_number: z.optional(routingNumber),
  eft_ca_routing_number: z.optional(digits(9, 9, 'exactly 9 digits')),
  international_wire_details: z.optional(internationalWire),
});

const verification = z.strictObject({
  vendor: z.enum(VENDORS),
  status: z.enum(VERIFICATION_STATUSES),
  // Server-owned; accepted when echoed back.
  creation_time: z.optional(z.string()),
  last_updated_time: z.optional(z.string()),
});

const ownerNames = z.array(boundedString(200)).check(z.minLength(1), z.maxLength(10));

export const createExternalAccountSchema = z.strictObject({
  customer_id: z.optional(uuid),
  business_id: z.optional(uuid),
  customer_type: z.enum(CUSTOMER_TYPES),
  type: z.enum(MANUAL_ACCOUNT_TYPES),
  account_owner_names: ownerNames,
  account_identifiers: accountIdentifiers,
  routing_identifiers: routingIdentifiers,
  currency: z.optional(currency),
  nickname: z.optional(boundedString(100)),
  metadata: z.optional(metadata),
  vendor_account_id: z.optional(boundedString(200)),
  verification: z.optional(verification),
  tenant: z.optional(z.string()),
});
export type CreateExternalAccountInput = z.infer<typeof createExternalAccountSchema>;

export const patchExternalAccountSchema = z.strictObject({
  account_identifiers: z.optional(accountIdentifiers),
  account_owner_names: z.optional(ownerNames),
  currency: z.optional(currency),
  nickname: z.optional(z.nullable(boundedString(100))),
  routing_identifiers: z.optional(z.partial(routingIdentifiers)),
  type: z.optional(z.enum(MANUAL_ACCOUNT_TYPES)),
  verification: z.optional(verification),
  status: z.optional(z.enum(['ACTIVE', 'CLOSED', 'DELETED'] as const)),
  status_reason: z.optional(boundedString(200)),
});
export type PatchExternalAccountInput = z.infer<typeof patchExternalAccountSchema>;

/** Server-owned fields a client may echo back from a GET; accepted and ignored. */
export const EXTERNAL_ACCOUNT_READ_ONLY = [
  'id',
  'creation_time',
  'last_updated_time',
  'deletion_time',
  'vendor_data',
  'vendor_info',
  'name',
] as const;
