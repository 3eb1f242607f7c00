// Order statistics for benchmark samples; medians and percentiles resist the odd slow sample a
// shared machine produces, where means do not.

export const percentile = (values: readonly number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
};

export const median = (values: readonly number[]): number => percentile(values, 50);

export const elapsedMs = (startNs: bigint): number => Number(process.hrtime.bigint() - startNs) / 1e6;

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
export const ms = (value: number): string => `${value.toFixed(2)} ms`;
export const times = (ratio: number): string => `${ratio.toFixed(2)}x`;
