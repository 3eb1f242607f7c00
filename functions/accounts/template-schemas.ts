import * as z from 'zod/mini';
import { boundedString, optionalString, uuid } from '../shared/schemas/common.js';
import { APPLICATION_TYPES, KNOWN_ACCOUNT_TYPES } from './enums.js';
import { currency, nonNegativeMoney, typeFields } from './schemas.js';

// Account template bodies (contract §5.2). `template` is one flat shape for every type; the
// fields a type accepts are checked by template-rules.ts against account-types.ts.

const bankCountry = z.string().check(z.regex(/^[A-Z]{2,3}$/, 'must be an ISO 3166-1 alpha-2 or alpha-3 country code'));

const templateFieldShape = {
  ...typeFields,
  bank_account_id: z.optional(uuid),
  is_sar_enabled: z.optional(z.boolean()),
  // Account-only fields, named here so the error says why instead of "unknown field".
  credit_limit: z.optional(nonNegativeMoney),
  security: z.optional(z.unknown()),
};

export const templateFieldsSchema = z.strictObject({
  account_type: z.enum(KNOWN_ACCOUNT_TYPES),
  bank_country: bankCountry,
  currency,
  ...templateFieldShape,
});

const partialTemplateFields = z.strictObject({
  account_type: z.optional(z.enum(KNOWN_ACCOUNT_TYPES)),
  bank_country: z.optional(bankCountry),
  currency: z.optional(currency),
  ...templateFieldShape,
});

export type TemplateFieldsInput = z.infer<typeof templateFieldsSchema>;
/** What a stored template carries (GENERAL_LEDGER and account-only fields never reach storage). */
export type TemplateFields = Omit<TemplateFieldsInput, 'account_type' | 'credit_limit' | 'security'> & {
  account_type: Exclude<TemplateFieldsInput['account_type'], 'GENERAL_LEDGER'>;
};

export const TEMPLATE_READ_ONLY = ['id', 'tenant', 'application_workflow_id'] as const;

const header = {
  description: optionalString(1000),
  application_type: z.optional(z.enum(APPLICATION_TYPES)),
};

/** POST and PUT: a complete template. */
export const templateSchema = z.strictObject({
  name: boundedString(255),
  is_enabled: z.boolean(),
  ...header,
  template: templateFieldsSchema,
});
export type TemplateInput = z.infer<typeof templateSchema>;

/** v2 PATCH: any subset; `template` fields are merged over the stored ones. */
export const patchTemplateSchema = z.strictObject({
  name: z.optional(boundedString(255)),
  is_enabled: z.optional(z.boolean()),
  ...header,
  template: z.optional(partialTemplateFields),
});
export type PatchTemplateInput = z.infer<typeof patchTemplateSchema>;
