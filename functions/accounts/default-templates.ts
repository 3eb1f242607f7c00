import { newId } from '../shared/ids.js';
import { ACCOUNT_TYPES, type AccountType } from './enums.js';
import type { TemplateRecord } from './model.js';
import type { TemplateInput } from './template-schemas.js';
import { newTemplate } from './template-rules.js';

// Every new tenant starts with one enabled template per account type, written in the
// tenant's creation transaction, so `POST /v0/accounts` with only `account_type` works from
// the first request. Integrators may edit, disable or delete them like any template.

const CREDIT_TERMS = { grace_period: 21 } as const;
// A common card-issuer minimum: 1% of the balance or $25, whichever is more.
const RATE_OR_AMOUNT = { type: 'RATE_OR_AMOUNT', rate: 100, min_amount: 2500 } as const;

const FIELDS: Readonly<Record<AccountType, Omit<TemplateInput['template'], 'account_type' | 'bank_country' | 'currency'>>> = {
  CHECKING: { is_ach_enabled: true, is_card_enabled: true, is_p2p_enabled: true },
  SAVING: { is_ach_enabled: true, is_p2p_enabled: true },
  LINE_OF_CREDIT: { ...CREDIT_TERMS, is_ach_enabled: true, minimum_payment: RATE_OR_AMOUNT },
  CHARGE_SECURED: { ...CREDIT_TERMS, is_ach_enabled: true, is_card_enabled: true, minimum_payment: { type: 'FULL' } },
  CHARGE_UNSECURED: { ...CREDIT_TERMS, is_ach_enabled: true, is_card_enabled: true, minimum_payment: { type: 'FULL' } },
  CREDIT_CARD: { ...CREDIT_TERMS, is_ach_enabled: true, is_card_enabled: true, minimum_payment: RATE_OR_AMOUNT },
};

export const defaultTemplateName = (type: AccountType): string => `Default ${type}`;

export const defaultTemplates = (tenantId: string, now: string): TemplateRecord[] =>
  ACCOUNT_TYPES.map((type) =>
    newTemplate(
      {
        name: defaultTemplateName(type),
        is_enabled: true,
        description: `Bankline default ${type} template`,
        template: { account_type: type, bank_country: 'US', currency: 'USD', ...FIELDS[type] },
      },
      { id: newId(), tenant: tenantId, now },
    ),
  );
