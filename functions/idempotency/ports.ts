import type { IdempotencyRecord, StoredResponse } from './model.js';

export type AcquireResult = { acquired: true } | { acquired: false; existing: IdempotencyRecord };

export interface IdempotencyStore {
  /** Takes the key atomically unless a live record holds it; returns that record if so. */
  acquire(tenantId: string, keyHash: string, fingerprint: string, nowSeconds: number): Promise<AcquireResult>;
  complete(tenantId: string, keyHash: string, response: StoredResponse): Promise<void>;
  /** Frees the key so a retry runs again (after a 5xx or 429). */
  release(tenantId: string, keyHash: string): Promise<void>;
}
