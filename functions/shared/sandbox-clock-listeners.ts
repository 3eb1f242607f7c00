import { logger } from './logger.js';

// Whoever runs work on the time of a tenant's sandbox clock hears when it moves ahead (the twin
// runs its webhook sweeper then), without the clock's owner knowing who listens.

export type ClockAdvanceListener = (tenant: string, now: Date) => Promise<unknown>;

const listeners = new Set<ClockAdvanceListener>();

/** Returns the unsubscribe. */
export const onSandboxClockAdvance = (listener: ClockAdvanceListener): (() => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Runs every listener in turn; the advance has happened, so a failing one is logged, not undone. */
export const sandboxClockAdvanced = async (tenant: string, now: Date): Promise<void> => {
  for (const listener of listeners) {
    try {
      await listener(tenant, now);
    } catch (error) {
      logger.error('sandbox clock listener failed', { tenant, error });
    }
  }
};
