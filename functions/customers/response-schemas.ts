import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';
import { date, dateTime, jsonObject, listOf } from '../shared/schemas/responses.js';
import {
  BUSINESS_STATUSES,
  BUSINESS_STRUCTURES,
  CHECK_RESULTS,
  PERSON_STATUSES,
  VERIFICATION_STATUSES,
  VERIFICATION_TYPES,
} from './schemas.js';

// The shapes the customers domain answers with (views.ts), strict: the OpenAPI document is built
// from them and every response of the test suites is checked against it.

const text = z.optional(z.string());

export const storedAddressSchema = z.strictObject({
  id: z.string(),
  address_type: z.enum(['LEGAL', 'SHIPPING']),
  address_line_1: z.string(),
  address_line_2: text,
  city: text,
  state: text,
  postal_code: text,
  country_code: z.string(),
  nickname: text,
  is_registered_agent: z.optional(z.boolean()),
});

const verificationStatus = z.enum(VERIFICATION_STATUSES);

const personCommon = {
  id: uuid,
  status: z.enum(PERSON_STATUSES),
  first_name: text,
  middle_name: text,
  last_name: text,
  dob: z.optional(date),
  email: text,
  phone_number: text,
  ssn: z.optional(z.string().check(z.regex(/^\d{4}$/))),
  ssn_source: z.optional(z.literal('MANUAL')),
  legal_address: z.optional(storedAddressSchema),
  shipping_address: z.optional(storedAddressSchema),
  addresses: z.array(storedAddressSchema),
  ban_status: z.enum(['ALLOWED', 'SUSPENDED', 'BANNED']),
  has_accounts: z.boolean(),
  metadata: z.optional(jsonObject),
  tenant: z.string(),
  creation_time: dateTime,
  last_updated_time: dateTime,
};

/** `/v0/customers`: the person as Synctera's customer (`kyc_*` names). */
export const customerResponseSchema = z.strictObject({
  ...personCommon,
  kyc_status: verificationStatus,
  kyc_last_run: z.optional(dateTime),
  kyc_exempt: z.boolean(),
});

/** `/v0/persons`: the same record under the persons names. */
export const personResponseSchema = z.strictObject({
  ...personCommon,
  chosen_name: text,
  is_customer: z.boolean(),
  is_user: z.boolean(),
  verification_status: verificationStatus,
  verification_last_run: z.optional(dateTime),
});

export const businessResponseSchema = z.strictObject({
  id: uuid,
  status: z.enum(BUSINESS_STATUSES),
  is_customer: z.boolean(),
  entity_name: text,
  trade_names: z.optional(z.array(z.string())),
  ein: text,
  structure: z.optional(z.enum(BUSINESS_STRUCTURES)),
  formation_date: z.optional(date),
  formation_state: text,
  email: text,
  phone_number: text,
  website: text,
  legal_address: z.optional(storedAddressSchema),
  addresses: z.array(storedAddressSchema),
  compliance_restrictions: z.optional(z.array(z.literal('LICENSED_CANNABIS'))),
  has_accounts: z.boolean(),
  verification_status: verificationStatus,
  verification_last_run: z.optional(dateTime),
  metadata: z.optional(jsonObject),
  tenant: z.string(),
  creation_time: dateTime,
  last_updated_time: dateTime,
});

const checkResult = z.enum(CHECK_RESULTS);
const vendorInfo = z.strictObject({ vendor: z.string(), content_type: z.literal('application/json'), json: jsonObject });

export const verificationResponseSchema = z.strictObject({
  id: uuid,
  person_id: z.optional(uuid),
  business_id: z.optional(uuid),
  verification_type: z.enum(VERIFICATION_TYPES),
  result: checkResult,
  verification_time: dateTime,
  details: z.array(z.strictObject({ label: z.string(), result: checkResult, description: z.string() })),
  vendor_info: vendorInfo,
  creation_time: dateTime,
  last_updated_time: dateTime,
});

/** Legacy `/v0/customers/{id}/verify` and `/verifications`: lower-case check names (contract §7.3). */
export const legacyVerificationResponseSchema = z.strictObject({
  id: uuid,
  result: z.enum(['ACCEPTED', 'PROVISIONAL', 'REJECTED', 'REVIEW', 'PROVIDER_FAILURE']),
  verification_type: z.enum(['kyc', 'watchliststandard', 'documentverification', 'manualreview', 'relatedentities', 'license']),
  verification_time: dateTime,
  vendor_info: vendorInfo,
});

export const verifyResponseSchema = z.strictObject({
  verification_status: verificationStatus,
  verifications: z.array(verificationResponseSchema),
});

export const legacyVerifyResponseSchema = z.strictObject({
  kyc_status: verificationStatus,
  verifications: z.array(legacyVerificationResponseSchema),
});

export const legacyVerificationListSchema = z.strictObject({ verifications: z.array(legacyVerificationResponseSchema) });

export const customerListSchema = listOf('customers', customerResponseSchema);
export const personListSchema = listOf('persons', personResponseSchema);
export const businessListSchema = listOf('businesses', businessResponseSchema);
export const verificationListSchema = listOf('verifications', verificationResponseSchema);
