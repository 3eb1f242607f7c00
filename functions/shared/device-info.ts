import * as z from 'zod/mini';
import { badRequest } from './errors.js';
import { isStorableJson, STORABLE_JSON_RULE } from './schemas/common.js';
import { parseWith } from './validation.js';

// Synctera's Customer-Device-Info header: a JSON object serialised into the header value.
// Optional everywhere; a value that is present but not such an object is rejected.
const text = z.optional(z.string().check(z.maxLength(1024)));

const DeviceInfoSchema = z.object({
  customer_id: text,
  ip_address: text,
  device_type: text,
  user_agent: text,
  vendor: text,
  session_token: text,
  device_id: text,
  // Stored with the audit record, so it must be storable as-is (the vendor's raw JSON, typically).
  metadata: z.optional(z.unknown().check(z.refine((value) => isStorableJson(value), STORABLE_JSON_RULE))),
});

export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export const parseDeviceInfo = (raw: string | undefined): DeviceInfo | undefined => {
  if (raw === undefined || raw.trim() === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    parsed = undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('Customer-Device-Info must be a JSON object serialised into the header', 'BAD_HEADER');
  }
  return parseWith(DeviceInfoSchema, parsed, 'BAD_HEADER', 'Customer-Device-Info');
};
