// The lists benchmark's table, tenant sizes, filter selectivity and sample counts.

export const TABLE = 'bankline-bench-lists';
/** Positive integer from the environment (smoke runs: BENCH_LISTS_LARGE=2000 BENCH_LISTS_SAMPLES=20), else the default. */
const sizeFromEnv = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer, got ${raw}`);
  return value;
};
export const SMALL = 1_000;
/** The size; a smaller override is for smoke runs only, its ratios mean little. */
export const LARGE = Math.max(SMALL, Math.ceil(sizeFromEnv('BENCH_LISTS_LARGE', 100_000) / 100) * 100);
/** Each person holds this many accounts, spread over the list (person j holds accounts j, j+P, ...). */
export const ACCOUNTS_PER_PERSON = 4;
/**
 * Persons whose first_name starts with the filtered prefix: 0.1% of the large tenant's persons.
 * The small tenant has as many, so both pages hold the same records and only the tenant size differs.
 */
export const PREFIX_MATCHES = Math.max(1, Math.round((LARGE / ACCOUNTS_PER_PERSON) * 0.001));
export const PREFIX = 'Zor';
export const PAGE = 100;
export const SAMPLES = sizeFromEnv('BENCH_LISTS_SAMPLES', 200);
export const WARMUP = Math.min(20, SAMPLES);
