import type { SecretSet, SecretVersion } from './model.js';

// The tenant's secret lifecycle (contract §11.1): one secret; a roll keeps the old one for
// ROLL_OVERLAP_SECONDS (is_rolling_secret) or drops it at once; DELETE revokes both, or only the
// old one (old_secret_only). Pure: the use-cases store the result.

export const ROLL_OVERLAP_SECONDS = 24 * 60 * 60;

const live = (version: SecretVersion | undefined, now: Date): version is SecretVersion =>
  version !== undefined && (version.expires_at === undefined || Date.parse(version.expires_at) > now.getTime());

/** The secrets that sign a delivery now, newest first. */
export const liveSecrets = (set: SecretSet | undefined, now: Date): string[] =>
  [set?.current, set?.previous].filter((v) => live(v, now)).map((v) => v!.value);

export const rolled = (set: SecretSet, value: string, rolling: boolean, now: Date): SecretSet => {
  const previous =
    rolling && set.current
      ? { ...set.current, expires_at: new Date(now.getTime() + ROLL_OVERLAP_SECONDS * 1000).toISOString() }
      : undefined;
  return { tenant: set.tenant, current: { value, created_at: now.toISOString() }, ...(previous ? { previous } : {}) };
};

/** What remains after a DELETE; undefined when nothing does. */
export const revoked = (set: SecretSet, oldOnly: boolean, now: Date): SecretSet | undefined => {
  if (!oldOnly || !set.current) return undefined;
  return live(set.current, now) ? { tenant: set.tenant, current: set.current } : undefined;
};
