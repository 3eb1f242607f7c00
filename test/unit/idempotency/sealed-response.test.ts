import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesTokenCipher } from '../../../functions/adapters/vendors/token-cipher.js';
import type { StoredResponse } from '../../../functions/idempotency/model.js';
import type { ResponseSealer } from '../../../functions/idempotency/ports.js';
import { openResponse, sealResponse } from '../../../functions/idempotency/sealed-response.js';

// The stored copy of a response whose route declares sealed fields: ciphertext at rest, the
// first response byte for byte on replay.

const sealerWith = (key: Buffer): ResponseSealer => {
  const cipher = aesTokenCipher(async () => key);
  return { seal: (p, c) => cipher.encrypt(p, c), unseal: (c, ctx) => cipher.decrypt(c, ctx) };
};
const sealer = sealerWith(randomBytes(32));

const TOKEN = 'access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970';
const response: StoredResponse = {
  statusCode: 201,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ customer_id: 'c1', vendor_public_token: 'public-x', vendor_access_token: TOKEN, request_id: 'r1' }),
};

describe('sealed response fields', () => {
  it('stores the declared field as ciphertext only, the other fields as they were, and lists what it sealed', async () => {
    const stored = await sealResponse(response, ['vendor_access_token'], sealer, 't1', 'k1');
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(stored.sealed_fields).toEqual(['vendor_access_token']);
    const body = JSON.parse(stored.body);
    expect(body.vendor_access_token).toMatch(/^v1\./);
    expect(body).toMatchObject({ customer_id: 'c1', vendor_public_token: 'public-x', request_id: 'r1' });
    expect(Object.keys(body)).toEqual(Object.keys(JSON.parse(response.body)));
  });

  it('opens back to the first body byte for byte, without the sealing note', async () => {
    const stored = await sealResponse(response, ['vendor_access_token'], sealer, 't1', 'k1');
    expect(await openResponse(stored, sealer, 't1', 'k1')).toEqual(response);
  });

  it('round-trips a non-string value', async () => {
    const nested = { ...response, body: JSON.stringify({ secret: { a: [1, 'b'] }, n: 2 }) };
    const stored = await sealResponse(nested, ['secret'], sealer, 't1', 'k1');
    expect(stored.body).not.toContain('"a"');
    expect((await openResponse(stored, sealer, 't1', 'k1')).body).toBe(nested.body);
  });

  it('leaves a response without the field (an error body, an empty body) as it is', async () => {
    const problem = { statusCode: 400, headers: {}, body: JSON.stringify({ status: 400, code: 'BAD_REQUEST', detail: 'x' }) };
    expect(await sealResponse(problem, ['vendor_access_token'], sealer, 't1', 'k1')).toEqual(problem);
    const empty = { statusCode: 204, headers: {}, body: '' };
    expect(await sealResponse(empty, ['vendor_access_token'], sealer, 't1', 'k1')).toEqual(empty);
    expect(await openResponse(problem, undefined, 't1', 'k1')).toEqual(problem);
  });

  it('does not open under another tenant, another key, another field or another sealing key', async () => {
    const stored = await sealResponse(response, ['vendor_access_token'], sealer, 't1', 'k1');
    await expect(openResponse(stored, sealer, 't2', 'k1')).rejects.toThrow();
    await expect(openResponse(stored, sealer, 't1', 'k2')).rejects.toThrow();
    const moved = JSON.parse(stored.body);
    moved.request_id = moved.vendor_access_token;
    await expect(
      openResponse({ ...stored, body: JSON.stringify(moved), sealed_fields: ['request_id'] }, sealer, 't1', 'k1'),
    ).rejects.toThrow();
    await expect(openResponse(stored, sealerWith(randomBytes(32)), 't1', 'k1')).rejects.toThrow();
  });

  it('refuses to replay a sealed response without a sealer rather than hand out ciphertext', async () => {
    const stored = await sealResponse(response, ['vendor_access_token'], sealer, 't1', 'k1');
    await expect(openResponse(stored, undefined, 't1', 'k1')).rejects.toThrow(/no response sealer/);
  });
});
