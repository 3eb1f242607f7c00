import { badRequest } from '../shared/errors.js';
import type { InterestProductRecord } from './model.js';
import type { CreateInterestInput, InterestRate, PatchInterestInput } from './product-schemas.js';

// INTEREST product rules (contract §6.2). Dates are YYYY-MM-DD, so string order is date order.

/** Only DAILY accrual is supported by Synctera ("only DAILY is supported at the moment"). */
export const assertRates = (rates: readonly InterestRate[]): void => {
  rates.forEach((rate, i) => {
    if (rate.accrual_period !== 'DAILY') throw badRequest(`rates.${i}.accrual_period MONTHLY is not supported; use DAILY`);
    if (rate.valid_to !== undefined && rate.valid_to <= rate.valid_from) {
      throw badRequest(`rates.${i}.valid_to must be after valid_from (valid_to is exclusive)`);
    }
  });
  const ordered = rates.map((rate, index) => ({ rate, index })).sort((a, b) => (a.rate.valid_from < b.rate.valid_from ? -1 : 1));
  for (let i = 1; i < ordered.length; i++) {
    const previous = ordered[i - 1]!;
    const current = ordered[i]!;
    // An open-ended rate (no valid_to) runs forever, so anything after it overlaps.
    if (previous.rate.valid_to === undefined || previous.rate.valid_to > current.rate.valid_from) {
      throw badRequest(`rates.${previous.index} and rates.${current.index} overlap; rate date ranges must not overlap`);
    }
  }
};

export const newInterestProduct = (
  input: CreateInterestInput,
  meta: { id: string; tenant: string; now: string },
): InterestProductRecord => {
  assertRates(input.rates);
  return {
    id: meta.id,
    tenant: meta.tenant,
    product_type: 'INTEREST',
    calculation_method: input.calculation_method,
    accrual_payout_schedule: input.accrual_payout_schedule,
    rates: input.rates,
    ...(input.description !== undefined ? { description: input.description } : {}),
    creation_time: meta.now,
    last_updated_time: meta.now,
    version: 1,
  };
};

export const patchInterestProduct = (current: InterestProductRecord, input: PatchInterestInput, now: string): InterestProductRecord => {
  if (input.rates) assertRates(input.rates);
  return {
    ...current,
    ...(input.calculation_method !== undefined ? { calculation_method: input.calculation_method } : {}),
    ...(input.accrual_payout_schedule !== undefined ? { accrual_payout_schedule: input.accrual_payout_schedule } : {}),
    ...(input.rates !== undefined ? { rates: input.rates } : {}),
    ...(input.description !== undefined ? { description: input.description } : {}),
    last_updated_time: now,
    version: current.version + 1,
  };
};

/** The `start_date`/`end_date` list filter: every rate starts on/after start and ends on/before end. */
export const matchesDateRange = (product: InterestProductRecord, start: string | undefined, end: string | undefined): boolean =>
  product.rates.every(
    (rate) =>
      (start === undefined || rate.valid_from >= start) && (end === undefined || (rate.valid_to !== undefined && rate.valid_to <= end)),
  );
