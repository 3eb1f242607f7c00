import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../../functions/routes.js';
import {
  UnknownPermissionError,
  bearerToken,
  displayPrefix,
  generateApiKey,
  hashApiKey,
  looksLikeApiKey,
  parsePermissions,
} from '../../../functions/tenancy/api-keys.js';

describe('generateApiKey', () => {
  it('has the bl_ prefix followed by base64url', () => {
    expect(generateApiKey()).toMatch(/^bl_[A-Za-z0-9_-]{43}$/);
  });

  it('carries at least 256 bits of randomness', () => {
    const body = generateApiKey().slice('bl_'.length);
    expect(Buffer.from(body, 'base64url').length * 8).toBeGreaterThanOrEqual(256);
  });

  it('never repeats over many keys', () => {
    const keys = new Set(Array.from({ length: 2000 }, generateApiKey));
    expect(keys.size).toBe(2000);
  });

  it('is recognised by looksLikeApiKey', () => {
    for (let i = 0; i < 50; i++) expect(looksLikeApiKey(generateApiKey())).toBe(true);
  });
});

describe('hashApiKey', () => {
  it('is the hex SHA-256 of the key and does not contain the key', () => {
    const key = generateApiKey();
    const hash = hashApiKey(key);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).toBe(createHash('sha256').update(key).digest('hex'));
    expect(hash).not.toContain(key.slice(3));
  });

  it('differs for different keys and is stable for one key', () => {
    const key = generateApiKey();
    expect(hashApiKey(key)).toBe(hashApiKey(key));
    expect(hashApiKey(key)).not.toBe(hashApiKey(generateApiKey()));
  });
});

describe('looksLikeApiKey', () => {
  it.each([
    ['no prefix', 'A'.repeat(46)],
    ['wrong prefix', `sk_${'A'.repeat(43)}`],
    ['too short', `bl_${'A'.repeat(42)}`],
    ['too long', `bl_${'A'.repeat(44)}`],
    ['standard base64 characters', `bl_${'A'.repeat(42)}+`],
    ['empty', ''],
    ['surrounding space', ` bl_${'A'.repeat(43)}`],
  ])('rejects %s', (_label, candidate) => {
    expect(looksLikeApiKey(candidate)).toBe(false);
  });
});

describe('displayPrefix', () => {
  it('shows only the first 6 characters after the prefix', () => {
    const key = generateApiKey();
    expect(displayPrefix(key)).toBe(key.slice(0, 9));
    expect(displayPrefix(key)).toHaveLength(9);
  });
});

describe('parsePermissions', () => {
  it('parses a comma list, trimming spaces, in canonical order', () => {
    expect(parsePermissions(' customer:write , account:read')).toEqual(['customer:write', 'account:read']);
  });

  it('accepts Synctera plural spellings as aliases', () => {
    expect(parsePermissions('accounts:read')).toEqual(['account:read']);
    expect(parsePermissions('customers:write,external_accounts:read,webhooks:write')).toEqual([
      'customer:write',
      'external_account:read',
      'webhook:write',
    ]);
  });

  it('expands resource:* to every action on that resource only', () => {
    expect(parsePermissions('customer:*')).toEqual(['customer:read', 'customer:write']);
    expect(parsePermissions('account:*')).toEqual(['account:read', 'account:write']);
    expect(parsePermissions('accounts:*')).toEqual(['account:read', 'account:write']);
  });

  it('expands a lone * to every permission', () => {
    expect(parsePermissions('*')).toEqual([...PERMISSIONS]);
  });

  it('deduplicates overlapping grants', () => {
    expect(parsePermissions('customer:read,customers:read,customer:*')).toEqual(['customer:read', 'customer:write']);
  });

  it.each(['customer:delete', 'ledger:read', 'customer', 'CUSTOMER:READ', 'customer:read,bogus:write', '*:read'])(
    'rejects unknown permission %j',
    (list) => {
      expect(() => parsePermissions(list)).toThrow(UnknownPermissionError);
    },
  );

  it('names the unknown permission in the error', () => {
    expect(() => parsePermissions('customer:read,ledger:read')).toThrow(/ledger:read/);
  });

  it.each(['', ' ', ',', ' , '])('rejects an empty list %j', (list) => {
    expect(() => parsePermissions(list)).toThrow(UnknownPermissionError);
  });
});

describe('bearerToken', () => {
  const key = `bl_${'a'.repeat(43)}`;

  it('reads the token from Authorization: Bearer', () => {
    expect(bearerToken({ Authorization: `Bearer ${key}` })).toBe(key);
  });

  it('matches the header name case-insensitively', () => {
    expect(bearerToken({ authorization: `Bearer ${key}` })).toBe(key);
    expect(bearerToken({ AUTHORIZATION: `Bearer ${key}` })).toBe(key);
  });

  it('matches the scheme case-insensitively and tolerates extra spaces', () => {
    expect(bearerToken({ Authorization: `bearer ${key}` })).toBe(key);
    expect(bearerToken({ Authorization: `BEARER   ${key}  ` })).toBe(key);
  });

  it('is undefined when headers or the Authorization header are missing', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken(null)).toBeUndefined();
    expect(bearerToken({})).toBeUndefined();
    expect(bearerToken({ 'x-api-key': key })).toBeUndefined();
    expect(bearerToken({ Authorization: undefined })).toBeUndefined();
  });

  it.each([
    ['another scheme', `Basic ${key}`],
    ['no scheme', key],
    ['scheme only', 'Bearer'],
    ['scheme and space only', 'Bearer '],
    ['two tokens', `Bearer ${key} extra`],
    ['no space after the scheme', `Bearer${key}`],
  ])('is undefined for a malformed header: %s', (_label, value) => {
    expect(bearerToken({ Authorization: value })).toBeUndefined();
  });
});
