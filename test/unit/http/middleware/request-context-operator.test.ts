import { describe, expect, it } from 'vitest';
import { requestContext } from '../../../../functions/http/middleware/request-context.js';
import { principalToContext } from '../../../../functions/http/principal-context.js';
import { OPERATOR_PERMISSIONS } from '../../../../functions/tenancy/operator-rules.js';
import { fixtureEvent, rejectionOf, runBefore, type Fixture } from './chain-request.js';

// The handler chain with an operator principal (issue 13): the tenant comes from X-Bankline-Tenant,
// checked against the key's organization through the lookup (a fake here: no database).

const TENANT_A = '0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e';
const FOREIGN = '11111111-2222-4333-8444-555555555555';
const organizations: Record<string, string> = { [TENANT_A]: 'org_1', [FOREIGN]: 'org_2' };

const lookups: string[] = [];
const lookup = async (tenantId: string) => {
  lookups.push(tenantId);
  return organizations[tenantId];
};
const middleware = () => requestContext('customers', undefined, lookup);

const operatorEvent = (fixture: Fixture, tenant?: string) => {
  const event = fixtureEvent(fixture);
  event.requestContext.authorizer = {
    principalId: 'op_1',
    ...principalToContext({ tenantId: '', organizationId: 'org_1', keyId: 'op_1', permissions: OPERATOR_PERMISSIONS, operator: true }),
  };
  if (tenant) event.headers['X-Bankline-Tenant'] = tenant;
  return event;
};

describe('requestContext with an operator key', () => {
  it('acts in the tenant of X-Bankline-Tenant once it is found in the organization', async () => {
    lookups.length = 0;
    const { apiRequest } = (await runBefore(middleware(), operatorEvent('apigw-proxy-get-customer', TENANT_A))).context.bankline;
    expect(apiRequest.principal).toMatchObject({ tenantId: TENANT_A, organizationId: 'org_1', keyId: 'op_1', operator: true });
    expect(apiRequest.audit?.api_key_id).toBe('op_1');
    expect(lookups).toEqual([TENANT_A]);
  });

  it('missing header -> 400 naming it, before any lookup', async () => {
    lookups.length = 0;
    const error = await rejectionOf(middleware(), operatorEvent('apigw-proxy-get-customer'));
    expect(error.status).toBe(400);
    expect(error.detail).toContain('X-Bankline-Tenant');
    expect(lookups).toEqual([]);
  });

  it.each([
    ['another organization', FOREIGN],
    ['no such tenant', '22222222-3333-4444-8555-666666666666'],
  ])('%s -> 403', async (_name, tenant) => {
    const error = await rejectionOf(middleware(), operatorEvent('apigw-proxy-get-customer', tenant));
    expect(error.status).toBe(403);
    expect(error.detail).toContain("not a tenant of this operator key's organization");
  });

  it('a write route -> 403 naming the read-only rule, before the tenant is looked at', async () => {
    lookups.length = 0;
    const error = await rejectionOf(middleware(), operatorEvent('apigw-proxy-post-customers', TENANT_A));
    expect(error.status).toBe(403);
    expect(error.detail).toContain('operator keys are read-only: POST /v0/customers');
    expect(lookups).toEqual([]);
  });

  it('a tenant key context with an empty tenant is not a principal (401)', async () => {
    const event = fixtureEvent('apigw-proxy-get-customer');
    event.requestContext.authorizer!.tenant_id = '';
    expect((await rejectionOf(middleware(), event)).status).toBe(401);
  });
});
