import { createHmac, randomBytes } from 'node:crypto';

// Every delivery is signed twice with each live secret (contract §11.5, Standard Webhooks 1.0):
// - Synctera: `Synctera-Signature` = lowercase hex HMAC-SHA256(secret, `<timestamp>.<body>`), the
//   signatures of several live secrets joined by `.` (hex has no `.`), newest first, and
//   `Request-Timestamp` (POSIX seconds);
// - Standard Webhooks: `webhook-id` (the event id), `webhook-timestamp`, `webhook-signature` =
//   space-separated `v1,<base64 HMAC-SHA256(secret, <id>.<timestamp>.<body>)>`.
// The secret's characters are the HMAC key in both (standardwebhooks' `format: 'raw'`).

/** A new secret: exactly 64 characters (contract §11.1), 256 random bits. */
export const newSecretValue = (): string => randomBytes(32).toString('hex');

export const syncteraSignature = (secret: string, timestamp: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');

export const standardSignature = (secret: string, id: string, timestamp: number, body: string): string =>
  `v1,${createHmac('sha256', secret).update(`${id}.${timestamp}.${body}`).digest('base64')}`;

export interface SignedHeaders {
  'Content-Type': 'application/json';
  'Synctera-Signature': string;
  'Request-Timestamp': string;
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The headers of one attempt; `secrets` are the live ones, newest first (at least one). */
export const signedHeaders = (secrets: readonly string[], eventId: string, timestamp: number, body: string): SignedHeaders => ({
  'Content-Type': 'application/json',
  'Synctera-Signature': secrets.map((s) => syncteraSignature(s, timestamp, body)).join('.'),
  'Request-Timestamp': String(timestamp),
  'webhook-id': eventId,
  'webhook-timestamp': String(timestamp),
  'webhook-signature': secrets.map((s) => standardSignature(s, eventId, timestamp, body)).join(' '),
});
