import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERSON_BODY } from '../../local/sample-requests.js';
import { writeState } from '../../local/state-file.js';
import { startupBanner } from '../../local/banner.js';
import { ensureDemoData } from '../../local/seed.js';
import { useTestTable } from '../helpers/dynamodb-local.js';
import { runCli } from './support/run-cli.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

let twin: InProcessTwin;
let home: string;

const keys = (...args: string[]) => runCli('bin/keys.ts', args, home);

beforeAll(async () => {
  twin = await startInProcessTwin({ authorizerCacheTtlSeconds: 0 });
  const { endpoint, tableName } = useTestTable();
  home = mkdtempSync(join(tmpdir(), 'bankline-operator-cli-'));
  writeState(
    { dynamodb_endpoint: endpoint, table_name: tableName, in_memory: true, organization: twin.organization, tenants: twin.tenants },
    home,
  );
});
afterAll(async () => {
  await twin?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('npm run keys -- create-operator', () => {
  it('--help lists the operator commands', async () => {
    const { code, stdout } = await keys('--help');
    expect(code).toBe(0);
    expect(stdout).toContain('create-operator --organization <id>');
    expect(stdout).toContain('list-operators');
    expect(stdout).toContain('revoke-operator');
  });

  it('issues a key once (--json) that reads every tenant of the organization and writes nothing; lists and revokes it', async () => {
    const created = await keys('create-operator', '--organization', twin.organization.id, '--description', 'e2e console', '--json');
    expect(created.code, created.stderr).toBe(0);
    const issued = JSON.parse(created.stdout);
    expect(issued).toMatchObject({
      api_key: expect.stringMatching(/^bl_[A-Za-z0-9_-]{43}$/),
      kind: 'operator',
      organization_id: twin.organization.id,
      description: 'e2e console',
    });

    for (const tenant of [twin.oldBank, twin.newBank]) {
      const read = await call(`${twin.url}/v0/customers`, { key: issued.api_key, headers: { 'X-Bankline-Tenant': tenant.id } });
      expect(read.status, read.text).toBe(200);
    }
    const write = await call(`${twin.url}/v0/customers`, {
      method: 'POST',
      key: issued.api_key,
      body: PERSON_BODY,
      headers: { 'X-Bankline-Tenant': twin.oldBank.id },
    });
    expect(write.status).toBe(403);
    const overview = await call(`${twin.url}/v0/operator/organization`, { key: issued.api_key });
    expect(overview.body.tenants.map((t: { name: string }) => t.name)).toEqual(['new bank', 'old bank']);

    const listed = await keys('list-operators', '--json');
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((k: { key_id: string }) => k.key_id)).toContain(issued.key_id);
    expect(listed.stdout).not.toContain(issued.api_key);

    const revoked = await keys('revoke-operator', '--key-id', issued.key_id);
    expect(revoked.code, revoked.stderr).toBe(0);
    expect((await call(`${twin.url}/v0/operator/organization`, { key: issued.api_key })).status).toBe(401);
  });

  it('prints the key once with its rules in plain mode; an unknown organization fails', async () => {
    const plain = await keys('create-operator');
    expect(plain.code, plain.stderr).toBe(0);
    expect(plain.stdout).toMatch(/bl_[A-Za-z0-9_-]{43}/);
    expect(plain.stdout).toContain('X-Bankline-Tenant');
    expect(plain.stdout).toMatch(/shown once/);
    const unknown = await keys('create-operator', '--organization', 'no-such-org');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('organization no-such-org does not exist');
  });
});

describe('the demo operator key', () => {
  it('is seeded with the organization and shown in the startup banner', async () => {
    expect(twin.operator.api_key).toMatch(/^bl_/);
    const res = await call(`${twin.url}/v0/operator/organization`, { key: twin.operator.api_key });
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(twin.organization.id);
    const banner = startupBanner(
      { ...twin, url: twin.url, table_name: 't', in_memory: true, dynamodb_endpoint: 'http://127.0.0.1:1' },
      '/tmp/local.json',
      null,
    );
    expect(banner).toContain(twin.operator.api_key);
    expect(banner).toContain('X-Bankline-Tenant');
  });

  it('is added to a local.json from before operator keys, keeping its organization and tenants; then kept', async () => {
    const upgraded = await ensureDemoData({ organization: twin.organization, tenants: twin.tenants });
    expect(upgraded.organization).toEqual(twin.organization);
    expect(upgraded.tenants).toEqual(twin.tenants);
    expect(upgraded.operator.api_key).not.toBe(twin.operator.api_key);
    expect(upgraded.seeded).toBe(true);
    const again = await ensureDemoData(upgraded);
    expect(again).toMatchObject({ operator: upgraded.operator, seeded: false });
  });
});
