import { createHash, randomInt } from 'node:crypto';

// Account numbers (contract §2.12). Generated numbers are the tenant's 3-digit fintech id
// followed by 9 random digits. Randomness only makes collisions rare; uniqueness within the
// bank is guaranteed by the create transaction's conditional put of the number's claim item,
// and a lost claim is retried with a fresh number.

export interface AccountNumberSource {
  next(fintechId: string): string;
}

const RANDOM_DIGITS = 9;

export const randomAccountNumbers: AccountNumberSource = {
  next: (fintechId) => fintechId + Array.from({ length: RANDOM_DIGITS }, () => randomInt(10)).join(''),
};

/** Stable per tenant, never starting with 0 (so the number never loses a digit as an integer). */
export const fintechIdOf = (tenantId: string): string => {
  const n = createHash('sha256').update(tenantId).digest().readUInt32BE(0);
  return String(100 + (n % 900));
};

/**
 * Fintech id + `*` + last 4 for generated numbers ("790*****9503"); a manual number has no
 * fintech id, so all but its last 4 digits are masked.
 */
export const maskAccountNumber = (number: string, generated: boolean): string => {
  const head = generated ? number.slice(0, 3) : '';
  return head + '*'.repeat(Math.max(0, number.length - head.length - 4)) + number.slice(-4);
};
