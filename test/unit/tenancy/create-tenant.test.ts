import { describe, expect, it } from 'vitest';
import type { Organization, Tenant } from '../../../functions/tenancy/model.js';
import type { TenancyStore } from '../../../functions/tenancy/ports.js';
import { createTenant } from '../../../functions/tenancy/use-cases.js';
import { tenantProvisioner } from '../../../functions/wiring/tenancy.js';

const ORG: Organization = { id: 'org_1', name: 'Demo Fintech', creation_time: '2024-01-01T00:00:00.000Z' };
const clock = { now: () => new Date('2024-05-01T12:00:00.000Z') };

/** Just the two calls createTenant makes, recording what it writes. */
const storeWith = <S>(written: [Tenant, S][]) =>
  ({
    getOrganization: async (id: string) => (id === ORG.id ? ORG : undefined),
    putTenant: async (tenant: Tenant, starter: S) => {
      written.push([tenant, starter]);
    },
  }) as unknown as TenancyStore<S>;

describe('createTenant', () => {
  it('writes the tenant with whatever the provisioner starts it with, untouched', async () => {
    const written: [Tenant, string[]][] = [];
    const tenant = await createTenant(
      { store: storeWith(written), provisioner: { starterFor: (t) => [`starter of ${t.id}`] } },
      { organizationId: ORG.id, name: 'old bank', bankRouting: '021000021' },
      clock,
    );
    expect(tenant).toMatchObject({
      organization_id: ORG.id,
      name: 'old bank',
      bank_routing: '021000021',
      creation_time: '2024-05-01T12:00:00.000Z',
    });
    expect(written).toEqual([[tenant, [`starter of ${tenant.id}`]]]);
  });

  it('refuses a bad routing number or an unknown organization, writing nothing', async () => {
    const written: [Tenant, unknown][] = [];
    const ports = { store: storeWith(written), provisioner: { starterFor: () => [] } };
    await expect(createTenant(ports, { organizationId: ORG.id, name: 'x', bankRouting: '12345' })).rejects.toThrow('9-digit');
    await expect(createTenant(ports, { organizationId: 'org_2', name: 'x', bankRouting: '021000021' })).rejects.toThrow('does not exist');
    expect(written).toEqual([]);
  });
});

describe('tenantProvisioner (the wiring)', () => {
  it('starts every tenant with one enabled Default template per account type, owned by the tenant', () => {
    const tenant: Tenant = {
      id: 'tenant_a',
      name: 'old bank',
      organization_id: ORG.id,
      bank_routing: '021000021',
      creation_time: '2024-05-01T12:00:00.000Z',
    };
    const { templates, gls } = tenantProvisioner.starterFor(tenant);
    expect(gls.map((g) => g.alias)).toEqual([
      'ach_settlement',
      'ach_suspense',
      'funding',
      'fee_income',
      'interest_expense',
      'negative_balance_reserve',
      'write_off',
      'interest_income',
    ]);
    expect(templates.map((t) => t.name)).toEqual([
      'Default CHECKING',
      'Default SAVING',
      'Default LINE_OF_CREDIT',
      'Default CHARGE_SECURED',
      'Default CHARGE_UNSECURED',
      'Default CREDIT_CARD',
    ]);
    for (const template of templates)
      expect(template).toMatchObject({ tenant: 'tenant_a', is_enabled: true, creation_time: tenant.creation_time });
  });
});
