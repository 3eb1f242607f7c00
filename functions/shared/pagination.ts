import { createCipheriv, createDecipheriv, createSecretKey, hkdfSync, type KeyObject, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import * as z from 'zod/mini';
import { badRequest } from './errors.js';
import type { Cursor } from './page.js';

// Contract §1.7: limit defaults to 100 and anything above is treated as 100. The page token is
// opaque to clients and unforgeable: the cursor (table keys, tenant ids) is sealed with
// AES-256-GCM under a key derived from the stage's secret, and bound through the associated
// data to the calling tenant and the exact query. A tampered, truncated, foreign or
// reused-elsewhere token is a 400, and nothing inside can be read.
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 100;

export const parseLimit = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest('limit must be an integer of at least 1', 'BAD_QUERY_PARAMETER');
  return Math.min(Number(raw), MAX_LIMIT);
};

/** The AES-256-GCM key tokens are sealed with; a KeyObject, so it never prints its bytes. */
export interface PageTokenKey {
  readonly aes: KeyObject;
}

/** Who may resume a token and for what: the caller's tenant (not the partition read) and the query. */
export interface PageTokenBinding {
  readonly callerTenantId: string;
  /** Endpoint, filters and sort, as the HTTP layer canonicalises them. */
  readonly scope: string;
}

// Bumped when the format or key derivation changes; old tokens then fail as invalid (a 400).
const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MAX_TOKEN_LENGTH = 4096;
const MAX_CURSOR_BYTES = 16 * 1024;

/** Derives the token key from the stage secret (HKDF-SHA256), so the secret itself is never a cipher key. */
export const pageTokenKeyFrom = (secret: string): PageTokenKey => {
  if (secret === '') throw new Error('the page-token secret is empty');
  const bytes = hkdfSync('sha256', secret, 'bankline', `page-token v${VERSION}`, 32);
  return { aes: createSecretKey(Buffer.from(bytes)) };
};

const associatedData = ({ callerTenantId, scope }: PageTokenBinding): Buffer =>
  Buffer.from(`bankline-page-token v${VERSION}\n${callerTenantId}\n${scope}`, 'utf8');

const CursorSchema = z.record(z.string().check(z.regex(/^[a-z0-9_]{1,16}$/)), z.string().check(z.maxLength(1024)));

/**
 * `base64url(version | iv | ciphertext | tag)`, with a fresh random IV per token. The cursor is
 * deflated first: its keys repeat the tenant and item ids, and this keeps a token near 200
 * characters. Compressing leaks only the length, and a cursor holds nothing the caller cannot
 * already read in its own list.
 */
export const encodePageToken = (key: PageTokenKey, binding: PageTokenBinding, cursor: Cursor): string => {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.aes, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(associatedData(binding));
  const sealed = Buffer.concat([cipher.update(deflateRawSync(JSON.stringify(cursor))), cipher.final()]);
  return Buffer.concat([Buffer.of(VERSION), iv, sealed, cipher.getAuthTag()]).toString('base64url');
};

const invalid = () => badRequest('page_token is invalid or does not belong to this query', 'BAD_QUERY_PARAMETER');

const open = (key: PageTokenKey, binding: PageTokenBinding, token: string): string | undefined => {
  if (token.length > MAX_TOKEN_LENGTH || !/^[A-Za-z0-9_-]+$/.test(token)) return undefined;
  const bytes = Buffer.from(token, 'base64url');
  // Only the canonical spelling: a token has exactly one form, so no two strings resume alike.
  if (bytes.toString('base64url') !== token) return undefined;
  if (bytes.length <= 1 + IV_BYTES + TAG_BYTES || bytes[0] !== VERSION) return undefined;
  const decipher = createDecipheriv('aes-256-gcm', key.aes, bytes.subarray(1, 1 + IV_BYTES), { authTagLength: TAG_BYTES });
  decipher.setAAD(associatedData(binding));
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
  try {
    const plain = Buffer.concat([decipher.update(bytes.subarray(1 + IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]);
    return inflateRawSync(plain, { maxOutputLength: MAX_CURSOR_BYTES }).toString('utf8');
  } catch {
    return undefined;
  }
};

export const decodePageToken = (key: PageTokenKey, binding: PageTokenBinding, token: string | undefined): Cursor | undefined => {
  if (token === undefined || token === '') return undefined;
  const plain = open(key, binding, token);
  if (plain === undefined) throw invalid();
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(plain));
    if (!parsed.success) throw invalid();
    return parsed.data;
  } catch {
    throw invalid();
  }
};
