import * as z from 'zod/mini';
import { isoDate, optionalString } from '../shared/schemas/common.js';
import { ACCRUAL_PAYOUT_SCHEDULES, ACCRUAL_PERIODS, CALCULATION_METHODS, PRODUCT_TYPES } from './enums.js';

// Account product bodies (contract §6). Only INTEREST products are served; FEE is deprecated
// by Synctera in favour of /v1/fee_templates and is refused with a pointer there.

export const rateSchema = z.strictObject({
  // Basis points, int32 in the spec: 125 = 1.25%.
  rate: z.int().check(z.gte(0), z.lte(2_147_483_647)),
  accrual_period: z.enum(ACCRUAL_PERIODS),
  valid_from: isoDate,
  valid_to: z.optional(isoDate),
});
export type InterestRate = z.infer<typeof rateSchema>;

const rates = z.array(rateSchema).check(z.minLength(1, 'must have at least 1 entry'), z.maxLength(100));

/** First pass: only the discriminator, so FEE gets its own clear answer. */
export const productTypeOnly = z.object({ product_type: z.enum(PRODUCT_TYPES) });

export const PRODUCT_READ_ONLY = ['id', 'tenant', 'creation_time', 'last_updated_time'] as const;

export const createInterestSchema = z.strictObject({
  product_type: z.literal('INTEREST'),
  calculation_method: z.enum(CALCULATION_METHODS),
  accrual_payout_schedule: z.enum(ACCRUAL_PAYOUT_SCHEDULES),
  rates,
  description: optionalString(1000),
});
export type CreateInterestInput = z.infer<typeof createInterestSchema>;

export const patchInterestSchema = z.strictObject({
  product_type: z.literal('INTEREST'),
  calculation_method: z.optional(z.enum(CALCULATION_METHODS)),
  accrual_payout_schedule: z.optional(z.enum(ACCRUAL_PAYOUT_SCHEDULES)),
  rates: z.optional(rates),
  description: optionalString(1000),
});
export type PatchInterestInput = z.infer<typeof patchInterestSchema>;
