// Field names whose values must never reach a log line: keys, tokens, secrets, SSNs and full
// account numbers (design: Data). Masked fields like `account_number_masked` stay readable.
const SENSITIVE_KEY =
  /^(authorization|api_?key|.*secret.*|.*token.*|password|ssn|personal_ids|ein|account_number|number|iban|real_?account_?number|access_token|idempotency[-_]key|x-api-key)$/i;
const ALLOWED_KEY = /(_masked|_last_?4|page_token_present)$/i;

export const REDACTED = '[REDACTED]';

export const isSensitiveKey = (key: string): boolean => SENSITIVE_KEY.test(key) && !ALLOWED_KEY.test(key);

/** A JSON.stringify replacer: usable by the logger and by anything else that serialises for humans. */
export const redactingReplacer = (key: string, value: unknown): unknown =>
  key !== '' && isSensitiveKey(key) && value !== undefined && value !== null ? REDACTED : value;
