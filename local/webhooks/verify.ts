import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';

// How a receiver checks a Bankline delivery, both ways (contract §11.5 and Standard Webhooks):
// on the raw body, before parsing it, with a 5-minute tolerance on the timestamp.

export const TOLERANCE_S = 300;

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers, name: string): string =>
  String(Object.entries(headers).find(([key]) => key.toLowerCase() === name)?.[1] ?? '');

export type Verdict = 'ok' | 'bad signature' | 'stale timestamp' | 'missing headers';

/** Synctera-Signature: one or two (while rolling) hex HMAC-SHA256 of `<timestamp>.<body>`, joined by `.`. */
export const verifySynctera = (secret: string, headers: Headers, rawBody: string, nowSeconds = Date.now() / 1000): Verdict => {
  const timestamp = header(headers, 'request-timestamp');
  const signatures = header(headers, 'synctera-signature');
  if (!timestamp || !signatures) return 'missing headers';
  if (Math.abs(nowSeconds - Number(timestamp)) > TOLERANCE_S) return 'stale timestamp';
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex'));
  const match = signatures.split('.').some((s) => s.length === expected.length && timingSafeEqual(Buffer.from(s), expected));
  return match ? 'ok' : 'bad signature';
};

/** The Standard Webhooks headers, by the reference library. */
export const verifyStandard = (secret: string, headers: Headers, rawBody: string): Verdict => {
  if (!header(headers, 'webhook-signature')) return 'missing headers';
  try {
    new Webhook(secret, { format: 'raw' }).verify(rawBody, headers as Record<string, string>);
    return 'ok';
  } catch (error) {
    return /timestamp/i.test((error as Error).message) ? 'stale timestamp' : 'bad signature';
  }
};
