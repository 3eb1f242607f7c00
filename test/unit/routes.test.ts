import { describe, expect, it } from 'vitest';
import { ALL_PERMISSIONS, DOMAINS, ROUTES, followsResourceType, possiblePermissions, routeKey, routesOf } from '../../functions/routes.js';

describe('route table', () => {
  it('is not empty', () => {
    expect(ROUTES.length).toBeGreaterThan(0);
  });

  it('roots every path at /v0 or /v2', () => {
    for (const route of ROUTES) expect(route.path, route.operation).toMatch(/^\/v[02]\//);
  });

  it('uses only lower-case snake_case literal segments and no trailing slash', () => {
    for (const route of ROUTES) {
      for (const segment of route.path.split('/').slice(1)) {
        expect(segment, route.path).toMatch(/^([a-z0-9]+(_[a-z0-9]+)*|\{[a-z]+(_[a-z]+)*\})$/);
      }
    }
  });

  it('names every path parameter as a snake_case *_id', () => {
    const params = ROUTES.flatMap((r) => r.path.match(/\{[^}]*\}/g) ?? []);
    expect(params.length).toBeGreaterThan(0);
    for (const param of params) expect(param).toMatch(/^\{[a-z]+(_[a-z]+)*_id\}$/);
  });

  it('has no duplicate method + path', () => {
    const keys = ROUTES.map((r) => routeKey(r.method, r.path));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('has no duplicate operation name within a domain', () => {
    for (const domain of DOMAINS) {
      const operations = routesOf(domain).map((r) => r.operation);
      expect(new Set(operations).size).toBe(operations.length);
    }
  });

  it('makes every POST honour Idempotency-Key', () => {
    const posts = ROUTES.filter((r) => r.method === 'POST');
    expect(posts.length).toBeGreaterThan(0);
    for (const route of posts) expect(route.idempotent, route.path).toBe(true);
  });

  it('seals the vendor access token, and only it, in responses stored for replay (issue 8, Secrets)', () => {
    const sealed = ROUTES.filter((r) => r.sealedResponseFields?.length).map((r) => [r.method, r.path, r.sealedResponseFields]);
    expect(sealed).toEqual([['POST', '/v0/external_accounts/access_tokens', ['vendor_access_token']]]);
  });

  it('never makes a GET idempotent-keyed', () => {
    for (const route of ROUTES.filter((r) => r.method === 'GET')) expect(route.idempotent, route.path).toBe(false);
  });

  it('requires a known permission on every route, read for GET and write otherwise', () => {
    for (const route of ROUTES) {
      const possible = possiblePermissions(route.permission);
      expect(possible.length, route.path).toBeGreaterThan(0);
      for (const permission of possible) {
        expect(ALL_PERMISSIONS, route.path).toContain(permission);
        expect(permission.endsWith(route.method === 'GET' ? ':read' : ':write'), `${route.method} ${route.path}`).toBe(true);
      }
    }
  });

  it('lists each permission a request-dependent route can need once', () => {
    expect(possiblePermissions('customer:read')).toEqual(['customer:read']);
    expect(possiblePermissions(followsResourceType('write'))).toEqual(['customer:write', 'account:write']);
    expect(followsResourceType('read').byResourceType).toEqual({
      PERSON: 'customer:read',
      BUSINESS: 'customer:read',
      ACCOUNT: 'account:read',
    });
  });

  it('assigns every route to a known domain', () => {
    for (const route of ROUTES) expect(DOMAINS).toContain(route.domain);
  });

  it('routeKey upper-cases the method', () => {
    expect(routeKey('get', '/v0/customers')).toBe('GET /v0/customers');
  });

  it('serves the customers domain paths of the contract', () => {
    const keys = routesOf('customers').map((r) => routeKey(r.method, r.path));
    expect(keys).toEqual(
      expect.arrayContaining([
        'POST /v0/customers',
        'GET /v0/customers/{customer_id}',
        'PATCH /v0/customers/{customer_id}',
        'POST /v0/customers/{customer_id}/verify',
        'POST /v0/persons',
        'PATCH /v0/persons/{person_id}',
        'POST /v0/businesses',
        'GET /v0/businesses/{business_id}',
        'POST /v0/verifications/verify',
        'GET /v0/verifications/{verification_id}',
      ]),
    );
  });
});
