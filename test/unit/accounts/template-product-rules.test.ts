import { describe, expect, it } from 'vitest';
import { defaultTemplates } from '../../../functions/accounts/default-templates.js';
import { ACCOUNT_TYPES } from '../../../functions/accounts/enums.js';
import { assertRates, matchesDateRange, newInterestProduct, patchInterestProduct } from '../../../functions/accounts/product-rules.js';
import { newTemplate, patchTemplate } from '../../../functions/accounts/template-rules.js';
import type { TemplateInput } from '../../../functions/accounts/template-schemas.js';
import { templateResponseSchema } from '../../../functions/accounts/response-schemas.js';
import { templateView } from '../../../functions/accounts/views.js';
import { NOW, templateRecord } from './records.js';

const meta = { id: 'e0000000-0000-4000-8000-0000000000aa', tenant: 'tenant_a', now: NOW };
const template = (fields: Record<string, unknown>, extra: Partial<TemplateInput> = {}): TemplateInput =>
  ({ name: 'T', is_enabled: true, template: { bank_country: 'US', currency: 'USD', ...fields }, ...extra }) as TemplateInput;

describe('templates', () => {
  it('gives a new tenant one valid, enabled template per type', () => {
    const defaults = defaultTemplates('tenant_a', NOW);
    expect(defaults.map((t) => t.template.account_type)).toEqual([...ACCOUNT_TYPES]);
    for (const t of defaults) {
      expect(t.is_enabled).toBe(true);
      expect(() => templateResponseSchema.parse(templateView(t))).not.toThrow();
    }
    expect(new Set(defaults.map((t) => t.name)).size).toBe(ACCOUNT_TYPES.length);
  });

  it('refuses GENERAL_LEDGER and fields of another type', () => {
    expect(() => newTemplate(template({ account_type: 'GENERAL_LEDGER' }), meta)).toThrow(expect.objectContaining({ name: 'Forbidden' }));
    expect(() => newTemplate(template({ account_type: 'SAVING', minimum_payment: { type: 'FULL' } }), meta)).toThrow(
      /template.minimum_payment is not applicable/,
    );
    expect(() => newTemplate(template({ account_type: 'CHARGE_UNSECURED' }), meta)).toThrow(/template.minimum_payment is required/);
    expect(newTemplate(template({ account_type: 'CHARGE_UNSECURED', minimum_payment: { type: 'FULL' } }), meta).template.grace_period).toBe(
      21,
    );
  });

  it('maps the deprecated LINE_OF_CREDIT application type to CREDIT', () => {
    expect(newTemplate(template({ account_type: 'CHECKING' }, { application_type: 'LINE_OF_CREDIT' }), meta).application_type).toBe(
      'CREDIT',
    );
  });

  it('patches by merging over the stored template, then validating the whole', () => {
    const current = templateRecord({ version: 4 }, { is_wire_enabled: true });
    const next = patchTemplate(current, { description: 'd', template: { is_p2p_enabled: true } }, NOW);
    expect(next).toMatchObject({
      id: current.id,
      version: 5,
      description: 'd',
      creation_time: current.creation_time,
      template: { is_wire_enabled: true, is_p2p_enabled: true, is_ach_enabled: true },
    });
    expect(() => patchTemplate(current, { template: { account_type: 'LINE_OF_CREDIT' } }, NOW)).toThrow(/minimum_payment is required/);
  });
});

describe('interest products', () => {
  const rate = (valid_from: string, valid_to?: string) => ({
    rate: 100,
    accrual_period: 'DAILY' as const,
    valid_from,
    ...(valid_to ? { valid_to } : {}),
  });

  it('accepts back-to-back periods in any order, refuses overlaps and inverted ranges', () => {
    expect(() => assertRates([rate('2024-07-01'), rate('2024-01-01', '2024-07-01')])).not.toThrow();
    expect(() => assertRates([rate('2024-01-01', '2024-08-01'), rate('2024-07-01')])).toThrow('rates.0 and rates.1 overlap');
    expect(() => assertRates([rate('2024-01-01'), rate('2025-01-01', '2026-01-01')])).toThrow(/overlap/);
    expect(() => assertRates([rate('2024-01-01', '2023-01-01')])).toThrow('rates.0.valid_to must be after valid_from');
    expect(() => assertRates([{ ...rate('2024-01-01'), accrual_period: 'MONTHLY' }])).toThrow(
      'rates.0.accrual_period MONTHLY is not supported',
    );
  });

  it('creates and patches, replacing rates and bumping the version', () => {
    const product = newInterestProduct(
      { product_type: 'INTEREST', calculation_method: 'COMPOUNDED_DAILY', accrual_payout_schedule: 'NONE', rates: [rate('2024-01-01')] },
      meta,
    );
    expect(product).toMatchObject({ product_type: 'INTEREST', version: 1 });
    const next = patchInterestProduct(product, { product_type: 'INTEREST', rates: [rate('2025-01-01')] }, NOW);
    expect(next).toMatchObject({ version: 2, calculation_method: 'COMPOUNDED_DAILY', rates: [rate('2025-01-01')] });
  });

  it('filters by date range: every rate inside it', () => {
    const product = newInterestProduct(
      {
        product_type: 'INTEREST',
        calculation_method: 'COMPOUNDED_DAILY',
        accrual_payout_schedule: 'NONE',
        rates: [rate('2024-01-01', '2024-06-01')],
      },
      meta,
    );
    expect(matchesDateRange(product, '2024-01-01', '2024-06-01')).toBe(true);
    expect(matchesDateRange(product, '2024-02-01', undefined)).toBe(false);
    expect(matchesDateRange(product, undefined, '2024-05-01')).toBe(false);
  });
});
