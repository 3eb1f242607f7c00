import { describe, expect, it } from 'vitest';
import { ROUTES, type Route } from '../../functions/routes.js';
import { assertOneParameterPerLevel } from '../../lib/constructs/route-api.js';
import { EDGE_PROBLEMS, problemBody, problemType } from '../../lib/problem-body.js';

const route = (method: Route['method'], path: string): Route => ({
  method,
  path,
  domain: 'customers',
  operation: 'op',
  permission: 'customer:read',
  idempotent: false,
});

describe('route table checks', () => {
  it('accepts the real route table', () => {
    expect(() => assertOneParameterPerLevel(ROUTES)).not.toThrow();
  });

  it('accepts a static segment beside a parameter', () => {
    expect(() =>
      assertOneParameterPerLevel([route('GET', '/v0/accounts/templates'), route('GET', '/v0/accounts/{account_id}')]),
    ).not.toThrow();
  });

  it('rejects two parameter names at one level, which API Gateway cannot deploy', () => {
    expect(() => assertOneParameterPerLevel([route('GET', '/v0/accounts/{account_id}'), route('GET', '/v0/accounts/{id}/x')])).toThrow(
      /\/v0\/accounts: \{account_id\} vs \{id\}/,
    );
  });
});

describe('edge problem bodies', () => {
  it('derive the type URI from the code, as Synctera does', () => {
    expect(problemType('BAD_REQUEST_BODY')).toBe('https://dev.synctera.com/errors/bad-request-body');
  });

  it('render the Synctera superset in a fixed field order', () => {
    expect(JSON.parse(problemBody(EDGE_PROBLEMS.unauthorized))).toEqual({
      type: 'https://dev.synctera.com/errors/unauthorized',
      title: 'Unauthorized',
      status: 401,
      detail: 'missing or invalid API key',
      code: 'UNAUTHORIZED',
    });
    const fields = Object.keys(JSON.parse(problemBody(EDGE_PROBLEMS.internal)));
    expect(fields).toEqual(['type', 'title', 'status', 'detail', 'code']);
  });
});
