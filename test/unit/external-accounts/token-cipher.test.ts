import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { aesTokenCipher } from '../../../functions/adapters/vendors/token-cipher.js';

// Vendor access tokens at rest: AES-256-GCM under the vendor token key, bound to tenant and link.

const key = randomBytes(32);
const cipher = aesTokenCipher(async () => key);
const context = { tenant: 't1', link: 'l1' };

it('round-trips, with a fresh IV each time and no plaintext in the ciphertext', async () => {
  const token = 'access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970';
  const [a, b] = await Promise.all([cipher.encrypt(token, context), cipher.encrypt(token, context)]);
  expect(a).not.toBe(b);
  expect(a).not.toContain('access-sandbox');
  expect(await cipher.decrypt(a, context)).toBe(token);
});

it('refuses another tenant’s or link’s context, another key, and a tampered ciphertext', async () => {
  const sealed = await cipher.encrypt('access-sandbox-x', context);
  await expect(cipher.decrypt(sealed, { ...context, tenant: 't2' })).rejects.toThrow();
  await expect(cipher.decrypt(sealed, { ...context, link: 'l2' })).rejects.toThrow();
  await expect(aesTokenCipher(async () => randomBytes(32)).decrypt(sealed, context)).rejects.toThrow();
  const [v, iv, tag, body] = sealed.split('.');
  const flipped = `${v}.${iv}.${tag}.${Buffer.from(Buffer.from(body!, 'base64url').map((byte, i) => (i === 0 ? byte ^ 1 : byte))).toString('base64url')}`;
  await expect(cipher.decrypt(flipped, context)).rejects.toThrow();
});
