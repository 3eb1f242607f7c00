import { callCounts, resetCallCounts } from '../functions/adapters/dynamodb/call-counter.js';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import { PERMISSIONS } from '../functions/routes.js';
import { createApiKey, createTenant } from '../functions/wiring/tenancy.js';
import type { KeepAliveClient } from './http-client.js';
import { type BenchTwin, CUSTOMER_BODY } from './latency.js';
import type { Progress } from './progress.js';
import { elapsedMs, percentile } from './stats.js';

// Migration mappings through the twin: latency and the DynamoDB calls of each request, counted
// around the request alone (create: one transaction plus the existence reads; lists: Query only).

const PAIRS = 60;

export interface MappingFigure {
  readonly request: string;
  readonly samples: number;
  readonly p50: number;
  readonly p99: number;
  readonly dynamoCalls: Readonly<Record<string, number>>;
}

const sender = (http: KeepAliveClient, apiKey: string) => async (method: string, path: string, body?: unknown) => {
  const headers: Record<string, string> = { Authorization: `Bearer ${apiKey}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const answer = await http.send(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
  if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body}`);
  return JSON.parse(answer.body) as { id: string };
};

/** Runs `request` once per sample, timing it and keeping the DynamoDB calls of the last one. */
const measure = async (name: string, samples: readonly (() => Promise<unknown>)[]): Promise<MappingFigure> => {
  const times: number[] = [];
  let calls: Record<string, number> = {};
  for (const request of samples) {
    resetCallCounts();
    const start = process.hrtime.bigint();
    await request();
    times.push(elapsedMs(start));
    calls = callCounts();
  }
  return { request: name, samples: times.length, p50: percentile(times, 50), p99: percentile(times, 99), dynamoCalls: calls };
};

export const measureMappings = async (twin: BenchTwin, progress: Progress): Promise<MappingFigure[]> => {
  const oldTenant = await dynamoTenancyStore.getTenant(twin.tenantId);
  if (!oldTenant) throw new Error('the bench tenant is missing');
  const newTenant = await createTenant(dynamoTenancyStore, {
    organizationId: oldTenant.organization_id,
    name: 'bench new bank',
    bankRouting: '026009593',
  });
  const { api_key: newKey } = await createApiKey(dynamoTenancyStore, { tenantId: newTenant.id, permissions: [...PERMISSIONS] });
  const onOld = sender(twin.http, twin.apiKey);
  const onNew = sender(twin.http, newKey);

  progress(`creating ${PAIRS} persons on each tenant`);
  const pairs: { old: string; now: string }[] = [];
  for (let i = 0; i < PAIRS; i++) {
    const old = await onOld('POST', '/v0/persons', CUSTOMER_BODY);
    const now = await onNew('POST', '/v0/persons', CUSTOMER_BODY);
    pairs.push({ old: old.id, now: now.id });
  }

  progress('measuring migration mapping requests');
  const mappingIds: string[] = [];
  const create = await measure(
    'POST /v0/migration_mappings (new tenant key)',
    pairs.map((pair) => async () => {
      const body = { resource_type: 'PERSON', resource_id: pair.now, old_tenant: twin.tenantId, old_resource_id: pair.old };
      mappingIds.push((await onNew('POST', '/v0/migration_mappings', body)).id);
    }),
  );
  const each = <T>(values: readonly T[], run: (value: T) => Promise<unknown>) => values.map((value) => () => run(value));
  return [
    create,
    await measure(
      'GET /v0/migration_mappings/{id} (old tenant key)',
      each(mappingIds, (id) => onOld('GET', `/v0/migration_mappings/${id}`)),
    ),
    await measure(
      'GET /v0/migration_mappings?old_resource_id= (old tenant key)',
      each(pairs, (pair) => onOld('GET', `/v0/migration_mappings?old_resource_id=${pair.old}`)),
    ),
    await measure(
      'GET /v0/migration_mappings?any_resource_id= (new tenant key)',
      each(pairs, (pair) => onNew('GET', `/v0/migration_mappings?any_resource_id=${pair.now}`)),
    ),
    await measure(
      'GET /v0/migration_mappings?limit=20 (new tenant key)',
      each(pairs, () => onNew('GET', '/v0/migration_mappings?limit=20')),
    ),
  ];
};
