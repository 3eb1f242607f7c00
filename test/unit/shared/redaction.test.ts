import { describe, expect, it } from 'vitest';
import { REDACTED, isSensitiveKey, redactingReplacer } from '../../../functions/shared/redaction.js';

describe('isSensitiveKey', () => {
  it.each([
    'ssn',
    'SSN',
    'api_key',
    'apiKey',
    'x-api-key',
    'authorization',
    'Authorization',
    'webhook_secret',
    'client_secret',
    'secret',
    'access_token',
    'session_token',
    'plaid_public_token',
    'account_number',
    'password',
    'ein',
    'personal_ids',
    'Idempotency-Key',
  ])('treats %s as sensitive', (key) => {
    expect(isSensitiveKey(key)).toBe(true);
  });

  it.each(['account_number_masked', 'ssn_last_4', 'ssn_last4', 'first_name', 'status', 'id', 'tenant', 'page_token_present'])(
    'leaves %s readable',
    (key) => {
      expect(isSensitiveKey(key)).toBe(false);
    },
  );
});

describe('redactingReplacer', () => {
  it('hides an SSN nested deep inside objects and arrays', () => {
    const event = {
      body: { customers: [{ profile: { identity: { ssn: '123-45-6789', ssn_last_4: '6789' } } }] },
    };
    const text = JSON.stringify(event, redactingReplacer);
    expect(text).not.toContain('123-45-6789');
    const parsed = JSON.parse(text);
    expect(parsed.body.customers[0].profile.identity).toEqual({ ssn: REDACTED, ssn_last_4: '6789' });
  });

  it('masks the whole value of a sensitive key even when it is an object or array', () => {
    const text = JSON.stringify(
      {
        headers: { Authorization: 'Bearer bl_abc' },
        multiValueHeaders: { authorization: ['Bearer bl_def'] },
        credentials: { client_secret: { v: 's3cr3t' } },
      },
      redactingReplacer,
    );
    expect(text).not.toContain('bl_abc');
    expect(text).not.toContain('bl_def');
    expect(text).not.toContain('s3cr3t');
  });

  it('masks keys, tokens, secrets and account numbers but keeps masked forms and ordinary fields', () => {
    const parsed = JSON.parse(
      JSON.stringify(
        {
          api_key: 'bl_key',
          access_token: 'access-sandbox-123',
          webhook_secret: 'whsec',
          account_number: '000123456789',
          account_number_masked: '****6789',
          first_name: 'Ada',
        },
        redactingReplacer,
      ),
    );
    expect(parsed).toEqual({
      api_key: REDACTED,
      access_token: REDACTED,
      webhook_secret: REDACTED,
      account_number: REDACTED,
      account_number_masked: '****6789',
      first_name: 'Ada',
    });
  });

  it('leaves null and undefined alone so absence stays visible', () => {
    expect(redactingReplacer('ssn', null)).toBeNull();
    expect(redactingReplacer('ssn', undefined)).toBeUndefined();
  });

  it('does not replace the root value (empty key)', () => {
    const root = { a: 1 };
    expect(redactingReplacer('', root)).toBe(root);
  });
});
