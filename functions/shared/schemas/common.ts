import * as z from 'zod/mini';

// Shared building blocks for request schemas. Limits are ours (the contract sets few); they
// are generous for real data and stop oversize input before it reaches the table.

// Control characters (tab and newline excepted) and unpaired UTF-16 surrogates are never part
// of a name, an address or a description: they hide text, break exports and terminals, and a
// lone surrogate has no UTF-8 encoding at all. Ordinary Unicode (accents, CJK, emoji) is text.
const UNSAFE_TEXT = /[\u0000-\u0008\u000b-\u001f\u007f]|\p{Cs}/u;

export const isSafeText = (value: string): boolean => !UNSAFE_TEXT.test(value);

export const SAFE_TEXT_RULE = 'must not contain control characters (other than tab and newline) or unpaired UTF-16 surrogates';

/** Human-entered text (names, address lines, nicknames, descriptions, notes): non-empty, capped, printable. */
export const boundedString = (max: number) => z.string().check(z.minLength(1), z.maxLength(max), z.refine(isSafeText, SAFE_TEXT_RULE));

export const optionalString = (max: number) => z.optional(boundedString(max));

export const isoDate = z.iso.date();

export const e164 = z.string().check(z.regex(/^\+[1-9]\d{1,14}$/, 'must be an E.164 phone number such as +14155550100'));

export const email = z.string().check(z.maxLength(320), z.email('must be a valid email address'));

export const countryCode = z.string().check(z.regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as US'));

export const uuid = z
  .string()
  .check(z.regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i, 'must be a valid UUID'));

const METADATA_MAX_BYTES = 8 * 1024;
const METADATA_MAX_DEPTH = 16;

// DynamoDB numbers: magnitudes from 1e-130 to below 1e126 (and zero).
const DYNAMO_MIN_MAGNITUDE = 1e-130;
const DYNAMO_MAX_MAGNITUDE = 9.9e125;

const isStorableNumber = (n: number): boolean => {
  if (!Number.isFinite(n)) return false;
  if (Number.isInteger(n)) return Number.isSafeInteger(n);
  const magnitude = Math.abs(n);
  return magnitude >= DYNAMO_MIN_MAGNITUDE && magnitude <= DYNAMO_MAX_MAGNITUDE;
};

/**
 * Whether DynamoDB could hold this JSON value as a native map: it refuses empty map keys, deep
 * nesting and numbers outside its range; integers beyond 2^53 would lose digits in JavaScript.
 * Adapters store free-form JSON as a JSON string (free-form-json.ts); the rule stays so stored
 * values remain portable to a native map and integers stay exact.
 */
export const isStorableJson = (value: unknown, depth = 0): boolean => {
  if (depth > METADATA_MAX_DEPTH) return false;
  if (typeof value === 'number') return isStorableNumber(value);
  if (Array.isArray(value)) return value.every((item) => isStorableJson(item, depth + 1));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).every(([key, item]) => key !== '' && isStorableJson(item, depth + 1));
  }
  return true;
};

export const STORABLE_JSON_RULE = `must be JSON with non-empty keys, at most ${METADATA_MAX_DEPTH} levels deep, integers within ±2^53 and decimals between 1e-130 and 1e125`;

const METADATA_MAX_KEY_CHARS = 256;

const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Free-form JSON object, capped in size so one field cannot fill an item. A custom check rather
 * than z.record: the record schema rebuilds the object and skips a `__proto__` key, where the
 * client's object must come back exactly as sent (adapters store it as a JSON string).
 */
export const metadata = z.custom<Record<string, unknown>>(isJsonObject, 'must be a JSON object').check(
  z.refine(
    (value) => Object.keys(value).every((key) => key.length <= METADATA_MAX_KEY_CHARS),
    `keys must be at most ${METADATA_MAX_KEY_CHARS} characters`,
  ),
  z.refine(
    (value) => Buffer.byteLength(JSON.stringify(value), 'utf8') <= METADATA_MAX_BYTES,
    `must serialise to at most ${METADATA_MAX_BYTES} bytes`,
  ),
  z.refine((value) => isStorableJson(value), STORABLE_JSON_RULE),
);

export const address = z.strictObject({
  // Echoed back from a GET; the server keeps its own id and type.
  id: z.optional(z.string().check(z.maxLength(64))),
  address_type: z.optional(z.string().check(z.maxLength(32))),
  address_line_1: boundedString(255),
  address_line_2: optionalString(255),
  city: optionalString(100),
  state: optionalString(50),
  postal_code: optionalString(20),
  country_code: countryCode,
  nickname: optionalString(100),
  is_registered_agent: z.optional(z.boolean()),
});
export type AddressInput = z.infer<typeof address>;

/** Read-only fields a client may echo back from a GET; accepted and ignored, never stored. */
export const withoutReadOnly = (body: unknown, readOnly: readonly string[]): unknown => {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const copy = { ...(body as Record<string, unknown>) };
  for (const key of readOnly) delete copy[key];
  return copy;
};
