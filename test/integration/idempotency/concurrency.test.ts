import { expectProblem, personBody, tenantCounts, unique, type ApiClient } from '../../helpers/api.js';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestTenant } from '../../helpers/tenants.js';
import { newIdempotencyWorld, withKey } from './helpers.js';

// Idempotency-Key (contract §1.4) under a burst of parallel retries of one request.

let tenant: TestTenant;
let api: ApiClient;

beforeAll(async () => {
  ({ tenant, api } = await newIdempotencyWorld());
});

describe('concurrency', () => {
  it('50 parallel POSTs with one key create exactly one customer; the rest replay it or get 409', async () => {
    const key = randomUUID();
    const email = `burst.${unique()}@example.com`;
    const body = personBody({ email });
    const before = await tenantCounts(tenant.id);
    const results = await Promise.all(Array.from({ length: 50 }, () => api.post('/v0/customers', body, withKey(key))));
    const created = results.filter((r) => r.status === 201);
    const inFlight = results.filter((r) => r.status === 409);
    expect(created.length + inFlight.length, results.map((r) => `${r.status} ${r.rawBody}`).join('\n')).toBe(50);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(created.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const r of inFlight) expectProblem(r, 409, 'IDEMPOTENCY_CONCURRENT_USE');
    const listed = await api.get('/v0/customers', { email });
    expect(listed.body.customers).toHaveLength(1);
    expect(listed.body.customers[0].id).toBe(created[0]!.body.id);
    const after = await tenantCounts(tenant.id);
    expect(after.persons - before.persons).toBe(1);
    expect(after.events - before.events).toBe(1);
    // Once settled, a retry is a replay.
    const retry = await api.post('/v0/customers', body, withKey(key));
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(created[0]!.body.id);
  });
});
