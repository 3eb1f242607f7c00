// events/: one sample per route and per non-HTTP function of the registry, generated and up to
// date, and each one replays successfully (2xx, or the function's own success) through the real
// authorizer and handlers on freshly seeded tenants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { dynamoTenancyStore } from '../../functions/adapters/dynamodb/tenancy-repository.js';
import { FUNCTIONS } from '../../functions/functions.js';
import { ROUTES } from '../../functions/routes.js';
import { AUTHORIZER_EVENT_FILE, EVENTS_DIR, eventFileFor, eventFilesOf, staleSampleEvents } from '../../local/generate-events.js';
import { createReplayer, loadEventFile, type ReplayOutcome } from '../../local/replay.js';
import { seedDemoData } from '../../local/seed.js';
import type { LocalState } from '../../local/state-file.js';
import { useTestTable } from '../helpers/dynamodb-local.js';
import { assertMatchesDocument } from '../helpers/response-contract.js';
import { startLocalVendors } from '../../local/vendors/local-vendors.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll } from 'vitest';

const eventFiles = ROUTES.map((route) => ({ route, file: eventFileFor(route) }));
const functionEvents = FUNCTIONS.filter((fn) => fn.trigger.kind !== 'http').map((fn) => ({ name: fn.name, file: eventFilesOf(fn)[0]! }));

describe('events/ covers the route table', () => {
  it.each(eventFiles)('$route.method $route.path has events/$file', ({ route, file }) => {
    const event = JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8'));
    expect(event.httpMethod).toBe(route.method);
    expect(event.resource).toBe(route.path);
  });

  it('matches what local/generate-events.ts writes (run it after changing routes or samples)', () => {
    expect(staleSampleEvents()).toEqual([]);
  });
});

describe('every sample event replays with a 2xx', () => {
  let state: LocalState;
  const replayed = (outcome: ReplayOutcome) => {
    if (outcome.kind !== 'proxy') throw new Error(`expected a proxy response, got ${outcome.kind}`);
    const contentType = Object.entries(outcome.response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
    const raw = outcome.response.body.toString('utf8');
    return { status: outcome.response.statusCode, contentType, body: raw === '' ? undefined : JSON.parse(raw) };
  };

  beforeAll(async () => {
    const { tableName } = useTestTable();
    const demo = await seedDemoData(dynamoTenancyStore, `replay ${crypto.randomUUID()}`);
    // The external-account samples call the sandbox vendors, as under the twin.
    const { close, ...vendors } = await startLocalVendors(mkdtempSync(join(tmpdir(), 'bankline-vendors-')));
    afterAll(close);
    state = { table_name: tableName, in_memory: true, ...demo, vendors };
  });

  it.each(eventFiles)('events/$file', async ({ route, file }) => {
    const errors: unknown[] = [];
    const replay = createReplayer({ state, onHandlerError: (_m, e) => errors.push(e) });
    const { status, contentType, body } = replayed(await replay(loadEventFile(file)));
    expect(errors).toEqual([]);
    // One answer per route, checked against the OpenAPI document (test/helpers/response-contract.ts).
    assertMatchesDocument({ method: route.method, path: route.path, status, contentType: String(contentType), body });
    expect(status, JSON.stringify(body)).toBeGreaterThanOrEqual(200);
    expect(status, JSON.stringify(body)).toBeLessThan(300);
  });

  it('resolves id placeholders under the event’s own tenant', async () => {
    const replay = createReplayer({ state });
    const event = JSON.parse(
      JSON.stringify(loadEventFile('customers/get-customer.json')).replaceAll('{{api_key:old bank}}', '{{api_key:new bank}}'),
    );
    const { status, body } = replayed(await replay(event));
    expect(status).toBe(200);
    expect(body.tenant).toBe(state.tenants.find((t) => t.name === 'new bank')!.id);
  });

  it.each(functionEvents)('$name: events/$file runs its function to success', async ({ file }) => {
    const errors: unknown[] = [];
    const outcome = await createReplayer({ state, onHandlerError: (_m, e) => errors.push(e) })(loadEventFile(file));
    expect(errors).toEqual([]);
    expect(['authorizer', 'function']).toContain(outcome.kind);
  });

  it(`events/${AUTHORIZER_EVENT_FILE} yields an Allow policy and the tenant context`, async () => {
    const outcome = await createReplayer({ state })(loadEventFile(AUTHORIZER_EVENT_FILE));
    expect(outcome.kind).toBe('authorizer');
    if (outcome.kind !== 'authorizer') return;
    expect(outcome.result.policyDocument.Statement[0]).toMatchObject({ Effect: 'Allow' });
    expect(outcome.result.context).toMatchObject({ tenant_id: state.tenants[0]!.id });
  });
});
