import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';
import { date, dateTime, jsonObject, listOf } from '../shared/schemas/responses.js';
import { ACCOUNT_TYPES, CUSTOMER_TYPES, STATUSES, VENDORS, VERIFICATION_STATUSES } from './model.js';
import { LINK_TYPES } from './vendor-ports.js';

// The shapes the external-accounts domain answers with (views.ts and the vendor flows), strict.

const lastFour = z.string().check(z.regex(/^.{0,4}$/));
const owner = { customer_id: z.optional(uuid), business_id: z.optional(uuid) };

export const externalAccountResponseSchema = z.strictObject({
  id: uuid,
  ...owner,
  customer_type: z.enum(CUSTOMER_TYPES),
  status: z.enum(STATUSES),
  status_reason: z.optional(z.string()),
  type: z.enum(ACCOUNT_TYPES),
  account_owner_names: z.array(z.string()),
  account_identifiers: z.strictObject({ number: lastFour, iban: z.optional(lastFour) }),
  routing_identifiers: z.strictObject({
    bank_name: z.string(),
    bank_countries: z.array(z.string()),
    ach_routing_number: z.optional(lastFour),
    wire_routing_number: z.optional(lastFour),
    eft_ca_routing_number: z.optional(lastFour),
    swift_code: z.optional(z.string()),
    bank_address: z.optional(z.string()),
    correspondent_bank_details: z.optional(z.nullable(z.array(jsonObject))),
  }),
  verification: z.strictObject({
    vendor: z.enum(VENDORS),
    status: z.enum(VERIFICATION_STATUSES),
    creation_time: dateTime,
    last_updated_time: dateTime,
  }),
  vendor_data: z.optional(z.strictObject({ account_number_mask: z.optional(z.string()), institution_id: z.optional(z.string()) })),
  vendor_account_id: z.optional(z.string()),
  name: z.optional(z.string()),
  nickname: z.nullable(z.string()),
  currency: z.optional(z.string()),
  metadata: z.optional(jsonObject),
  tenant: z.string(),
  creation_time: dateTime,
  last_updated_time: dateTime,
  deletion_time: z.optional(dateTime),
});

export const externalAccountDeletedSchema = z.strictObject({ id: uuid, resource: z.literal('external_account') });
export const externalAccountListSchema = listOf('external_accounts', externalAccountResponseSchema);

export const linkTokenResponseSchema = z.strictObject({
  ...owner,
  client_name: z.string(),
  country_codes: z.array(z.string()),
  language: z.string(),
  type: z.enum(LINK_TYPES),
  sdk_type: z.enum(['WEB', 'IOS', 'ANDROID']),
  redirect_uri: z.optional(z.string()),
  link_customization_name: z.optional(z.string()),
  vendor_institution_id: z.optional(z.string()),
  verify_owner: z.boolean(),
  vendor: z.enum(['PLAID', 'FINICITY']),
  vendor_customer_id: z.optional(z.string()),
  link_token: z.string(),
  expiration: dateTime,
  request_id: z.string(),
});

export const accessTokenResponseSchema = z.strictObject({
  ...owner,
  vendor_institution_id: z.string(),
  vendor_public_token: z.string(),
  vendor_access_token: z.string(),
  request_id: z.string(),
});

const failedAccount = z.strictObject({
  vendor_account_id: z.string(),
  reason: z.enum(['ACCOUNT_NOT_FOUND', 'DUPLICATE_ACCOUNT', 'FAILED_VERIFICATION', 'PROVIDER_ERROR', 'UNSUPPORTED_ACCOUNT_TYPE']),
  reason_description: z.string(),
  vendor_error_message: z.optional(z.string()),
  vendor_request_id: z.optional(z.string()),
});

export const addVendorAccountsResponseSchema = z.strictObject({
  added_accounts: z.array(externalAccountResponseSchema),
  failed_accounts: z.array(failedAccount),
});

export const syncVendorAccountsResponseSchema = z.strictObject({
  added_accounts: z.array(externalAccountResponseSchema),
  deleted_accounts: z.array(externalAccountResponseSchema),
  failed_accounts: z.array(failedAccount),
});

const minorUnits = z.nullable(z.int());

export const balanceResponseSchema = z.strictObject({
  currency: z.string(),
  available: minorUnits,
  current: minorUnits,
  limit: minorUnits,
  creation_time: dateTime,
  last_updated_time: dateTime,
  last_updated_time_vendor: z.optional(dateTime),
});

export const vendorTransactionListSchema = z.strictObject({
  transactions: z.array(
    z.strictObject({
      transaction_id: z.string(),
      amount: z.int(),
      currency: z.string(),
      date,
      authorized_date: z.nullable(date),
      is_pending: z.boolean(),
      merchant_name: z.optional(z.string()),
      category: z.array(z.string()),
      check_number: z.optional(z.string()),
      payment_channel: z.optional(z.enum(['IN_STORE', 'ONLINE', 'OTHER'])),
      payment_method: z.optional(z.string()),
      transaction_type: z.optional(z.string()),
    }),
  ),
});

export const refreshTransactionsResponseSchema = z.strictObject({ transactions_synced: z.int() });
