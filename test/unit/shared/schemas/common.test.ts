import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { InvalidInput } from '../../../../functions/shared/errors.js';
import { address, boundedString, isSafeText, metadata, SAFE_TEXT_RULE } from '../../../../functions/shared/schemas/common.js';
import { parseWith } from '../../../../functions/shared/validation.js';

const detailOf = (schema: z.ZodMiniType, input: unknown): string => {
  try {
    parseWith(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).detail;
  }
  throw new Error('expected a rejection');
};

const UNSAFE = [
  ...Array.from({ length: 0x20 }, (_, code) => code)
    .filter((code) => code !== 0x09 && code !== 0x0a)
    .map((code) => String.fromCharCode(code)),
  '\u007f',
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  '\ude80\ud83d', // a pair in the wrong order
];

describe('isSafeText', () => {
  it.each(UNSAFE.map((ch) => [JSON.stringify(ch), ch]))('rejects %s anywhere in the text', (_, ch) => {
    expect(isSafeText(ch)).toBe(false);
    expect(isSafeText(`Ada${ch}`)).toBe(false);
    expect(isSafeText(`${ch} Lovelace`)).toBe(false);
  });

  it.each(['Zoë Ångström 名前 🚀', 'O’Brien-Smith', 'line one\nline two', 'col\tcol', 'Straße', '\u0080\u00a0', 'مرحبا', '👩‍👩‍👧'])(
    'accepts %j',
    (text) => {
      expect(isSafeText(text)).toBe(true);
    },
  );
});

describe('boundedString', () => {
  it('names the field and says what is wrong', () => {
    expect(detailOf(z.strictObject({ first_name: boundedString(100) }), { first_name: 'A\u0000da' })).toBe(`first_name ${SAFE_TEXT_RULE}`);
    expect(detailOf(address, { address_line_1: '1 Main\u001bSt', city: 'Paris\ud800', country_code: 'FR' })).toBe(
      `address_line_1 ${SAFE_TEXT_RULE}; city ${SAFE_TEXT_RULE}`,
    );
  });

  it('still enforces its length limits', () => {
    expect(detailOf(boundedString(3), '')).toBe('must not be empty');
    expect(detailOf(boundedString(3), 'abcd')).toBe('must be at most 3 characters');
  });
});

describe('metadata', () => {
  it('passes the client object through untouched, __proto__ key included', () => {
    const sent = JSON.parse('{"__proto__":{"a":1},"constructor":{"name":"String"},"b":[1,{"toString":2}]}');
    const parsed = parseWith(metadata, sent);
    expect(parsed).toBe(sent);
    expect(Object.hasOwn(parsed, '__proto__')).toBe(true);
  });

  it('is not checked for control characters: free-form JSON is stored as sent', () => {
    expect(parseWith(metadata, { note: 'a\u0000b' })).toEqual({ note: 'a\u0000b' });
  });

  it('rejects non-objects and overlong keys, naming the field', () => {
    expect(detailOf(z.strictObject({ metadata }), { metadata: [1] })).toBe('metadata must be a JSON object');
    expect(detailOf(z.strictObject({ metadata }), { metadata: null })).toBe('metadata must be a JSON object');
    expect(detailOf(z.strictObject({ metadata }), { metadata: { ['k'.repeat(257)]: 1 } })).toBe(
      'metadata keys must be at most 256 characters',
    );
  });
});
