import { createHash } from 'node:crypto';
import { canonicalJson } from '../shared/canonical-json.js';

// Contract §1.4: first response replayed for 7 days; 5xx and 429 are never stored.
export const REPLAY_WINDOW_SECONDS = 7 * 24 * 60 * 60;
// Longer than any Lambda timeout: a lock older than this belongs to a request that died.
export const LOCK_SECONDS = 120;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

export interface StoredResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
  /** Top-level body fields stored as ciphertext (sealed-response.ts), opened again on replay. */
  sealed_fields?: string[];
}

/**
 * IN_PROGRESS: taken, nothing written yet. COMMITTED: the change is written (marked inside the
 * change's own transaction) but the response is not stored yet, or never will be because the
 * invocation died. COMPLETED: the response is stored for replay.
 */
export interface IdempotencyRecord {
  status: 'IN_PROGRESS' | 'COMMITTED' | 'COMPLETED';
  /** Identifies the request holding the key, so a request whose lock was taken over cannot write. */
  lock_token?: string;
  fingerprint: string;
  lock_expires_at: number;
  expires_at: number;
  response?: StoredResponse;
}

export const isValidIdempotencyKey = (key: string): boolean => KEY_PATTERN.test(key);

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

export const fingerprint = (method: string, path: string, body: unknown): string =>
  createHash('sha256')
    .update(`${method} ${path}\n${canonicalJson(body ?? null)}`)
    .digest('hex');

// Answers that say "try again" are not the request's outcome: storing them would replay a
// transient refusal for 7 days.
const TRANSIENT_CODES: readonly string[] = ['CONCURRENT_MODIFICATION', 'IDEMPOTENCY_CONCURRENT_USE'];

export const isStorable = (statusCode: number, code?: string): boolean =>
  statusCode < 500 && statusCode !== 429 && !(code !== undefined && TRANSIENT_CODES.includes(code));

export type Decision = { kind: 'replay'; response: StoredResponse } | { kind: 'in_progress' } | { kind: 'applied' } | { kind: 'mismatch' };

/** What to do when the key is already taken by `existing`. */
export const decide = (existing: IdempotencyRecord, requestFingerprint: string): Decision => {
  if (existing.fingerprint !== requestFingerprint) return { kind: 'mismatch' };
  if (existing.status === 'COMPLETED' && existing.response) return { kind: 'replay', response: existing.response };
  if (existing.status === 'COMMITTED') return { kind: 'applied' };
  return { kind: 'in_progress' };
};
