import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../../functions/shared/errors.js';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  decodePageToken,
  encodePageToken,
  type PageTokenBinding,
  pageTokenKeyFrom,
  parseLimit,
} from '../../../functions/shared/pagination.js';

const TENANT_A = '5f0c6f4e-7a51-4d0b-9c1e-2a3b4c5d6e7f';
const TENANT_B = '8e1d2c3b-4a59-4687-b6c5-d4e3f2a1b0c9';
const KEY = pageTokenKeyFrom('unit-test page-token secret, 32+ characters long');
const OTHER_KEY = pageTokenKeyFrom('another stage: a different secret, also 32+ chars');
const SCOPE = 'listCustomers|{}|{}|{"status":"ACTIVE"}';
const MINE: PageTokenBinding = { callerTenantId: TENANT_A, scope: SCOPE };
const CURSOR = {
  pk: `TENANT#${TENANT_A}#PERSON#0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e`,
  sk: 'PERSON',
  gsi1pk: `TENANT#${TENANT_A}#PERSONS`,
  gsi1sk: '2024-01-01T00:00:00.000Z#0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e',
};

/** The token's bytes with one bit flipped, re-spelled in base64url. */
const flipBit = (token: string, byte: number, bit = 0): string => {
  const bytes = Buffer.from(token, 'base64url');
  bytes[byte] = bytes[byte]! ^ (1 << bit);
  return bytes.toString('base64url');
};

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
  it('round-trip the cursor for the same caller and scope', () => {
    expect(decodePageToken(KEY, MINE, encodePageToken(KEY, MINE, CURSOR))).toEqual(CURSOR);
  });

  it('reveal nothing: decoded by eye they show no key name, key value, tenant id or JSON', () => {
    const token = encodePageToken(KEY, MINE, CURSOR);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    const seen = [token, Buffer.from(token, 'base64url').toString('latin1'), Buffer.from(token, 'base64url').toString('utf8')];
    for (const text of seen) {
      // Needles of five or more characters: shorter ones turn up in random base64 by chance.
      for (const needle of ['TENANT', 'PERSON', 'gsi1pk', 'gsi1sk', TENANT_A, TENANT_A.slice(0, 8), '2024-01-01', '{"pk"']) {
        expect(text).not.toContain(needle);
      }
    }
  });

  it('differ every time (fresh IV), so equal cursors cannot be recognised', () => {
    const tokens = new Set(Array.from({ length: 20 }, () => encodePageToken(KEY, MINE, CURSOR)));
    expect(tokens.size).toBe(20);
  });

  it('stay reasonably short: a four-key index cursor fits in 250 characters', () => {
    expect(encodePageToken(KEY, MINE, CURSOR).length).toBeLessThanOrEqual(250);
  });

  it('decode to undefined when absent or empty (first page)', () => {
    expect(decodePageToken(KEY, MINE, undefined)).toBeUndefined();
    expect(decodePageToken(KEY, MINE, '')).toBeUndefined();
  });

  it('reject a token minted for tenant A when tenant B presents it', () => {
    const token = encodePageToken(KEY, MINE, CURSOR);
    expectBadQuery(() => decodePageToken(KEY, { callerTenantId: TENANT_B, scope: SCOPE }, token), 'page_token');
  });

  it('reject a token minted for another list or other filters', () => {
    const token = encodePageToken(KEY, MINE, CURSOR);
    for (const scope of ['listCustomers|{}|{}|{"status":"FROZEN"}', 'listBusinesses|{}|{}|{"status":"ACTIVE"}']) {
      expectBadQuery(() => decodePageToken(KEY, { callerTenantId: TENANT_A, scope }, token), 'page_token');
    }
  });

  it('reject a token sealed under another secret (another stage, or a forger without the secret)', () => {
    expectBadQuery(() => decodePageToken(KEY, MINE, encodePageToken(OTHER_KEY, MINE, CURSOR)), 'page_token');
  });

  it('reject any single flipped bit: version, IV, ciphertext or tag', () => {
    const token = encodePageToken(KEY, MINE, CURSOR);
    const length = Buffer.from(token, 'base64url').length;
    for (const byte of [0, 1, 12, 13, Math.floor(length / 2), length - 17, length - 16, length - 1]) {
      for (const bit of [0, 7]) expectBadQuery(() => decodePageToken(KEY, MINE, flipBit(token, byte, bit)), 'page_token');
    }
  });

  it('reject a truncated or extended token', () => {
    const token = encodePageToken(KEY, MINE, CURSOR);
    expectBadQuery(() => decodePageToken(KEY, MINE, token.slice(0, -4)), 'page_token');
    expectBadQuery(() => decodePageToken(KEY, MINE, `${token}AAAA`), 'page_token');
  });

  it('reject a non-canonical spelling of a valid token', () => {
    const token = encodePageToken(KEY, MINE, CURSOR);
    expectBadQuery(() => decodePageToken(KEY, MINE, `${token}=`), 'page_token');
  });

  it('reject the old readable format (base64 JSON plus checksum)', () => {
    const legacy = `${Buffer.from(JSON.stringify(CURSOR)).toString('base64url')}.${'A'.repeat(22)}`;
    expectBadQuery(() => decodePageToken(KEY, MINE, legacy), 'page_token');
    expectBadQuery(() => decodePageToken(KEY, MINE, Buffer.from(JSON.stringify(CURSOR)).toString('base64url')), 'page_token');
  });

  it.each([
    ['a short string', 'abc'],
    ['dots', 'a.b.c'],
    ['a lone dot', '.'],
    ['padding only', '===='],
    ['spaces', 'abc def'],
    ['an oversize token', 'a'.repeat(5000)],
  ])('reject garbage: %s', (_label, token) => {
    expectBadQuery(() => decodePageToken(KEY, MINE, token), 'page_token');
  });

  it('reject a correctly sealed token whose payload is not a valid cursor shape', () => {
    // Sealed by the encoder itself, so only the payload validation can catch these.
    expectBadQuery(() => decodePageToken(KEY, MINE, encodePageToken(KEY, MINE, { 'PK WITH SPACE': 'x' })), 'page_token');
    expectBadQuery(() => decodePageToken(KEY, MINE, encodePageToken(KEY, MINE, { pk: 'x'.repeat(2000) })), 'page_token');
  });

  it('reject a correctly sealed token longer than 4096 characters', () => {
    // Random values: the cursor is deflated, so repeated characters would shrink to nothing.
    const big = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, randomBytes(750).toString('base64')]));
    const token = encodePageToken(KEY, MINE, big);
    expect(token.length).toBeGreaterThan(4096);
    expectBadQuery(() => decodePageToken(KEY, MINE, token), 'page_token');
  });
});

describe('pageTokenKeyFrom', () => {
  it('derives the same key from the same secret, so every container of a stage agrees', () => {
    const again = pageTokenKeyFrom('unit-test page-token secret, 32+ characters long');
    expect(decodePageToken(again, MINE, encodePageToken(KEY, MINE, CURSOR))).toEqual(CURSOR);
  });

  it('refuses an empty secret', () => {
    expect(() => pageTokenKeyFrom('')).toThrow(/empty/);
  });
});
