import * as z from 'zod/mini';
import { boundedString, optionalString } from '../shared/schemas/common.js';
import { isEventPattern } from './event-matching.js';
import { MAX_URL_LENGTH } from './url-rules.js';

// Request bodies (contract §11.1, §11.2). The URL's scheme and address rules depend on where
// Bankline runs, so the use-case checks them (url-rules.ts) after this shape check.

const eventPattern = z
  .string()
  .check(z.refine(isEventPattern, 'must be an event type such as ACCOUNT.UPDATED or a wildcard such as ACCOUNT.*'));

export const webhookSchema = z.strictObject({
  url: z.string().check(z.minLength(1), z.maxLength(MAX_URL_LENGTH)),
  enabled_events: z.array(eventPattern).check(z.minLength(1), z.maxLength(100)),
  is_enabled: z.boolean(),
  description: optionalString(1000),
  metadata: z.optional(z.string().check(z.maxLength(1024))),
  tenant: z.optional(boundedString(100)),
});
export type WebhookInput = z.infer<typeof webhookSchema>;

/** Server-owned fields a client may echo back from a GET; accepted and ignored. */
export const WEBHOOK_READ_ONLY = ['id', 'last_updated'] as const;

export const rollSecretSchema = z.strictObject({ is_rolling_secret: z.boolean() });

export const triggerSchema = z.strictObject({
  event: z
    .string()
    .check(z.refine((v) => isEventPattern(v) && !v.endsWith('.*'), 'must be an explicit event type such as ACCOUNT.UPDATED')),
});
