import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { badRequest } from './errors.js';
import type { Cursor } from './page.js';

// Contract §1.7: limit defaults to 100 and anything above is treated as 100. The page token is
// opaque to clients; inside it is the cursor plus a checksum binding it to the tenant and the
// exact filters, so a tampered, truncated or reused-elsewhere token is a 400, not a surprise.
export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 100;

export const parseLimit = (raw: string | undefined): number => {
  if (raw === undefined || raw === '') return DEFAULT_LIMIT;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw badRequest('limit must be an integer of at least 1', 'BAD_QUERY_PARAMETER');
  return Math.min(Number(raw), MAX_LIMIT);
};

const CursorSchema = z.record(z.string().check(z.regex(/^[a-z0-9_]{1,16}$/)), z.string().check(z.maxLength(1024)));

const checksum = (tenantId: string, scope: string, payload: string): string =>
  createHash('sha256').update(`bankline-page-token\n${tenantId}\n${scope}\n${payload}`).digest('base64url').slice(0, 22);

export const encodePageToken = (tenantId: string, scope: string, cursor: Cursor): string => {
  const payload = Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
  return `${payload}.${checksum(tenantId, scope, payload)}`;
};

const invalid = () => badRequest('page_token is invalid or does not belong to this query', 'BAD_QUERY_PARAMETER');

export const decodePageToken = (tenantId: string, scope: string, token: string | undefined): Cursor | undefined => {
  if (token === undefined || token === '') return undefined;
  const [payload, sum, extra] = token.split('.');
  if (!payload || !sum || extra !== undefined || token.length > 4096) throw invalid();
  if (checksum(tenantId, scope, payload) !== sum) throw invalid();
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    if (!parsed.success) throw invalid();
    return parsed.data;
  } catch {
    throw invalid();
  }
};
