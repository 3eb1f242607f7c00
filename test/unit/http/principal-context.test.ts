import { describe, expect, it } from 'vitest';
import { principalFromContext, principalToContext } from '../../../functions/http/principal-context.js';
import type { Principal } from '../../../functions/tenancy/model.js';

const principal: Principal = {
  tenantId: 'tenant_a',
  organizationId: 'org_1',
  keyId: 'key_1',
  permissions: ['customer:read', 'customer:write', 'webhook:read'],
};

describe('principal context (authorizer ↔ handler)', () => {
  it('flattens to strings only, as API Gateway requires', () => {
    const context = principalToContext(principal);
    expect(Object.values(context).every((v) => typeof v === 'string')).toBe(true);
    expect(context).toEqual({
      tenant_id: 'tenant_a',
      organization_id: 'org_1',
      key_id: 'key_1',
      permissions: 'customer:read,customer:write,webhook:read',
    });
  });

  it('round-trips a principal', () => {
    expect(principalFromContext(principalToContext(principal))).toEqual(principal);
  });

  it('round-trips a principal with no permissions', () => {
    expect(principalFromContext(principalToContext({ ...principal, permissions: [] }))).toEqual({ ...principal, permissions: [] });
  });

  it('survives the extra keys API Gateway adds to the authorizer context', () => {
    const context = { ...principalToContext(principal), principalId: 'key_1', integrationLatency: 12 };
    expect(principalFromContext(context)).toEqual(principal);
  });

  it.each(['tenant_id', 'organization_id', 'key_id', 'permissions'])('is undefined when %s is missing', (field) => {
    const context: Record<string, unknown> = { ...principalToContext(principal) };
    delete context[field];
    expect(principalFromContext(context)).toBeUndefined();
  });

  it('is undefined when a field is not a string, or there is no context at all', () => {
    expect(principalFromContext({ ...principalToContext(principal), tenant_id: 42 })).toBeUndefined();
    expect(principalFromContext(null)).toBeUndefined();
    expect(principalFromContext(undefined)).toBeUndefined();
    expect(principalFromContext({})).toBeUndefined();
  });

  it('drops permissions it does not know instead of granting them', () => {
    const context = { ...principalToContext(principal), permissions: 'customer:read,admin:*,*,account:write,' };
    expect(principalFromContext(context)?.permissions).toEqual(['customer:read', 'account:write']);
  });
});

describe('operator principal context (issue 13)', () => {
  const operator: Principal = {
    tenantId: '',
    organizationId: 'org_1',
    keyId: 'op_1',
    permissions: ['customer:read', 'console:act'],
    operator: true,
  };

  it('round-trips with principal_kind and no tenant', () => {
    const context = principalToContext(operator);
    expect(context).toMatchObject({ tenant_id: '', principal_kind: 'operator', permissions: 'customer:read,console:act' });
    expect(principalFromContext(context)).toEqual(operator);
  });

  it('does not depend on the empty tenant_id reaching the handler', () => {
    const { tenant_id: _dropped, ...context } = principalToContext(operator);
    expect(principalFromContext(context)).toEqual(operator);
  });

  it('a tenant key context carries no principal_kind', () => {
    expect(principalToContext(principal)).not.toHaveProperty('principal_kind');
  });
});
