import { describe, expect, it } from 'vitest';
import { errorResult, toProxyResult } from '../../../functions/http/proxy-result.js';
import { notFound } from '../../../functions/shared/errors.js';

describe('toProxyResult', () => {
  it('serialises the body as JSON with a JSON content type', () => {
    expect(toProxyResult({ statusCode: 201, body: { id: 'c1' } })).toEqual({
      statusCode: 201,
      headers: { 'Content-Type': 'application/json' },
      body: '{"id":"c1"}',
    });
  });

  it('sends an empty body when there is none, and lets headers be added', () => {
    expect(toProxyResult({ statusCode: 204, headers: { 'X-Extra': '1' } })).toEqual({
      statusCode: 204,
      headers: { 'Content-Type': 'application/json', 'X-Extra': '1' },
      body: '',
    });
  });
});

describe('errorResult', () => {
  it('serves a domain error as application/problem+json', () => {
    const result = errorResult(notFound('customer'));
    expect(result.statusCode).toBe(404);
    expect(result.headers).toEqual({ 'Content-Type': 'application/problem+json' });
    expect(JSON.parse(result.body)).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: 'customer not found' });
  });

  it('serves a thrown non-error value as a bare 500', () => {
    const result = errorResult('something odd');
    expect(result.statusCode).toBe(500);
    expect(result.body).not.toContain('something odd');
  });
});
