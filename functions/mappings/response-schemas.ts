import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';
import { date, dateTime, int, listOf } from '../shared/schemas/responses.js';
import { RESOURCE_TYPES, TRADELINE_DIRECTIONS } from './model.js';

// The shapes the mappings domain answers with (views.ts), strict.

export const mappingResponseSchema = z.strictObject({
  id: uuid,
  tenant: z.string(),
  resource_id: uuid,
  old_tenant: z.string(),
  old_resource_id: uuid,
  resource_type: z.enum(RESOURCE_TYPES),
  creation_time: dateTime,
  last_updated_time: dateTime,
  deletion_time: z.optional(dateTime),
});

export const mappingDeletedSchema = z.strictObject({ id: uuid, resource: z.literal('migration_mapping') });

/** A Bankline extension: the credit-reporting record of a credit account moved between banks. */
export const tradelineTransferResponseSchema = z.strictObject({
  id: uuid,
  tenant: z.string(),
  direction: z.enum(TRADELINE_DIRECTIONS),
  kind: z.enum(['TRANSFER', 'REVERSAL']),
  reverses_id: z.optional(uuid),
  mapping_id: uuid,
  account_id: uuid,
  account_type: z.string(),
  counterparty_tenant: z.string(),
  counterparty_account_id: uuid,
  original_open_date: date,
  credit_limit: z.nullable(int),
  highest_credit: int,
  currency: z.string(),
  seller_bank_name: z.string(),
  buyer_bank_name: z.string(),
  transfer_date: date,
  metro2: z.strictObject({
    account_status: z.optional(z.nullable(z.literal('05'))),
    k2_segment: z.strictObject({
      segment_identifier: z.literal('K2'),
      purchased_from_sold_to_indicator: z.enum(['1', '2', '9']),
      purchased_from_sold_to_name: z.string(),
    }),
  }),
  creation_time: dateTime,
});

export const mappingListSchema = listOf('migration_mappings', mappingResponseSchema);
export const tradelineTransferListSchema = listOf('tradeline_transfers', tradelineTransferResponseSchema);
