// Retries (contract §11.6, design notes §3.3): exponential backoff with jitter over about three
// days, then FAILED. Attempt 1 is immediate; RETRY_DELAYS_S[i] is the wait before attempt i + 2.
// Sum of the nominal delays: 71 h 42 min 30 s; with ±JITTER the last attempt lands between
// about 64.5 h and 79 h after the first.

export const RETRY_DELAYS_S = [30, 120, 600, 1800, 3600, 7200, 14400, 28800, 43200, 43200, 43200, 72000] as const;

/** Attempts in one chain (the first delivery, or a resend): the first plus one per delay. */
export const MAX_ATTEMPTS = RETRY_DELAYS_S.length + 1;

export const JITTER = 0.1;

/** SQS's per-message delay limit; longer waits go through the due-time index and the sweeper. */
export const MAX_QUEUE_DELAY_S = 900;

/**
 * The delay before the next attempt after `chainAttempts` failed attempts of the chain, or
 * undefined when the budget is spent. `random` is in [0, 1) (injected so tests are exact).
 */
export const nextDelaySeconds = (chainAttempts: number, random: () => number = Math.random): number | undefined => {
  const nominal = RETRY_DELAYS_S[chainAttempts - 1];
  if (nominal === undefined) return undefined;
  return Math.max(1, Math.round(nominal * (1 - JITTER + 2 * JITTER * random())));
};
