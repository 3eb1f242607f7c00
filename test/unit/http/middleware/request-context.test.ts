import { describe, expect, it } from 'vitest';
import { requestContext } from '../../../../functions/http/middleware/request-context.js';
import { followsResourceType, type Route } from '../../../../functions/routes.js';
import { fixtureEvent, rejectionOf, runBefore } from './chain-request.js';

const middleware = () => requestContext('customers');

describe('requestContext middleware', () => {
  it('resolves route, principal, lower-cased path parameters and audit context from the fixture GET', async () => {
    const { apiRequest } = (await runBefore(middleware(), fixtureEvent('apigw-proxy-get-customer'))).context.bankline;
    expect(apiRequest.route).toMatchObject({ method: 'GET', path: '/v0/customers/{customer_id}', operation: 'getCustomer' });
    expect(apiRequest.principal).toEqual({ tenantId: 'tenant_a', organizationId: 'org_1', keyId: 'key_2', permissions: ['customer:read'] });
    expect(apiRequest.pathParameters).toEqual({ customer_id: '0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e' });
    expect(apiRequest.query).toEqual({});
    expect(apiRequest.audit).toEqual({
      request_id: 'd7bf0bd7-7b61-11e6-9a41-93e8deadbeef',
      api_key_id: 'key_2',
      method: 'GET',
      path: '/v0/customers/0B6E0C1C-5E3A-4C2B-9D8E-2F1A3B4C5D6E',
      source_ip: '203.0.113.10',
    });
  });

  it('never puts the API key into the request state', async () => {
    const request = await runBefore(middleware(), fixtureEvent('apigw-proxy-post-customers'));
    expect(JSON.stringify(request.context.bankline)).not.toContain('bl_');
  });

  it('rejects an unknown route with 404', async () => {
    const event = fixtureEvent('apigw-proxy-get-customer');
    event.resource = '/v0/accounts/{account_id}';
    const error = await rejectionOf(middleware(), event);
    expect(error.status).toBe(404);
    expect(error.code).toBe('NOT_FOUND');
  });

  it('rejects a known path with an unrouted method with 404', async () => {
    const event = fixtureEvent('apigw-proxy-get-customer');
    event.httpMethod = 'DELETE';
    expect((await rejectionOf(middleware(), event)).status).toBe(404);
  });

  it('rejects a request with no authorizer context with 401', async () => {
    const event = fixtureEvent('apigw-proxy-get-customer');
    delete (event.requestContext as { authorizer?: unknown }).authorizer;
    const error = await rejectionOf(middleware(), event);
    expect(error.status).toBe(401);
    expect(error.code).toBe('UNAUTHORIZED');
  });

  it('rejects an incomplete authorizer context with 401', async () => {
    const event = fixtureEvent('apigw-proxy-get-customer');
    delete event.requestContext.authorizer!.tenant_id;
    expect((await rejectionOf(middleware(), event)).status).toBe(401);
  });

  it('rejects a key without the route permission with 403 naming the permission', async () => {
    const event = fixtureEvent('apigw-proxy-post-customers');
    event.requestContext.authorizer!.permissions = 'customer:read,account:write';
    const error = await rejectionOf(middleware(), event);
    expect(error.status).toBe(403);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.detail).toContain('customer:write');
  });

  it.each(['not-a-uuid', '12345', '0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6', "0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e' OR 1=1"])(
    'rejects the non-UUID path parameter %j with 400 BAD_PATH_PARAMETER naming it',
    async (id) => {
      const event = fixtureEvent('apigw-proxy-get-customer');
      event.pathParameters = { customer_id: id };
      const error = await rejectionOf(middleware(), event);
      expect(error.status).toBe(400);
      expect(error.code).toBe('BAD_PATH_PARAMETER');
      expect(error.detail).toContain('customer_id');
      expect(error.detail).not.toContain(id);
    },
  );

  it('joins a repeated query parameter with commas, Synctera array style', async () => {
    const { query } = (await runBefore(middleware(), fixtureEvent('apigw-proxy-list-customers'))).context.bankline.apiRequest;
    expect(query).toEqual({
      id: '0b6e0c1c-5e3a-4c2b-9d8e-2f1a3b4c5d6e,9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f',
      limit: '10',
      status: 'ACTIVE',
    });
  });

  it('parses Customer-Device-Info into the audit context', async () => {
    const event = fixtureEvent('apigw-proxy-post-customers');
    event.headers['customer-device-info'] = '{"ip_address":"198.51.100.7","device_type":"iOS"}';
    const { audit } = (await runBefore(middleware(), event)).context.bankline.apiRequest;
    expect(audit?.device_info).toEqual({ ip_address: '198.51.100.7', device_type: 'iOS' });
  });

  it('rejects a malformed Customer-Device-Info with 400 BAD_HEADER', async () => {
    const event = fixtureEvent('apigw-proxy-post-customers');
    event.headers['Customer-Device-Info'] = 'iOS 17';
    const error = await rejectionOf(middleware(), event);
    expect(error.code).toBe('BAD_HEADER');
    expect(error.detail).toContain('Customer-Device-Info');
  });

  it('checks the route before the key, and the key before the permission', async () => {
    const unknownAndAnonymous = fixtureEvent('apigw-proxy-get-customer');
    unknownAndAnonymous.resource = '/v0/nope';
    delete (unknownAndAnonymous.requestContext as { authorizer?: unknown }).authorizer;
    expect((await rejectionOf(middleware(), unknownAndAnonymous)).status).toBe(404);

    const anonymousWithBadId = fixtureEvent('apigw-proxy-get-customer');
    anonymousWithBadId.pathParameters = { customer_id: 'bad' };
    delete (anonymousWithBadId.requestContext as { authorizer?: unknown }).authorizer;
    expect((await rejectionOf(middleware(), anonymousWithBadId)).status).toBe(401);
  });
});

describe('requestContext on a route whose permission depends on the request', () => {
  // A mapping-like route on the fixture's path: PERSON/BUSINESS need customer:write, ACCOUNT account:write.
  const routes: Route[] = [
    {
      method: 'POST',
      path: '/v0/customers',
      domain: 'customers',
      operation: 'createMapping',
      permission: followsResourceType('write'),
      idempotent: true,
    },
  ];
  const withPermissions = (permissions: string) => {
    const event = fixtureEvent('apigw-proxy-post-customers');
    event.requestContext.authorizer!.permissions = permissions;
    return event;
  };

  it.each(['customer:write', 'account:write', 'customer:read,account:write'])(
    'admits a key holding one of the possible permissions (%s)',
    async (permissions) => {
      const { apiRequest } = (await runBefore(requestContext('customers', routes), withPermissions(permissions))).context.bankline;
      expect(apiRequest.route?.operation).toBe('createMapping');
    },
  );

  it('turns away a key holding none of them with 403 before the operation, naming every one', async () => {
    const error = await rejectionOf(requestContext('customers', routes), withPermissions('customer:read,account:read,webhook:write'));
    expect(error.status).toBe(403);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.detail).toBe('this API key lacks the customer:write or account:write permission');
  });
});
