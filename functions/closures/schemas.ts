import * as z from 'zod/mini';
import { uuid } from '../shared/schemas/common.js';
import { CLOSURE_REASONS, PAYMENT_METHODS } from './model.js';

// Request bodies of initiate_closure (contract §3.2): SPEC-0.153 requires payment_method and
// destination_id (nullable); v2 makes them optional. Both are accepted: absent means null.

export const initiateClosureSchema = z.strictObject({
  reason: z.enum(CLOSURE_REASONS),
  reason_details: z.string().check(z.minLength(1, 'must not be empty'), z.maxLength(1000)),
  payment_method: z.optional(z.nullable(z.enum(PAYMENT_METHODS))),
  destination_id: z.optional(z.nullable(uuid)),
});
export type InitiateClosureBody = z.infer<typeof initiateClosureSchema>;

export const patchClosureSchema = z.strictObject({
  payment_method: z.optional(z.nullable(z.enum(PAYMENT_METHODS))),
  destination_id: z.optional(z.nullable(uuid)),
});
export type PatchClosureBody = z.infer<typeof patchClosureSchema>;
