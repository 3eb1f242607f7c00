import * as z from 'zod/mini';
import { address, boundedString, e164, email, isoDate, metadata, optionalString } from '../shared/schemas/common.js';

export const PERSON_STATUSES = [
  'ACTIVE',
  'DECEASED',
  'DENIED',
  'DORMANT',
  'ESCHEAT',
  'FROZEN',
  'INACTIVE',
  'PROSPECT',
  'SANCTION',
] as const;
export const BUSINESS_STATUSES = [
  'PROSPECT',
  'ACTIVE',
  'FROZEN',
  'SANCTION',
  'DISSOLVED',
  'CANCELLED',
  'SUSPENDED',
  'MERGED',
  'INACTIVE',
  'CONVERTED',
] as const;
export const BUSINESS_STRUCTURES = [
  'CORPORATION',
  'LLC',
  'NON_PROFIT',
  'OTHER',
  'PARTNERSHIP',
  'SOLE_PROPRIETORSHIP',
  'S_CORPORATION',
] as const;
export const VERIFICATION_STATUSES = ['UNVERIFIED', 'PENDING', 'PROVISIONAL', 'ACCEPTED', 'REVIEW', 'REJECTED'] as const;
export const VERIFICATION_TYPES = [
  'IDENTITY',
  'WATCHLIST',
  'DOCUMENT_VERIFICATION',
  'MANUAL_REVIEW',
  'RELATED_ENTITIES',
  'LICENSE',
] as const;
export const CHECK_RESULTS = ['ACCEPTED', 'PROVISIONAL', 'REJECTED', 'REVIEW', 'VENDOR_ERROR'] as const;

const personStatus = z.enum(PERSON_STATUSES);
// BANNED is set by the platform only (contract §7.2).
const banStatus = z.enum(['ALLOWED', 'SUSPENDED']);
const ssn = z.string().check(z.regex(/^\d{3}-\d{2}-\d{4}$/, 'must look like 123-45-6789'));

const personFields = {
  first_name: optionalString(100),
  last_name: optionalString(100),
  middle_name: optionalString(100),
  chosen_name: optionalString(100),
  dob: z.optional(isoDate),
  email: z.optional(email),
  phone_number: z.optional(e164),
  ssn: z.optional(ssn),
  legal_address: z.optional(address),
  shipping_address: z.optional(address),
  ban_status: z.optional(banStatus),
  is_customer: z.optional(z.boolean()),
  is_user: z.optional(z.boolean()),
  metadata: z.optional(metadata),
  note: optionalString(1000),
  related_customers: z.optional(z.unknown().check(z.refine(() => false, 'is deprecated and cannot be set'))),
};

export const PERSON_READ_ONLY = [
  'id',
  'tenant',
  'creation_time',
  'last_updated_time',
  'kyc_status',
  'kyc_last_run',
  'kyc_exempt',
  'verification_status',
  'verification_last_run',
  'has_accounts',
  'ssn_source',
  'addresses',
] as const;

export const createPersonSchema = z.strictObject({ status: personStatus, ...personFields });
export const patchPersonSchema = z.strictObject({ status: z.optional(personStatus), ...personFields });
/**
 * PUT /v0/customers/{id}: the whole customer, `status` required as on create. `ssn` may also be
 * the last four digits a GET returned, so a GET-modify-PUT round trip does not trip over it.
 */
export const replacePersonSchema = z.strictObject({
  status: personStatus,
  ...personFields,
  ssn: z.optional(z.string().check(z.regex(/^(\d{3}-\d{2}-)?\d{4}$/, 'must look like 123-45-6789'))),
});
export type CreatePersonInput = z.infer<typeof createPersonSchema>;
export type PatchPersonInput = z.infer<typeof patchPersonSchema>;
export type ReplacePersonInput = z.infer<typeof replacePersonSchema>;

const businessFields = {
  entity_name: optionalString(255),
  trade_names: z.optional(z.array(boundedString(255)).check(z.maxLength(20))),
  ein: z.optional(z.string().check(z.regex(/^\d{2}-\d{7}$/, 'must look like 12-3456789'))),
  structure: z.optional(z.enum(BUSINESS_STRUCTURES)),
  formation_date: z.optional(isoDate),
  formation_state: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'must be a two-letter US state code'))),
  email: z.optional(email),
  phone_number: z.optional(e164),
  website: optionalString(2048),
  legal_address: z.optional(address),
  compliance_restrictions: z.optional(z.array(z.enum(['LICENSED_CANNABIS'])).check(z.maxLength(1))),
  metadata: z.optional(metadata),
};

export const BUSINESS_READ_ONLY = [
  'id',
  'tenant',
  'creation_time',
  'last_updated_time',
  'verification_status',
  'verification_last_run',
  'has_accounts',
  'addresses',
] as const;

export const createBusinessSchema = z.strictObject({
  is_customer: z.boolean(),
  status: z.enum(BUSINESS_STATUSES),
  ...businessFields,
});
export const patchBusinessSchema = z.strictObject({
  is_customer: z.optional(z.boolean()),
  status: z.optional(z.enum(BUSINESS_STATUSES)),
  ...businessFields,
});
export type CreateBusinessInput = z.infer<typeof createBusinessSchema>;
export type PatchBusinessInput = z.infer<typeof patchBusinessSchema>;

const ipAddress = optionalString(64);

export const verifyRequestSchema = z.strictObject({
  customer_consent: z.boolean(),
  person_id: z.optional(z.string()),
  business_id: z.optional(z.string()),
  customer_ip_address: ipAddress,
  document_id: optionalString(255),
});

export const legacyVerifyRequestSchema = z.strictObject({
  customer_consent: z.boolean(),
  customer_ip_address: ipAddress,
  document_id: optionalString(255),
  // Synctera accepts and ignores it.
  verification_type: z.optional(z.unknown()),
});
