import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The Idempotency-Key a request holds while its operation runs. The storage adapter reads it
 * to mark the key COMMITTED inside the operation's own transaction, so a crash between the
 * write and storing the response can never let a retry write a second time.
 */
export interface HeldKey {
  tenantId: string;
  keyHash: string;
  /** Proves this request still owns the key (a stale lock may have been taken over). */
  lockToken: string;
  /** Set once a transaction carrying the marker has committed. */
  committed: boolean;
}

const storage = new AsyncLocalStorage<HeldKey>();

export const runHoldingKey = <T>(held: HeldKey | undefined, operation: () => Promise<T>): Promise<T> =>
  held ? storage.run(held, operation) : operation();

export const heldKey = (): HeldKey | undefined => storage.getStore();
