import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../../functions/shared/errors.js';
import { DEFAULT_LIMIT, MAX_LIMIT, decodePageToken, encodePageToken, parseLimit } from '../../../functions/shared/pagination.js';

const TENANT = 'tenant_a';
const SCOPE = 'listCustomers|{}|{"status":"ACTIVE"}';
const CURSOR = { pk: 'T#tenant_a#PERSON', sk: '2024-01-01T00:00:00.000Z#0b6e0c1c' };

const expectBadQuery = (run: () => unknown, names: string): void => {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidInput);
  expect((caught as InvalidInput).code).toBe('BAD_QUERY_PARAMETER');
  expect((caught as InvalidInput).detail).toContain(names);
};

describe('parseLimit', () => {
  it('defaults to 100 when absent or empty', () => {
    expect(DEFAULT_LIMIT).toBe(100);
    expect(parseLimit(undefined)).toBe(100);
    expect(parseLimit('')).toBe(100);
  });

  it('accepts integers from 1 up to 100 as they are', () => {
    expect(parseLimit('1')).toBe(1);
    expect(parseLimit('37')).toBe(37);
    expect(parseLimit('100')).toBe(100);
  });

  it('treats values above 100 as 100 instead of rejecting them', () => {
    expect(MAX_LIMIT).toBe(100);
    expect(parseLimit('101')).toBe(100);
    expect(parseLimit('99999999999999999999999')).toBe(100);
  });

  it.each(['0', '-1', 'abc', '1.5', '1e2', ' 5', '0x10'])('rejects %j with a 400 naming limit', (raw) => {
    expectBadQuery(() => parseLimit(raw), 'limit');
  });
});

describe('page tokens', () => {
  it('round-trip the cursor for the same tenant and scope', () => {
    const token = encodePageToken(TENANT, SCOPE, CURSOR);
    expect(decodePageToken(TENANT, SCOPE, token)).toEqual(CURSOR);
  });

  it('are opaque: the raw key values do not appear in the token', () => {
    const token = encodePageToken(TENANT, SCOPE, CURSOR);
    expect(token).not.toContain('tenant_a');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
  });

  it('decode to undefined when absent or empty (first page)', () => {
    expect(decodePageToken(TENANT, SCOPE, undefined)).toBeUndefined();
    expect(decodePageToken(TENANT, SCOPE, '')).toBeUndefined();
  });

  it('reject a token whose payload was changed', () => {
    const token = encodePageToken(TENANT, SCOPE, CURSOR);
    const [, sum] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ ...CURSOR, pk: 'T#tenant_b#PERSON' })).toString('base64url');
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, `${forged}.${sum}`), 'page_token');
  });

  it('reject a token whose checksum was changed', () => {
    const token = encodePageToken(TENANT, SCOPE, CURSOR);
    const [payload, sum = ''] = token.split('.');
    const flipped = (sum[0] === 'A' ? 'B' : 'A') + sum.slice(1);
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, `${payload}.${flipped}`), 'page_token');
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, `${payload}.${sum.slice(0, -1)}`), 'page_token');
  });

  it('reject a token minted for another tenant', () => {
    const token = encodePageToken('tenant_b', SCOPE, CURSOR);
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, token), 'page_token');
  });

  it('reject a token minted for another list or other filters', () => {
    const token = encodePageToken(TENANT, SCOPE, CURSOR);
    expectBadQuery(() => decodePageToken(TENANT, 'listCustomers|{}|{"status":"FROZEN"}', token), 'page_token');
    expectBadQuery(() => decodePageToken(TENANT, 'listBusinesses|{}|{"status":"ACTIVE"}', token), 'page_token');
  });

  it.each([
    ['a single segment', 'abc'],
    ['three segments', 'a.b.c'],
    ['an empty payload', '.abc'],
    ['an empty checksum', 'abc.'],
    ['a lone dot', '.'],
    ['an oversize token', `${'a'.repeat(5000)}.${'b'.repeat(22)}`],
  ])('reject garbage: %s', (_label, token) => {
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, token), 'page_token');
  });

  it('reject a correctly signed token whose payload is not a valid cursor shape', () => {
    // Signed by the encoder itself, so only the payload validation can catch these.
    const badKey = encodePageToken(TENANT, SCOPE, { 'PK WITH SPACE': 'x' });
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, badKey), 'page_token');
    const longValue = encodePageToken(TENANT, SCOPE, { pk: 'x'.repeat(2000) });
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, longValue), 'page_token');
  });

  it('reject a correctly signed token longer than 4096 characters', () => {
    const big = { pk: 'p'.repeat(1000), sk: 's'.repeat(1000), gsi1pk: 'g'.repeat(1000), gsi1sk: 'h'.repeat(1000) };
    const token = encodePageToken(TENANT, SCOPE, big);
    expect(token.length).toBeGreaterThan(4096);
    expectBadQuery(() => decodePageToken(TENANT, SCOPE, token), 'page_token');
  });
});
