import { callCounts, resetCallCounts } from '../../functions/adapters/dynamodb/call-counter.js';
import { SAMPLES, WARMUP } from './sizes.js';

// One list request timed at both tenant sizes, sampled alternately so machine noise falls on both.

export interface ListFigure {
  name: string;
  smallP50: number;
  largeP50: number;
  ratio: number;
  /** A filter (answered from a key): held to the calls-per-page limit as well as the ratio. */
  filter: boolean;
  /** DynamoDB commands of one page at 100k (the authorizer's answer is cached, as on AWS). */
  dynamoCalls: Record<string, number>;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const timed = async (run: () => Promise<unknown>): Promise<number> => {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e6;
};

/** p50 of one request at both sizes, sampled alternately, and the DynamoDB calls of one page at 100k. */
export const compare = async (
  name: string,
  filter: boolean,
  small: () => Promise<unknown>,
  large: () => Promise<unknown>,
): Promise<ListFigure> => {
  for (let i = 0; i < WARMUP; i++) {
    await small();
    await large();
  }
  const times = { small: [] as number[], large: [] as number[] };
  // Each size goes first every other time, so neither always runs right after the other.
  for (let i = 0; i < SAMPLES; i++) {
    if (i % 2 === 0) times.small.push(await timed(small));
    times.large.push(await timed(large));
    if (i % 2 === 1) times.small.push(await timed(small));
  }
  resetCallCounts();
  await large();
  const smallP50 = median(times.small);
  const largeP50 = median(times.large);
  return { name, smallP50, largeP50, ratio: largeP50 / smallP50, filter, dynamoCalls: callCounts() };
};
