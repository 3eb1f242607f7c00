import { describe, expect, it } from 'vitest';
import { CONSOLE_ACT, ORGANIZATION_READ, PERMISSIONS, ROUTES, type Route } from '../../../functions/routes.js';
import { DomainError } from '../../../functions/shared/domain-errors.js';
import { hashApiKey } from '../../../functions/tenancy/api-keys.js';
import type { OperatorKeyRecord, Principal } from '../../../functions/tenancy/model.js';
import {
  admittingPermissions,
  checkOperatorRoute,
  checkTenantInOrganization,
  requestedTenant,
} from '../../../functions/http/operator-access.js';
import { OPERATOR_PERMISSIONS } from '../../../functions/tenancy/operator-rules.js';
import { resolvePrincipal } from '../../../functions/tenancy/resolve-principal.js';

// What an operator key may do (issue 13), as pure rules over the route table.

const TENANT_A = '0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e';
const operator: Principal = { tenantId: '', organizationId: 'org_1', keyId: 'op_1', permissions: OPERATOR_PERMISSIONS, operator: true };
const tenantKey: Principal = { tenantId: TENANT_A, organizationId: 'org_1', keyId: 'key_1', permissions: [...PERMISSIONS] };

const routeOf = (method: string, path: string): Route => {
  const found = ROUTES.find((r) => r.method === method && r.path === path);
  if (!found) throw new Error(`no route ${method} ${path}`);
  return found;
};

const errorOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a domain error');
};

describe('operator permissions', () => {
  it('are every *:read, organization:read and console:act: no write permission at all', () => {
    expect([...OPERATOR_PERMISSIONS].sort()).toEqual(
      [...PERMISSIONS.filter((p) => p.endsWith(':read')), ORGANIZATION_READ, CONSOLE_ACT].sort(),
    );
    expect(OPERATOR_PERMISSIONS.some((p) => p.endsWith(':write'))).toBe(false);
  });

  it('tenant keys can never be granted the operator-only ones', () => {
    expect(PERMISSIONS as readonly string[]).not.toContain(ORGANIZATION_READ);
    expect(PERMISSIONS as readonly string[]).not.toContain(CONSOLE_ACT);
  });
});

describe('checkOperatorRoute', () => {
  it('admits every GET route of the table', () => {
    for (const route of ROUTES.filter((r) => r.method === 'GET')) expect(() => checkOperatorRoute(operator, route)).not.toThrow();
  });

  it('refuses every write route that is not a console action, naming the rule and the route', () => {
    const writes = ROUTES.filter((r) => r.method !== 'GET' && !r.consoleAction);
    expect(writes.length).toBeGreaterThan(50);
    for (const route of writes) {
      const error = errorOf(() => checkOperatorRoute(operator, route));
      expect(error.code).toBe('FORBIDDEN');
      expect(error.detail).toContain('operator keys are read-only');
      expect(error.detail).toContain(`${route.method} ${route.path}`);
    }
  });

  it('the console actions are exactly the webhook resend (both versions) and the sandbox clock', () => {
    expect(
      ROUTES.filter((r) => r.consoleAction)
        .map((r) => `${r.method} ${r.path}`)
        .sort(),
    ).toEqual(
      [
        'POST /v0/sandbox/clock',
        'POST /v0/webhooks/{webhook_id}/events/{event_id}/resend',
        'POST /v2/webhooks/{webhook_id}/events/{event_id}/resend',
      ].sort(),
    );
  });

  it('admits a console action only with console:act', () => {
    const clock = routeOf('POST', '/v0/sandbox/clock');
    expect(() => checkOperatorRoute(operator, clock)).not.toThrow();
    const without = { ...operator, permissions: OPERATOR_PERMISSIONS.filter((p) => p !== CONSOLE_ACT) };
    expect(errorOf(() => checkOperatorRoute(without, clock)).detail).toContain('console:act');
  });
});

