import { InvalidInput } from '../shared/domain-errors.js';

// enabled_events (contract §11.2, §11.7): explicit types, or `<RESOURCE>.*` wildcards that also
// cover types added later. `ACCOUNT.*` covers ACCOUNT.UPDATED and any ACCOUNT.<SUB>.<ACTION>,
// never INTERNAL_ACCOUNT.* (another resource).

const EXPLICIT = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*){1,3}$/;
const WILDCARD = /^[A-Z][A-Z0-9_]*\.\*$/;

export const isEventPattern = (value: string): boolean => EXPLICIT.test(value) || WILDCARD.test(value);

export const matchesPattern = (type: string, pattern: string): boolean =>
  pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;

export const isSubscribed = (type: string, enabledEvents: readonly string[]): boolean => enabledEvents.some((p) => matchesPattern(type, p));

/** The `type` filter of GET /v0/events: explicit types only; a bad one is a 400 naming `type`. */
export const wireEventTypes = (values: string[] | undefined): string[] | undefined => {
  const bad = values?.find((v) => !EXPLICIT.test(v));
  if (bad !== undefined)
    throw new InvalidInput('type must be a comma-separated list of event types such as ACCOUNT.UPDATED', {
      code: 'BAD_QUERY_PARAMETER',
      field: 'type',
    });
  return values;
};
