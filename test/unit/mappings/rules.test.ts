import { describe, expect, it } from 'vitest';
import type { MappingRecord } from '../../../functions/mappings/model.js';
import { listSideOf, partiesOf, patchMapping } from '../../../functions/mappings/rules.js';
import { reversalRecord, transferRecords } from '../../../functions/mappings/tradelines.js';
import { DomainError } from '../../../functions/shared/errors.js';

const OLD = '11111111-1111-4111-8111-111111111111';
const NEW = '22222222-2222-4222-8222-222222222222';
const OTHER = '33333333-3333-4333-8333-333333333333';

const detailOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return `${error.code} ${error.detail}`;
    throw error;
  }
  return 'no error';
};

const mapping = (overrides: Partial<MappingRecord> = {}): MappingRecord => ({
  id: 'm1',
  tenant: NEW,
  resource_id: 'r-new',
  old_tenant: OLD,
  old_resource_id: 'r-old',
  resource_type: 'PERSON',
  creation_time: '2026-03-01T10:00:00.000Z',
  last_updated_time: '2026-03-01T10:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('partiesOf', () => {
  it('the new tenant key may leave tenant out; the other party is the old tenant', () => {
    expect(partiesOf(NEW, { old_tenant: OLD })).toEqual({ tenant: NEW, oldTenant: OLD, other: { id: OLD, field: 'old_tenant' } });
  });

  it('the old tenant key names the new tenant, which is then the one to check', () => {
    expect(partiesOf(OLD, { old_tenant: OLD, tenant: NEW })).toEqual({ tenant: NEW, oldTenant: OLD, other: { id: NEW, field: 'tenant' } });
  });

  it('refuses the same tenant on both sides, and a caller that is neither', () => {
    expect(detailOf(() => partiesOf(OLD, { old_tenant: OLD }))).toMatch(/^BAD_REQUEST_BODY old_tenant must differ from tenant/);
    expect(detailOf(() => partiesOf(NEW, { old_tenant: OLD, tenant: OTHER }))).toBe(
      "BAD_REQUEST_BODY tenant or old_tenant must be the API key's tenant",
    );
  });

  it('compares ids case-insensitively', () => {
    expect(partiesOf(NEW, { old_tenant: OLD.toUpperCase(), tenant: NEW.toUpperCase() }).tenant).toBe(NEW);
  });
});

describe('patchMapping', () => {
  const meta = { callerTenant: NEW, now: '2026-03-02T00:00:00.000Z' };

  it('reports the changed fields with their previous values and bumps version and time', () => {
    const { next, changed } = patchMapping(mapping(), { resource_id: 'r2' }, meta);
    expect(changed).toEqual({ resource_id: 'r-new' });
    expect(next).toMatchObject({ resource_id: 'r2', version: 2, last_updated_time: meta.now });
  });

  it('an unchanged body changes nothing', () => {
    const current = mapping();
    expect(patchMapping(current, { resource_id: 'r-new', tenant: NEW }, meta)).toEqual({ next: current, changed: {} });
  });

  it('refuses another tenant, and old_tenant changes from the old tenant key', () => {
    expect(detailOf(() => patchMapping(mapping(), { tenant: OTHER }, meta))).toMatch(/^BAD_REQUEST_BODY tenant cannot be changed/);
    expect(detailOf(() => patchMapping(mapping(), { old_tenant: OTHER }, { ...meta, callerTenant: OLD }))).toMatch(
      /^BAD_REQUEST_BODY old_tenant can only be changed/,
    );
    expect(detailOf(() => patchMapping(mapping(), { old_tenant: NEW }, meta))).toBe('BAD_REQUEST_BODY old_tenant must differ from tenant');
    expect(patchMapping(mapping(), { old_tenant: OTHER }, meta).changed).toEqual({ old_tenant: OLD });
  });
});

