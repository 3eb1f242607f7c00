import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_BODY } from '../../local/sample-requests.js';
import { writeState } from '../../local/state-file.js';
import { useTestTable } from '../helpers/dynamodb-local.js';
import { runCli } from './support/run-cli.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

let twin: InProcessTwin;
let home: string;

const run = (script: string, args: string[], bankline = home) => runCli(script, args, bankline);
const keys = (...args: string[]) => run('bin/keys.ts', args);

beforeAll(async () => {
  // Authorizer cache off, so a revocation shows at once.
  twin = await startInProcessTwin({ authorizerCacheTtlSeconds: 0 });
  const { endpoint, tableName } = useTestTable();
  home = mkdtempSync(join(tmpdir(), 'bankline-cli-'));
  writeState(
    { dynamodb_endpoint: endpoint, table_name: tableName, in_memory: true, organization: twin.organization, tenants: twin.tenants },
    home,
  );
});
afterAll(async () => {
  await twin?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('npm run keys', () => {
  it('creates a key by tenant name (--json) that works over HTTP within its permissions, lists and revokes it', async () => {
    const created = await keys('create', '--tenant', 'old bank', '--permissions', 'customer:read', '--description', 'e2e', '--json');
    expect(created.code, created.stderr).toBe(0);
    const issued = JSON.parse(created.stdout);
    expect(issued).toMatchObject({
      api_key: expect.stringMatching(/^bl_/),
      tenant_id: twin.oldBank.id,
      permissions: ['customer:read'],
      description: 'e2e',
    });

    expect((await call(`${twin.url}/v0/customers`, { key: issued.api_key })).status).toBe(200);
    expect((await call(`${twin.url}/v0/customers`, { method: 'POST', key: issued.api_key, body: PERSON_BODY })).status).toBe(403);

    const listed = await keys('list', '--tenant', twin.oldBank.id, '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((k: { key_id: string }) => k.key_id)).toContain(issued.key_id);
    expect(listed.stdout).not.toContain(issued.api_key);

    const revoked = await keys('revoke', '--tenant', 'old bank', '--key-id', issued.key_id);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await call(`${twin.url}/v0/customers`, { key: issued.api_key })).status).toBe(401);
  });

  it('prints a new key once, with a warning, in plain mode', async () => {
    const { code, stdout } = await keys('create', '--tenant', 'new bank', '--permissions', 'customer:*');
    expect(code).toBe(0);
    expect(stdout).toMatch(/bl_[A-Za-z0-9_-]{43}/);
    expect(stdout).toMatch(/shown once/);
  });

  it('lists the tenants of the organization in local.json', async () => {
    const { code, stdout } = await keys('tenants', '--json');
    expect(code).toBe(0);
    expect(
      JSON.parse(stdout)
        .map((t: { name: string }) => t.name)
        .sort(),
    ).toEqual(['new bank', 'old bank']);
  });

  it('fails clearly on an unknown permission or tenant', async () => {
    const badPermission = await keys('create', '--tenant', 'old bank', '--permissions', 'customer:fly');
    expect(badPermission.code).toBe(2);
    expect(badPermission.stderr).toContain('unknown permission customer:fly');
    const badTenant = await keys('list', '--tenant', 'no such bank');
    expect(badTenant.code).toBe(1);
    expect(badTenant.stderr).toContain('unknown tenant no such bank');
  });
});

describe('npm run keys, for people', () => {
  it('list prints column headers above one row per key', async () => {
    const { code, stdout, stderr } = await keys('list', '--tenant', 'old bank');
    expect(code, stderr).toBe(0);
    const [header, ...rows] = stdout.trim().split('\n');
    expect(header).toMatch(/^KEY ID\s+PREFIX\s+STATUS\s+CREATED\s+DESCRIPTION\s+PERMISSIONS$/);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]).toMatch(/^[0-9a-f-]{36}\s+bl_/);
  });

  it('--tenant accepts a name that `keys tenants` lists but local.json does not', async () => {
    const name = `third bank ${randomUUID().slice(0, 8)}`;
    const made = await keys('create-tenant', '--name', name, '--routing', '021000021', '--json');
    expect(made.code, made.stderr).toBe(0);
    expect((await keys('tenants')).stdout).toContain(name);
    const listed = await keys('list', '--tenant', name.toUpperCase(), '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([]);
  });

  it('refuses to seed a new organization over a local.json whose organization the data no longer holds', async () => {
    const stale = mkdtempSync(join(tmpdir(), 'bankline-stale-'));
    try {
      const { endpoint, tableName } = useTestTable();
      const orphaned = { id: randomUUID(), name: 'Gone Fintech' };
      writeState({ dynamodb_endpoint: endpoint, table_name: tableName, in_memory: true, organization: orphaned, tenants: [] }, stale);
      const before = readFileSync(join(stale, 'local.json'), 'utf8');
      const refused = await run('bin/keys.ts', ['tenants'], stale);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('--yes');
      expect(refused.stderr).toContain('Gone Fintech');
      expect(readFileSync(join(stale, 'local.json'), 'utf8')).toBe(before);
    } finally {
      rmSync(stale, { recursive: true, force: true });
    }
  });
});

describe('npm run replay', () => {
  it('prints the records its placeholders created', async () => {
    const { code, stdout, stderr } = await run('bin/replay.ts', ['events/customers/get-customer.json']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^ {2}\{\{customer_id\}\} {2}[0-9a-f-]{36} {2}by events\/customers\/create-customer\.json$/m);
  });

  it('--set customer_id=<id> replays against an existing record and creates nothing', async () => {
    const existing = await call(`${twin.url}/v0/customers`, { method: 'POST', key: twin.oldBank.api_key, body: PERSON_BODY });
    expect(existing.status).toBe(201);
    const { code, stdout, stderr } = await run('bin/replay.ts', [
      'events/customers/get-customer.json',
      '--set',
      `customer_id=${existing.body.id}`,
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^HTTP 200$/m);
    expect(stdout).toContain(`"id": "${existing.body.id}"`);
    expect(stdout).not.toContain('Created for the placeholders');
  });

  it('--set with an unknown placeholder fails naming the known ones', async () => {
    const { code, stderr } = await run('bin/replay.ts', ['events/customers/get-customer.json', '--set', 'acount_id=x']);
    expect(code).toBe(1);
    expect(stderr).toContain('unknown placeholder acount_id');
    expect(stderr).toContain('account_id');
  });

  it('replays a sample event and prints status, headers and JSON body', async () => {
    const { code, stdout, stderr } = await run('bin/replay.ts', ['events/customers/get-customer.json']);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^HTTP 200$/m);
    expect(stdout).toMatch(/^Content-Type: application\/json$/m);
    expect(stdout).toContain(`"tenant": "${twin.oldBank.id}"`);
  });

  it('replays the authorizer sample and prints the policy', async () => {
    const { code, stdout } = await run('bin/replay.ts', ['events/authorizer/request.json']);
    expect(code).toBe(0);
    expect(stdout).toContain('Authorizer allowed principal');
    expect(stdout).toContain('"Effect": "Allow"');
  });
});
