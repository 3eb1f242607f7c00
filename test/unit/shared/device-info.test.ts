import { describe, expect, it } from 'vitest';
import { parseDeviceInfo } from '../../../functions/shared/device-info.js';
import { InvalidInput } from '../../../functions/shared/errors.js';

const rejection = (raw: string): InvalidInput => {
  try {
    parseDeviceInfo(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return error as InvalidInput;
  }
  throw new Error(`expected ${raw} to be rejected`);
};

describe('parseDeviceInfo (Customer-Device-Info header)', () => {
  it('is undefined when the header is absent or blank', () => {
    expect(parseDeviceInfo(undefined)).toBeUndefined();
    expect(parseDeviceInfo('')).toBeUndefined();
    expect(parseDeviceInfo('   ')).toBeUndefined();
  });

  it('parses the JSON object from the contract example', () => {
    const raw =
      '{"customer_id":"123e4567-e89b-12d3-a456-426614174000","ip_address":"123.45.67.89","device_type":"iOS","user_agent":"Mozilla/5.0 (iPhone)"}';
    expect(parseDeviceInfo(raw)).toEqual({
      customer_id: '123e4567-e89b-12d3-a456-426614174000',
      ip_address: '123.45.67.89',
      device_type: 'iOS',
      user_agent: 'Mozilla/5.0 (iPhone)',
    });
  });

  it('keeps free-form vendor metadata', () => {
    expect(parseDeviceInfo('{"vendor":"Socure","metadata":{"score":0.2,"flags":["a"]}}')).toEqual({
      vendor: 'Socure',
      metadata: { score: 0.2, flags: ['a'] },
    });
  });

  it.each([
    ['non-JSON text', 'iPhone; iOS 17'],
    ['a JSON array', '["iOS"]'],
    ['a JSON string', '"iOS"'],
    ['a JSON number', '42'],
    ['JSON null', 'null'],
    ['truncated JSON', '{"device_type":"iOS"'],
  ])('rejects %s with 400 BAD_HEADER naming the header', (_label, raw) => {
    const error = rejection(raw);
    expect(error.code).toBe('BAD_HEADER');
    expect(error.detail).toContain('Customer-Device-Info');
  });

  it('rejects a known field of the wrong type, naming the header and the field', () => {
    const error = rejection('{"ip_address":12345}');
    expect(error.code).toBe('BAD_HEADER');
    expect(error.detail).toBe('Customer-Device-Info: ip_address must be a string');
  });

  it('rejects an oversize field, naming it', () => {
    const error = rejection(JSON.stringify({ user_agent: 'x'.repeat(1025) }));
    expect(error.code).toBe('BAD_HEADER');
    expect(error.detail).toContain('Customer-Device-Info: user_agent must be at most 1024 characters');
  });

  it('accepts a field exactly at the size limit', () => {
    expect(parseDeviceInfo(JSON.stringify({ user_agent: 'x'.repeat(1024) }))?.user_agent).toHaveLength(1024);
  });
});
