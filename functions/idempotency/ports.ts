import type { IdempotencyRecord, StoredResponse } from './model.js';

export type AcquireResult = { acquired: true } | { acquired: false; existing: IdempotencyRecord };

/** Every write after `acquire` is conditional on the holder's lock token. */
export interface IdempotencyStore {
  /** Takes the key atomically unless a live record holds it; returns that record if so. */
  acquire(tenantId: string, keyHash: string, fingerprint: string, nowSeconds: number, lockToken: string): Promise<AcquireResult>;
  /** Stores the response for replay (COMPLETED). */
  complete(tenantId: string, keyHash: string, lockToken: string, response: StoredResponse): Promise<void>;
  /** Frees the key so a retry runs again (after a 5xx or 429) — unless the change was already committed. */
  release(tenantId: string, keyHash: string, lockToken: string): Promise<void>;
}

/**
 * Encrypts response fields that must not sit in the table under the table's key alone (bearer
 * credentials). The function whose route returns them supplies it, backed by the key that
 * already guards those credentials; the context is bound in, so a ciphertext only opens where it was sealed.
 */
export interface ResponseSealer {
  seal(plaintext: string, context: Record<string, string>): Promise<string>;
  unseal(ciphertext: string, context: Record<string, string>): Promise<string>;
}