describe('admittingPermissions', () => {
  const resend = routeOf('POST', '/v0/webhooks/{webhook_id}/events/{event_id}/resend');

  it('a console action admits an operator by console:act, a tenant key by the route permission', () => {
    expect(admittingPermissions(operator, resend, ['webhook:write'])).toEqual([CONSOLE_ACT]);
    expect(admittingPermissions(tenantKey, resend, ['webhook:write'])).toEqual(['webhook:write']);
  });

  it('other routes keep their own permissions for both', () => {
    const list = routeOf('GET', '/v0/customers');
    expect(admittingPermissions(operator, list, ['customer:read'])).toEqual(['customer:read']);
  });
});

describe('requestedTenant', () => {
  const list = routeOf('GET', '/v0/customers');
  const overview = routeOf('GET', '/v0/operator/organization');

  it('an operator acts in the tenant the header names (lower-cased, trimmed)', () => {
    expect(requestedTenant(operator, list, ` ${TENANT_A.toUpperCase()} `)).toBe(TENANT_A);
  });

  it.each([
    ['missing', undefined, 'X-Bankline-Tenant is required'],
    ['empty', '  ', 'X-Bankline-Tenant is required'],
    ['not a UUID', 'old bank', 'X-Bankline-Tenant must be a tenant id'],
  ])('an operator with the header %s -> 400 BAD_HEADER', (_name, value, detail) => {
    const error = errorOf(() => requestedTenant(operator, list, value));
    expect(error.code).toBe('BAD_HEADER');
    expect(error.detail).toContain(detail);
  });

  it('organization-scoped routes take no tenant, for anyone', () => {
    expect(requestedTenant(operator, overview, undefined)).toBeUndefined();
    expect(requestedTenant(operator, overview, 'anything')).toBeUndefined();
  });

  it("a tenant key stays in its tenant: no header or its own is fine, another tenant's -> 403", () => {
    expect(requestedTenant(tenantKey, list, undefined)).toBe(TENANT_A);
    expect(requestedTenant(tenantKey, list, TENANT_A.toUpperCase())).toBe(TENANT_A);
    const error = errorOf(() => requestedTenant(tenantKey, list, '11111111-2222-4333-8444-555555555555'));
    expect(error.code).toBe('FORBIDDEN');
    expect(error.detail).toContain('own tenant');
  });
});

describe('checkTenantInOrganization', () => {
  it('passes a tenant of the organization; a foreign and an unknown tenant get the same 403', () => {
    expect(() => checkTenantInOrganization(operator, TENANT_A, 'org_1')).not.toThrow();
    const foreign = errorOf(() => checkTenantInOrganization(operator, TENANT_A, 'org_2'));
    const unknown = errorOf(() => checkTenantInOrganization(operator, TENANT_A, undefined));
    expect(foreign.code).toBe('FORBIDDEN');
    expect(unknown.detail).toBe(foreign.detail);
  });
});

describe('resolvePrincipal with an operator key', () => {
  const key = `bl_${'o'.repeat(43)}`;
  const record: OperatorKeyRecord = {
    kind: 'operator',
    key_id: 'op_1',
    key_hash: hashApiKey(key),
    key_prefix: 'bl_oooooo',
    organization_id: 'org_1',
    creation_time: '2026-01-01T00:00:00.000Z',
  };
  const store = (r: OperatorKeyRecord | undefined) => ({
    getApiKeyByHash: async (hash: string) => (r && hash === r.key_hash ? r : undefined),
  });

  it('resolves to the organization, no tenant yet, with the operator permissions from the rules', async () => {
    expect(await resolvePrincipal(store(record), key)).toEqual({
      tenantId: '',
      organizationId: 'org_1',
      keyId: 'op_1',
      permissions: OPERATOR_PERMISSIONS,
      operator: true,
    });
  });

  it('a revoked operator key resolves to nobody', async () => {
    expect(await resolvePrincipal(store({ ...record, revoked_time: '2026-01-02T00:00:00.000Z' }), key)).toBeUndefined();
  });
});
