import * as z from 'zod/mini';
import { boundedString, uuid } from '../shared/schemas/common.js';
import { CUSTOMER_TYPES } from './model.js';
import { LINK_TYPES } from './vendor-ports.js';

// Vendor flow bodies (contract §9.6). `vendor` on link_tokens is a Bankline extension: it
// overrides the tenant's aggregator for one link.

const aggregator = z.enum(['PLAID', 'FINICITY'] as const);

export const linkTokenSchema = z.strictObject({
  customer_id: z.optional(uuid),
  business_id: z.optional(uuid),
  client_name: boundedString(30),
  country_codes: z.array(z.enum(['US', 'CA'] as const)).check(z.minLength(1), z.maxLength(2)),
  language: z.enum(['DE', 'EN', 'ES', 'FR', 'NL'] as const),
  type: z.enum(LINK_TYPES),
  redirect_uri: z.optional(boundedString(2000)),
  link_customization_name: z.optional(boundedString(100)),
  sdk_type: z.optional(z.enum(['WEB', 'IOS', 'ANDROID'] as const)),
  vendor_institution_id: z.optional(boundedString(100)),
  vendor_access_token: z.optional(boundedString(500)),
  verify_owner: z.optional(z.boolean()),
  vendor: z.optional(aggregator),
});
export type LinkTokenInput = z.infer<typeof linkTokenSchema>;

export const accessTokenSchema = z.strictObject({
  vendor_public_token: boundedString(500),
  vendor_institution_id: boundedString(100),
  customer_id: z.optional(uuid),
  business_id: z.optional(uuid),
  /** Deprecated alias of customer_id (contract §9.6). */
  vendor_customer_id: z.optional(uuid),
});
export type AccessTokenInput = z.infer<typeof accessTokenSchema>;

export const vendorAccountsSchema = z.strictObject({
  vendor: aggregator,
  customer_type: z.enum(CUSTOMER_TYPES),
  customer_id: z.optional(uuid),
  business_id: z.optional(uuid),
  vendor_access_token: z.optional(boundedString(500)),
  vendor_account_ids: z.optional(z.array(boundedString(200)).check(z.minLength(1), z.maxLength(50))),
  vendor_customer_id: z.optional(boundedString(100)),
  verify_owner: z.optional(z.boolean()),
});
export type VendorAccountsInput = z.infer<typeof vendorAccountsSchema>;

/** Read-only response fields a client may echo back. */
export const LINK_TOKEN_READ_ONLY = ['link_token', 'expiration', 'request_id'] as const;
export const ACCESS_TOKEN_READ_ONLY = ['vendor_access_token', 'request_id'] as const;
