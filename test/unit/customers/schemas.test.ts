import { describe, expect, it } from 'vitest';
import {
  BUSINESS_READ_ONLY,
  PERSON_READ_ONLY,
  createBusinessSchema,
  createPersonSchema,
  legacyVerifyRequestSchema,
  patchBusinessSchema,
  patchPersonSchema,
  verifyRequestSchema,
} from '../../../functions/customers/schemas.js';
import { InvalidInput } from '../../../functions/shared/errors.js';
import { withoutReadOnly } from '../../../functions/shared/schemas/common.js';
import { parseWith } from '../../../functions/shared/validation.js';

type Schema = Parameters<typeof parseWith>[0];

const detailOf = (schema: Schema, input: unknown): string => {
  try {
    parseWith(schema, input);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).code).toBe('BAD_REQUEST_BODY');
    return (error as InvalidInput).detail;
  }
  throw new Error(`expected ${JSON.stringify(input).slice(0, 80)} to be rejected`);
};

const fullPerson = {
  status: 'ACTIVE',
  first_name: 'Ada',
  last_name: 'Lovelace',
  dob: '1990-12-10',
  email: 'ada@example.com',
  phone_number: '+14155550100',
  ssn: '123-45-6789',
  legal_address: { address_line_1: '1 Main St', city: 'San Francisco', state: 'CA', postal_code: '94105', country_code: 'US' },
  metadata: { crm_id: 'abc' },
};

describe('createPersonSchema', () => {
  it('accepts a full account-holder body and the minimal PROSPECT body', () => {
    expect(parseWith(createPersonSchema, fullPerson)).toEqual(fullPerson);
    expect(parseWith(createPersonSchema, { status: 'PROSPECT' })).toEqual({ status: 'PROSPECT' });
  });

  it('requires status, naming it', () => {
    expect(detailOf(createPersonSchema, { first_name: 'Ada' })).toMatch(/^status /);
  });

  it('rejects a status outside the enum, listing the allowed values', () => {
    expect(detailOf(createPersonSchema, { status: 'ALIVE' })).toContain('status must be one of ACTIVE, DECEASED');
  });

  it('rejects a client setting ban_status BANNED (platform only)', () => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', ban_status: 'BANNED' })).toBe('ban_status must be one of ALLOWED, SUSPENDED');
  });

  it.each(['4155550100', '+0123', '+1 415 555 0100', `+1${'2'.repeat(15)}`])('rejects phone_number %j as not E.164', (phone) => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', phone_number: phone })).toContain('phone_number must be an E.164 phone number');
  });

  it.each(['123456789', '123-45-678', 'abc-de-fghi', '123-45-6789 '])('rejects ssn %j', (ssn) => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', ssn })).toBe('ssn must look like 123-45-6789');
  });

  it('does not echo a rejected SSN back in the detail', () => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', ssn: '987654321' })).not.toContain('987654321');
  });

  it.each(['ada', 'ada@', '@example.com', 'ada example@x.com'])('rejects email %j', (email) => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', email })).toBe('email must be a valid email address');
  });

  it('rejects an email over 320 characters', () => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', email: `${'a'.repeat(320)}@example.com` })).toContain('email');
  });

  it.each(['1990-13-01', '1990/12/10', '10-12-1990', '1990-12-10T00:00:00Z'])('rejects dob %j as not a date', (dob) => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', dob })).toContain('dob must be a valid date');
  });

  it('rejects oversize and empty names', () => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', first_name: 'x'.repeat(101) })).toBe(
      'first_name must be at most 100 characters',
    );
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', last_name: '' })).toBe('last_name must not be empty');
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', note: 'n'.repeat(1001) })).toBe('note must be at most 1000 characters');
  });

  it('validates the nested address, naming the nested path', () => {
    const detail = detailOf(createPersonSchema, { status: 'ACTIVE', legal_address: { city: 'X', country_code: 'usa', floor: 2 } });
    expect(detail).toContain('legal_address.address_line_1 is required');
    expect(detail).toContain('legal_address.country_code must be an ISO 3166-1 alpha-2 country code');
    expect(detail).toContain('legal_address: unknown field floor');
  });

  it('rejects metadata above 8 KB and accepts it just below', () => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', metadata: { blob: 'x'.repeat(8 * 1024) } })).toBe(
      'metadata must serialise to at most 8192 bytes',
    );
    expect(() => parseWith(createPersonSchema, { status: 'ACTIVE', metadata: { blob: 'x'.repeat(8000) } })).not.toThrow();
  });

  it('counts metadata size in UTF-8 bytes, not characters', () => {
    // 3000 three-byte characters: 9000 bytes but only 3000 characters.
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', metadata: { blob: '€'.repeat(3000) } })).toContain('metadata');
  });

  it('rejects metadata that is not an object', () => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', metadata: 'free text' })).toMatch(/^metadata /);
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', metadata: ['a'] })).toMatch(/^metadata /);
  });

  it.each([[[]], [['c1']], [null], [{}]])('rejects the deprecated related_customers (%j)', (value) => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', related_customers: value })).toBe(
      'related_customers is deprecated and cannot be set',
    );
  });

  it('rejects unknown fields by name', () => {
    expect(detailOf(createPersonSchema, { status: 'ACTIVE', favourite_colour: 'blue' })).toBe('unknown field favourite_colour');
  });

  it('rejects read-only fields echoed back unless they are stripped first', () => {
    const echoed = { ...fullPerson, id: 'x', kyc_status: 'ACCEPTED', creation_time: 'x', tenant: 't', addresses: [] };
    expect(detailOf(createPersonSchema, echoed)).toContain('unknown fields');
    expect(parseWith(createPersonSchema, withoutReadOnly(echoed, PERSON_READ_ONLY))).toEqual(fullPerson);
  });
});

