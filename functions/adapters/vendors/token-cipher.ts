import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { TokenCipher } from '../../external-accounts/vendor-ports.js';

// Vendor access tokens at rest: AES-256-GCM under the vendor token key (its own secret, apart
// from the table's KMS key), the tenant and link bound in as additional data so a ciphertext
// copied to another tenant's link does not decrypt. Format: v1.<iv>.<tag>.<ciphertext>, base64url.

const aadOf = (context: Record<string, string>) =>
  Buffer.from(
    Object.keys(context)
      .sort()
      .map((k) => `${k}=${context[k]}`)
      .join('&'),
  );

export const aesTokenCipher = (key: () => Promise<Buffer>): TokenCipher => ({
  async encrypt(plaintext, context) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', await key(), iv);
    cipher.setAAD(aadOf(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  },
  async decrypt(ciphertext, context) {
    const [version, iv, tag, body] = ciphertext.split('.');
    if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a vendor token ciphertext');
    const decipher = createDecipheriv('aes-256-gcm', await key(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(aadOf(context));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
  },
});
