import { ConcurrentModification } from './domain-errors.js';

/** Where a list left off: the storage key of the last item returned. Opaque above the adapter. */
export type Cursor = Readonly<Record<string, string>>;

export interface Page<T> {
  items: T[];
  cursor?: Cursor;
}

/** A concurrent writer changed the item between our read and our conditional write. */
export class VersionConflict extends Error {
  constructor(readonly what: string) {
    super(`${what} was modified concurrently`);
    this.name = 'VersionConflict';
  }
}

const ATTEMPTS = 10;
const BASE_BACKOFF_MS = 5;

// Full jitter: racing writers spread out instead of colliding again in lockstep.
const backoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * BASE_BACKOFF_MS * 2 ** Math.min(attempt, 6)));

/**
 * Re-runs a read-modify-write when another writer won the race, so no update is lost. If the
 * item stays that contended, the client gets a 409 it can retry, never a 500.
 */
export const retryOnConflict = async <T>(attempt: () => Promise<T>, attempts = ATTEMPTS): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      if (i >= attempts) throw new ConcurrentModification(`${error.what} is being modified by other requests; retry`);
      await backoff(i);
    }
  }
};