describe('patchPersonSchema', () => {
  it('accepts an empty patch and a patch without status', () => {
    expect(parseWith(patchPersonSchema, {})).toEqual({});
    expect(parseWith(patchPersonSchema, { email: 'new@example.com' })).toEqual({ email: 'new@example.com' });
  });

  it('still validates formats and rejects related_customers', () => {
    expect(detailOf(patchPersonSchema, { phone_number: '555-0100' })).toContain('phone_number');
    expect(detailOf(patchPersonSchema, { related_customers: [] })).toContain('related_customers');
  });
});

describe('createBusinessSchema', () => {
  it('accepts the minimal create body', () => {
    const body = { status: 'PROSPECT', is_customer: true, entity_name: 'Acme Inc' };
    expect(parseWith(createBusinessSchema, body)).toEqual(body);
  });

  it('requires is_customer and status, naming both', () => {
    const detail = detailOf(createBusinessSchema, { entity_name: 'Acme' });
    expect(detail).toContain('is_customer is required');
    expect(detail).toMatch(/(^|; )status /);
  });

  it('rejects a non-boolean is_customer and a person status', () => {
    expect(detailOf(createBusinessSchema, { status: 'ACTIVE', is_customer: 'yes' })).toBe('is_customer must be a boolean');
    expect(detailOf(createBusinessSchema, { status: 'DECEASED', is_customer: true })).toContain('status must be one of PROSPECT');
  });

  it.each(['123456789', '12-345678', '1-23456789', 'ab-cdefghi'])('rejects ein %j', (ein) => {
    expect(detailOf(createBusinessSchema, { status: 'ACTIVE', is_customer: true, ein })).toBe('ein must look like 12-3456789');
  });

  it('accepts a well-formed ein', () => {
    expect(parseWith(createBusinessSchema, { status: 'ACTIVE', is_customer: true, ein: '12-3456789' }).ein).toBe('12-3456789');
  });

  it('validates structure, formation_state, trade_names and compliance_restrictions', () => {
    const base = { status: 'ACTIVE', is_customer: true };
    expect(detailOf(createBusinessSchema, { ...base, structure: 'LLP' })).toContain('structure must be one of');
    expect(detailOf(createBusinessSchema, { ...base, formation_state: 'California' })).toBe(
      'formation_state must be a two-letter US state code',
    );
    expect(detailOf(createBusinessSchema, { ...base, trade_names: ['ok', ''] })).toMatch(/^trade_names\.1 /);
    expect(detailOf(createBusinessSchema, { ...base, trade_names: Array.from({ length: 21 }, (_, i) => `n${i}`) })).toBe(
      'trade_names must have at most 20 items',
    );
    expect(detailOf(createBusinessSchema, { ...base, compliance_restrictions: ['GAMBLING'] })).toMatch(/^compliance_restrictions\.0 /);
  });

  it('strips echoed read-only fields with withoutReadOnly', () => {
    const echoed = { status: 'ACTIVE', is_customer: true, id: 'b', verification_status: 'ACCEPTED', has_accounts: false, tenant: 't' };
    expect(detailOf(createBusinessSchema, echoed)).toContain('unknown fields');
    expect(parseWith(createBusinessSchema, withoutReadOnly(echoed, BUSINESS_READ_ONLY))).toEqual({ status: 'ACTIVE', is_customer: true });
  });
});

describe('patchBusinessSchema', () => {
  it('makes is_customer and status optional', () => {
    expect(parseWith(patchBusinessSchema, { website: 'https://acme.example' })).toEqual({ website: 'https://acme.example' });
  });
});

describe('verification request schemas', () => {
  it('require customer_consent', () => {
    expect(detailOf(verifyRequestSchema, { person_id: 'p' })).toBe('customer_consent is required');
    expect(detailOf(legacyVerifyRequestSchema, {})).toBe('customer_consent is required');
  });

  it('accept and ignore the legacy verification_type', () => {
    expect(parseWith(legacyVerifyRequestSchema, { customer_consent: true, verification_type: ['kyc'] })).toMatchObject({
      customer_consent: true,
    });
  });
});

describe('withoutReadOnly', () => {
  it('removes only the listed keys and leaves the input untouched', () => {
    const body = { id: '1', status: 'ACTIVE' };
    expect(withoutReadOnly(body, ['id'])).toEqual({ status: 'ACTIVE' });
    expect(body).toEqual({ id: '1', status: 'ACTIVE' });
  });

  it('passes non-objects through for the schema to reject', () => {
    expect(withoutReadOnly(null, ['id'])).toBeNull();
    expect(withoutReadOnly([1], ['id'])).toEqual([1]);
    expect(withoutReadOnly('x', ['id'])).toBe('x');
  });
});
