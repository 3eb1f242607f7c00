import type { StoredResponse } from './model.js';
import type { ResponseSealer } from './ports.js';

// A route's first response is stored for replay. Fields its route declares sealed (a vendor
// access token) are stored as ciphertext and opened again on replay, so the idempotency record
// never holds them in clear. Each value is sealed as JSON text, so any JSON value round-trips.

/** Where the ciphertext belongs: another tenant's or key's record, or another field, does not open it. */
const contextOf = (tenantId: string, keyHash: string, field: string) => ({
  purpose: 'idempotency-response',
  tenant: tenantId,
  key: keyHash,
  field,
});

const objectOf = (body: string): Record<string, unknown> | undefined => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
};

/** The response as it may be stored: the declared fields present in its body sealed, and listed. */
export const sealResponse = async (
  response: StoredResponse,
  fields: readonly string[],
  sealer: ResponseSealer,
  tenantId: string,
  keyHash: string,
): Promise<StoredResponse> => {
  const body = fields.length > 0 ? objectOf(response.body) : undefined;
  const present = body ? fields.filter((field) => body[field] !== undefined) : [];
  if (!body || present.length === 0) return response;
  for (const field of present) body[field] = await sealer.seal(JSON.stringify(body[field]), contextOf(tenantId, keyHash, field));
  return { ...response, body: JSON.stringify(body), sealed_fields: present };
};

/** The stored response as first sent: its sealed fields opened again. */
export const openResponse = async (
  response: StoredResponse,
  sealer: ResponseSealer | undefined,
  tenantId: string,
  keyHash: string,
): Promise<StoredResponse> => {
  const { sealed_fields: sealed, ...rest } = response;
  if (!sealed || sealed.length === 0) return rest;
  if (!sealer) throw new Error('a stored response has sealed fields but this function has no response sealer');
  const body = objectOf(response.body);
  if (!body) throw new Error('a stored response with sealed fields has no JSON object body');
  for (const field of sealed) {
    body[field] = JSON.parse(await sealer.unseal(String(body[field]), contextOf(tenantId, keyHash, field)));
  }
  return { ...rest, body: JSON.stringify(body) };
};
