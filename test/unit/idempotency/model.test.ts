import { describe, expect, it } from 'vitest';
import {
  type IdempotencyRecord,
  decide,
  fingerprint,
  hashKey,
  isStorable,
  isValidIdempotencyKey,
  REPLAY_WINDOW_SECONDS,
} from '../../../functions/idempotency/model.js';

const record = (overrides: Partial<IdempotencyRecord>): IdempotencyRecord => ({
  status: 'COMPLETED',
  fingerprint: 'fp',
  lock_expires_at: 0,
  expires_at: 0,
  response: { statusCode: 201, headers: { 'Content-Type': 'application/json' }, body: '{"id":"1"}' },
  ...overrides,
});

describe('fingerprint', () => {
  it('is equal for the same body with keys reordered', () => {
    expect(fingerprint('POST', '/v0/customers', { status: 'ACTIVE', legal_address: { city: 'A', country_code: 'US' } })).toBe(
      fingerprint('POST', '/v0/customers', { legal_address: { country_code: 'US', city: 'A' }, status: 'ACTIVE' }),
    );
  });

  it('differs when the body, the path or the method differs', () => {
    const base = fingerprint('POST', '/v0/customers', { status: 'ACTIVE' });
    expect(fingerprint('POST', '/v0/customers', { status: 'PROSPECT' })).not.toBe(base);
    expect(fingerprint('POST', '/v0/persons', { status: 'ACTIVE' })).not.toBe(base);
    expect(fingerprint('PATCH', '/v0/customers', { status: 'ACTIVE' })).not.toBe(base);
  });

  it('is a hex SHA-256', () => {
    expect(fingerprint('POST', '/v0/customers', {})).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('isStorable with an error code', () => {
  it('does not store a transient refusal that asks the client to retry', () => {
    expect(isStorable(409, 'CONCURRENT_MODIFICATION')).toBe(false);
    expect(isStorable(409, 'IDEMPOTENCY_CONCURRENT_USE')).toBe(false);
    expect(isStorable(409, 'ALREADY_EXISTS')).toBe(true);
    expect(isStorable(400, 'BAD_REQUEST_BODY')).toBe(true);
  });
});

describe('decide', () => {
  it('reports a key whose change committed without a stored response as applied, never in progress', () => {
    expect(decide(record({ status: 'COMMITTED', response: undefined }), 'fp')).toEqual({ kind: 'applied' });
  });

  it('is a mismatch when the stored fingerprint differs, whatever the status', () => {
    expect(decide(record({ fingerprint: 'other' }), 'fp')).toEqual({ kind: 'mismatch' });
    expect(decide(record({ fingerprint: 'other', status: 'IN_PROGRESS', response: undefined }), 'fp')).toEqual({ kind: 'mismatch' });
  });

  it('is in progress while the first request has not completed', () => {
    expect(decide(record({ status: 'IN_PROGRESS', response: undefined }), 'fp')).toEqual({ kind: 'in_progress' });
  });

  it('replays the stored response, status and body, once completed', () => {
    const existing = record({});
    expect(decide(existing, 'fp')).toEqual({ kind: 'replay', response: existing.response });
  });

  it('does not replay a completed record that has no stored response', () => {
    expect(decide(record({ response: undefined }), 'fp').kind).toBe('in_progress');
  });
});

describe('isStorable', () => {
  it.each([200, 201, 204, 400, 401, 403, 404, 409, 422, 461])('stores %i', (status) => {
    expect(isStorable(status)).toBe(true);
  });

  it.each([429, 500, 502, 503, 504])('never stores %i so a retry re-executes', (status) => {
    expect(isStorable(status)).toBe(false);
  });
});

describe('isValidIdempotencyKey', () => {
  it('accepts UUIDs and printable ASCII up to 255 characters', () => {
    expect(isValidIdempotencyKey('3f2504e0-4f89-11d3-9a0c-0305e82c3301')).toBe(true);
    expect(isValidIdempotencyKey('order:42/retry#1')).toBe(true);
    expect(isValidIdempotencyKey('k'.repeat(255))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too long', 'k'.repeat(256)],
    ['with a space', 'my key'],
    ['with a newline', 'key\n'],
    ['non-ASCII', 'clé'],
  ])('rejects a key that is %s', (_label, key) => {
    expect(isValidIdempotencyKey(key)).toBe(false);
  });
});

describe('hashKey and replay window', () => {
  it('stores keys hashed, never raw', () => {
    expect(hashKey('my-key')).toMatch(/^[0-9a-f]{64}$/);
    expect(hashKey('my-key')).not.toContain('my-key');
    expect(hashKey('my-key')).not.toBe(hashKey('my-key2'));
  });

  it('replays for 7 days', () => {
    expect(REPLAY_WINDOW_SECONDS).toBe(604_800);
  });
});
