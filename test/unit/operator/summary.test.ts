import { describe, expect, it } from 'vitest';
import type { MappingCount, OperatorContext, TenantFacts } from '../../../functions/operator/ports.js';
import { migrationSummary, organizationOverview, pairsOf } from '../../../functions/operator/summary.js';

// The operator read path's folding rules, on in-memory ports.

const tenant = (id: string, name: string): TenantFacts => ({
  id,
  name,
  bank_routing: '021000021',
  creation_time: '2026-01-01T00:00:00.000Z',
});
const OLD = tenant('t-old', 'old bank');
const NEW = tenant('t-new', 'new bank');
const THIRD = tenant('t-third', 'third bank');

const context = (counts: Record<string, MappingCount[]>, tenants = [OLD, NEW, THIRD]): OperatorContext => ({
  organizations: {
    getOrganization: async (id) => (id === 'org' ? { id, name: 'Demo Fintech', creation_time: '2026-01-01T00:00:00.000Z' } : undefined),
    listTenants: async () => tenants,
  },
  mappings: { countAsNewTenant: async (t) => counts[t] ?? [] },
});

describe('pairsOf', () => {
  it('folds counts per old tenant, every resource type present, totals per status', () => {
    const pairs = pairsOf(
      NEW,
      [
        { old_tenant: 't-old', resource_type: 'PERSON', status: 'ACTIVE', count: 3 },
        { old_tenant: 't-old', resource_type: 'PERSON', status: 'DELETED', count: 1 },
        { old_tenant: 't-old', resource_type: 'ACCOUNT', status: 'ACTIVE', count: 2 },
        { old_tenant: 't-third', resource_type: 'BUSINESS', status: 'ACTIVE', count: 5 },
      ],
      (id) => ({ 't-old': 'old bank', 't-third': 'third bank' })[id] ?? id,
    );
    expect(pairs).toEqual([
      {
        old_tenant: 't-old',
        old_tenant_name: 'old bank',
        tenant: 't-new',
        tenant_name: 'new bank',
        by_resource_type: { PERSON: { ACTIVE: 3, DELETED: 1 }, BUSINESS: { ACTIVE: 0, DELETED: 0 }, ACCOUNT: { ACTIVE: 2, DELETED: 0 } },
        total: { ACTIVE: 5, DELETED: 1 },
      },
      {
        old_tenant: 't-third',
        old_tenant_name: 'third bank',
        tenant: 't-new',
        tenant_name: 'new bank',
        by_resource_type: { PERSON: { ACTIVE: 0, DELETED: 0 }, BUSINESS: { ACTIVE: 5, DELETED: 0 }, ACCOUNT: { ACTIVE: 0, DELETED: 0 } },
        total: { ACTIVE: 5, DELETED: 0 },
      },
    ]);
  });
});

describe('migrationSummary', () => {
  it('counts each mapping once, under its new tenant, sorted by old then new tenant name', async () => {
    const summary = await migrationSummary(
      context({
        't-new': [{ old_tenant: 't-old', resource_type: 'PERSON', status: 'ACTIVE', count: 1 }],
        't-old': [{ old_tenant: 't-third', resource_type: 'ACCOUNT', status: 'DELETED', count: 2 }],
        't-third': [{ old_tenant: 't-new', resource_type: 'BUSINESS', status: 'ACTIVE', count: 4 }],
      }),
      'org',
    );
    expect(summary.organization_id).toBe('org');
    expect(summary.pairs.map((p) => `${p.old_tenant_name} -> ${p.tenant_name}: ${p.total.ACTIVE}/${p.total.DELETED}`)).toEqual([
      'new bank -> third bank: 4/0',
      'old bank -> new bank: 1/0',
      'third bank -> old bank: 0/2',
    ]);
  });

  it('an organization without mappings has no pairs', async () => {
    expect(await migrationSummary(context({}), 'org')).toEqual({ organization_id: 'org', pairs: [] });
  });
});

describe('organizationOverview', () => {
  it('the organization with its tenants by name', async () => {
    const view = await organizationOverview(context({}), 'org');
    expect(view).toMatchObject({ id: 'org', name: 'Demo Fintech' });
    expect(view.tenants.map((t) => t.name)).toEqual(['new bank', 'old bank', 'third bank']);
  });

  it('an unknown organization -> not found', async () => {
    await expect(organizationOverview(context({}), 'nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
