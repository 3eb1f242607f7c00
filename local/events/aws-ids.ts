import { createHash, randomUUID } from 'node:crypto';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from '../apigw-event.js';

// Identifiers the event builders share. A `seed` makes them stable, so a generated sample event
// is byte-identical from one run to the next; without one they are random, as in AWS.

export { LOCAL_ACCOUNT_ID, LOCAL_REGION };

export const hexId = (seed: string | undefined, length: number): string =>
  (seed === undefined
    ? randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '')
    : createHash('sha256').update(seed).digest('hex')
  ).slice(0, length);

/** A v4-shaped UUID. */
export const uuidFor = (seed: string | undefined): string => {
  if (seed === undefined) return randomUUID();
  const hex = hexId(seed, 32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export const arn = (service: string, resource: string): string => `arn:aws:${service}:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:${resource}`;
