import { forbidden } from '../shared/errors.js';
import { assertApplicable, assertCoherent } from './account-rules.js';
import { TYPE_RULES } from './account-types.js';
import type { AccountType } from './enums.js';
import type { TemplateRecord } from './model.js';
import { normalizeCeiling, normalizeFloor } from './references.js';
import type { PatchTemplateInput, TemplateFields, TemplateFieldsInput, TemplateInput } from './template-schemas.js';

// Account template rules (contract §5.2). A template is validated exactly like the type
// fields of an account of its type, plus the template-only requirements (minimum_payment
// for credit types).

export const assertCreatableType = (type: TemplateFieldsInput['account_type']): AccountType => {
  if (type === 'GENERAL_LEDGER') {
    throw forbidden('account_type GENERAL_LEDGER is reserved: GENERAL_LEDGER accounts and templates are created by the platform only');
  }
  return type;
};

const toStoredFields = (input: TemplateFieldsInput): TemplateFields => {
  const type = assertCreatableType(input.account_type);
  assertApplicable(type, input as Record<string, unknown>, true);
  const { balance_floor, balance_ceiling, ...rest } = input;
  const floor = normalizeFloor(balance_floor);
  const ceiling = normalizeCeiling(balance_ceiling);
  const fields: TemplateFields = {
    ...(rest as Omit<TemplateFields, 'account_type'>),
    account_type: type,
    ...(floor ? { balance_floor: floor } : {}),
    ...(ceiling ? { balance_ceiling: ceiling } : {}),
  };
  if (TYPE_RULES[type].family !== 'DEPOSIT') fields.grace_period ??= 21;
  assertCoherent(fields, 'template');
  return fields;
};

/** `LINE_OF_CREDIT` is Synctera's deprecated application type, answered as CREDIT. */
const applicationTypeOf = (value: TemplateInput['application_type']) => (value === 'LINE_OF_CREDIT' ? 'CREDIT' : value);

export const newTemplate = (input: TemplateInput, meta: { id: string; tenant: string; now: string }): TemplateRecord => {
  const applicationType = applicationTypeOf(input.application_type);
  return {
    id: meta.id,
    tenant: meta.tenant,
    name: input.name,
    is_enabled: input.is_enabled,
    ...(input.description !== undefined ? { description: input.description } : {}),
    ...(applicationType ? { application_type: applicationType } : {}),
    template: toStoredFields(input.template),
    creation_time: meta.now,
    last_updated_time: meta.now,
    version: 1,
  };
};

/** PUT: a full replacement that keeps identity and creation time. */
export const replaceTemplate = (current: TemplateRecord, input: TemplateInput, now: string): TemplateRecord => ({
  ...newTemplate(input, { id: current.id, tenant: current.tenant, now }),
  creation_time: current.creation_time,
  version: current.version + 1,
});

/** v2 PATCH: the sent fields over the stored ones, then validated as a whole. */
export const patchTemplate = (current: TemplateRecord, input: PatchTemplateInput, now: string): TemplateRecord => {
  const merged: TemplateInput = {
    name: input.name ?? current.name,
    is_enabled: input.is_enabled ?? current.is_enabled,
    description: input.description ?? current.description,
    application_type: input.application_type ?? current.application_type,
    template: { ...(current.template as TemplateFieldsInput), ...(input.template as Partial<TemplateFieldsInput>) },
  };
  return replaceTemplate(current, merged, now);
};
