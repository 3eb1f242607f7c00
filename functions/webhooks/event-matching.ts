// enabled_events (contract §11.2, §11.7): explicit types, or `<RESOURCE>.*` wildcards that also
// cover types added later. `ACCOUNT.*` covers ACCOUNT.UPDATED and any ACCOUNT.<SUB>.<ACTION>,
// never INTERNAL_ACCOUNT.* (another resource).

const EXPLICIT = /^[A-Z][A-Z0-9_]*(\.[A-Z][A-Z0-9_]*){1,3}$/;
const WILDCARD = /^[A-Z][A-Z0-9_]*\.\*$/;

export const isEventPattern = (value: string): boolean => EXPLICIT.test(value) || WILDCARD.test(value);

export const matchesPattern = (type: string, pattern: string): boolean =>
  pattern.endsWith('.*') ? type.startsWith(pattern.slice(0, -1)) : type === pattern;

export const isSubscribed = (type: string, enabledEvents: readonly string[]): boolean => enabledEvents.some((p) => matchesPattern(type, p));
