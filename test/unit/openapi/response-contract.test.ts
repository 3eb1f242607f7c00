import { describe, expect, it } from 'vitest';
import { assertMatchesDocument } from '../../helpers/response-contract.js';

// The check the integration and e2e suites run on every response (test/helpers/api.ts, e2e call()).

const problem = (status: number) => ({
  type: 'https://dev.synctera.com/errors/not-found',
  title: 'Not Found',
  status,
  detail: 'customer not found',
  code: 'NOT_FOUND',
});

const event = {
  id: '8b0e9c3e-2c1f-4a57-9a53-1f0c3c2b7d10',
  type: 'CUSTOMER.CREATED',
  event_time: '2026-01-02T03:04:05.000Z',
  resource_id: '0d4b1a2e-3f4a-4b5c-8d6e-7f8091a2b3c4',
};

const listEvents = (body: unknown, status = 200, contentType = 'application/json') =>
  assertMatchesDocument({ method: 'GET', path: '/v0/events', status, contentType, body });

describe('the response contract check', () => {
  it('accepts a body the document describes, and the Synctera error body on a declared error status', () => {
    expect(() => listEvents({ events: [event], next_page_token: 'abc' })).not.toThrow();
    expect(() => listEvents(problem(404), 404, 'application/problem+json')).not.toThrow();
  });

  it('refuses a field the document does not have, a missing one, and a wrong type', () => {
    expect(() => listEvents({ events: [{ ...event, version: 3 }] })).toThrow(/must NOT have additional properties \(version\)/);
    expect(() => listEvents({ events: [{ ...event, type: undefined }] })).toThrow(/must have required property 'type'/);
    expect(() => listEvents({ events: [{ ...event, event_time: 'yesterday' }] })).toThrow(/event_time must match format "date-time"/);
  });

  it('refuses a status the route does not declare, and an error body of another shape or media type', () => {
    expect(() => listEvents({}, 201)).toThrow(/answered 201, a status the OpenAPI document does not declare/);
    expect(() => listEvents({ message: 'Not Found' }, 404, 'application/problem+json')).toThrow(/refuses/);
    expect(() => listEvents(problem(404), 404, 'application/json')).toThrow(/not application\/problem\+json/);
    expect(() => listEvents({ ...problem(404), code: 'CONFLICT' }, 404, 'application/problem+json')).toThrow(
      /code must be equal to one of/,
    );
    expect(() => listEvents(problem(400), 404, 'application/problem+json')).toThrow(/status must be equal to constant/);
  });

  it('leaves alone what is not a route (API Gateway’s own 404, the twin’s pages)', () => {
    expect(() =>
      assertMatchesDocument({ method: 'GET', path: '/docs', status: 200, contentType: 'text/html', body: '<html>' }),
    ).not.toThrow();
  });
});
