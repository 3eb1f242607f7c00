import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../functions/http/api-request.js';
import {
  permissionWasDecided,
  permittedResourceTypes,
  requireAnyOf,
  requirePermission,
  requirePermissionFor,
} from '../../../functions/http/permissions.js';
import { followsResourceType, type Permission, type Route, type RoutePermission } from '../../../functions/routes.js';
import type { ApiError } from '../../../functions/http/api-error.js';
import { isExpected, toApiError } from '../../../functions/http/error-mapping.js';
import { Forbidden } from '../../../functions/shared/errors.js';

const requestWith = (permissions: Permission[], permission: RoutePermission = followsResourceType('write')): ApiRequest => {
  const route: Route = {
    method: 'PATCH',
    path: '/v0/things/{thing_id}',
    domain: 'customers',
    operation: 'patchThing',
    permission,
    idempotent: true,
  };
  return {
    route,
    principal: { tenantId: 'tenant_a', organizationId: 'org_1', keyId: 'key_1', permissions },
    pathParameters: {},
    query: {},
    body: undefined,
    audit: { request_id: 'r', api_key_id: 'key_1', method: 'PATCH', path: '/v0/things/1' },
  };
};

/** The 403 a check throws, as the HTTP edge answers it, or undefined when it passes. */
const refusal = (check: () => void): ApiError | undefined => {
  try {
    check();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(Forbidden);
    return toApiError(error);
  }
};

describe('requirePermissionFor', () => {
  it('needs customer:write for a PERSON or BUSINESS and account:write for an ACCOUNT', () => {
    const customerKey = requestWith(['customer:write']);
    expect(refusal(() => requirePermissionFor(customerKey, 'PERSON'))).toBeUndefined();
    expect(refusal(() => requirePermissionFor(customerKey, 'BUSINESS'))).toBeUndefined();
    expect(refusal(() => requirePermissionFor(customerKey, 'ACCOUNT'))).toMatchObject({
      status: 403,
      code: 'FORBIDDEN',
      detail: 'this API key lacks the account:write permission',
    });

    const accountKey = requestWith(['account:write', 'customer:read']);
    expect(refusal(() => requirePermissionFor(accountKey, 'ACCOUNT'))).toBeUndefined();
    expect(refusal(() => requirePermissionFor(accountKey, 'PERSON'))?.detail).toBe('this API key lacks the customer:write permission');
  });

  it('needs every type touched: moving a PERSON mapping to ACCOUNT takes both permissions', () => {
    expect(refusal(() => requirePermissionFor(requestWith(['customer:write']), 'PERSON', 'ACCOUNT'))?.detail).toContain('account:write');
    expect(refusal(() => requirePermissionFor(requestWith(['account:write']), 'PERSON', 'ACCOUNT'))?.detail).toContain('customer:write');
    expect(refusal(() => requirePermissionFor(requestWith(['customer:write', 'account:write']), 'PERSON', 'ACCOUNT'))).toBeUndefined();
  });

  it('treats a type the route does not name as a bug (a plain Error), not as a client 403', () => {
    expect(() => requirePermissionFor(requestWith(['customer:write']), 'CARD')).toThrow(/names no permission for resource type CARD/);
    let bug: unknown;
    try {
      requirePermissionFor(requestWith(['customer:write']), 'CARD');
    } catch (error) {
      bug = error;
    }
    // Neither a domain error nor an HTTP one: the edge answers it with a bare 500.
    expect(isExpected(bug)).toBe(false);
  });

  it('checks the plain permission on a route without per-type permissions', () => {
    const request = requestWith(['customer:read'], 'account:read');
    expect(refusal(() => requirePermissionFor(request, 'ACCOUNT'))?.detail).toBe('this API key lacks the account:read permission');
  });
});

describe('requirePermission and requireAnyOf', () => {
  it('pass a key holding the permission and refuse one without, with the chain’s 403 body', () => {
    expect(refusal(() => requirePermission(requestWith(['customer:read']), 'customer:read'))).toBeUndefined();
    expect(refusal(() => requirePermission(requestWith(['customer:read']), 'customer:write'))).toMatchObject({
      status: 403,
      detail: 'this API key lacks the customer:write permission',
    });
    expect(refusal(() => requireAnyOf(requestWith(['account:read']), ['customer:read', 'account:read']))).toBeUndefined();
    expect(refusal(() => requireAnyOf(requestWith(['webhook:read']), ['customer:read', 'account:read']))?.detail).toBe(
      'this API key lacks the customer:read or account:read permission',
    );
  });
});

describe('permittedResourceTypes', () => {
  it('names the types a key may see, for lists that show only those', () => {
    expect(permittedResourceTypes(requestWith(['customer:read'], followsResourceType('read')))).toEqual(['PERSON', 'BUSINESS']);
    expect(permittedResourceTypes(requestWith(['account:read'], followsResourceType('read')))).toEqual(['ACCOUNT']);
    const both = requestWith(['customer:read', 'account:read'], followsResourceType('read'));
    expect(permittedResourceTypes(both)).toEqual(['PERSON', 'BUSINESS', 'ACCOUNT']);
  });

  it('is a bug on a route with a plain permission', () => {
    expect(() => permittedResourceTypes(requestWith(['customer:read'], 'customer:read'))).toThrow(/no per-resource-type permission/);
  });
});

describe('permissionWasDecided', () => {
  it('holds for a plain route without any call, the chain having checked it', () => {
    expect(permissionWasDecided(requestWith(['customer:read'], 'customer:read'))).toBe(true);
  });

  it('holds for a request-dependent route only once the operation has checked', () => {
    const request = requestWith(['customer:write']);
    expect(permissionWasDecided(request)).toBe(false);
    requirePermissionFor(request, 'PERSON');
    expect(permissionWasDecided(request)).toBe(true);

    const listing = requestWith(['customer:read'], followsResourceType('read'));
    permittedResourceTypes(listing);
    expect(permissionWasDecided(listing)).toBe(true);
  });

  it('does not count a failed check', () => {
    const request = requestWith(['customer:write']);
    expect(refusal(() => requirePermissionFor(request, 'ACCOUNT'))?.status).toBe(403);
    expect(permissionWasDecided(request)).toBe(false);
  });
});