describe('listSideOf', () => {
  it.each([
    [undefined, undefined, 'EITHER'],
    [[NEW], undefined, 'NEW'],
    [undefined, [NEW], 'OLD'],
    [[OTHER], undefined, 'OLD'],
    [undefined, [OTHER], 'NEW'],
    [[NEW, OTHER], undefined, 'EITHER'],
    [[NEW], [NEW], 'NONE'],
    [[OTHER], [OTHER], 'NONE'],
    [[NEW], [OTHER], 'NEW'],
  ] as const)('tenant=%j old_tenant=%j → %s (caller is NEW)', (tenants, oldTenants, side) => {
    expect(listSideOf(NEW, tenants, oldTenants)).toBe(side);
  });
});

describe('tradeline records', () => {
  const linked = mapping({ resource_type: 'ACCOUNT' });
  const [sale, purchase] = transferRecords({
    mapping: linked,
    oldAccount: { account_type: 'LINE_OF_CREDIT', open_date: '2024-01-05', currency: 'USD', credit_limit: 500_000, amount_owed: 12_345 },
    newAccount: { account_type: 'LINE_OF_CREDIT', open_date: '2026-03-01', currency: 'USD', amount_owed: 0 },
    sellerBankName: 'Old Bank',
    buyerBankName: 'New Bank',
    ids: { sale: 's1', purchase: 'p1' },
    now: '2026-03-01T10:00:00.000Z',
  });

  it('a SALE on the old tenant (status 05, sold to the buyer) and a PURCHASE on the new (K2 purchased from the seller)', () => {
    expect(sale).toMatchObject({
      id: 's1',
      tenant: OLD,
      direction: 'SALE',
      account_id: 'r-old',
      counterparty_account_id: 'r-new',
      original_open_date: '2024-01-05',
      credit_limit: 500_000,
      highest_credit: 500_000,
      transfer_date: '2026-03-01',
      metro2: { account_status: '05', k2_segment: { purchased_from_sold_to_indicator: '2', purchased_from_sold_to_name: 'New Bank' } },
    });
    expect(purchase).toMatchObject({
      id: 'p1',
      tenant: NEW,
      direction: 'PURCHASE',
      account_id: 'r-new',
      original_open_date: '2024-01-05',
      metro2: { k2_segment: { segment_identifier: 'K2', purchased_from_sold_to_indicator: '1', purchased_from_sold_to_name: 'Old Bank' } },
    });
    expect(purchase.metro2.account_status).toBeUndefined();
  });

  it('without a credit limit, highest credit is the amount owed', () => {
    const [noLimit] = transferRecords({
      mapping: linked,
      oldAccount: { account_type: 'CHARGE_UNSECURED', open_date: '2024-01-05', currency: 'USD', amount_owed: 7_000 },
      newAccount: { account_type: 'CHARGE_UNSECURED', open_date: '2026-03-01', currency: 'USD', amount_owed: 0 },
      sellerBankName: 'a',
      buyerBankName: 'b',
      ids: { sale: 's', purchase: 'p' },
      now: '2026-03-01T10:00:00.000Z',
    });
    expect(noLimit).toMatchObject({ credit_limit: null, highest_credit: 7_000 });
  });

  it('a reversal is a new record pointing at the original, with K2 indicator 9', () => {
    const reversal = reversalRecord(sale, { id: 'r1', now: '2026-04-01T00:00:00.000Z' });
    expect(reversal).toMatchObject({ id: 'r1', kind: 'REVERSAL', reverses_id: 's1', direction: 'SALE', transfer_date: '2026-04-01' });
    expect(reversal.metro2).toEqual({
      account_status: null,
      k2_segment: { ...sale.metro2.k2_segment, purchased_from_sold_to_indicator: '9' },
    });
    expect(sale.kind).toBe('TRANSFER');
    expect(reversalRecord(purchase, { id: 'r2', now: '2026-04-01T00:00:00.000Z' }).metro2).not.toHaveProperty('account_status');
  });
});
