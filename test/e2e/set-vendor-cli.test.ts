import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeState } from '../../local/state-file.js';
import { type LocalVendors, startLocalVendors } from '../../local/vendors/local-vendors.js';
import { useTestTable } from '../helpers/dynamodb-local.js';
import { runCli } from './support/run-cli.js';
import { call, type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

let twin: InProcessTwin;
let vendors: LocalVendors;
let home: string;

const keys = (...args: string[]) => runCli('bin/keys.ts', args, home);

beforeAll(async () => {
  home = mkdtempSync(join(tmpdir(), 'bankline-set-vendor-'));
  vendors = await startLocalVendors(home);
  twin = await startInProcessTwin();
  const { endpoint, tableName } = useTestTable();
  writeState(
    { dynamodb_endpoint: endpoint, table_name: tableName, in_memory: true, organization: twin.organization, tenants: twin.tenants },
    home,
  );
});
afterAll(async () => {
  await twin?.close();
  await vendors?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

/** A link token for a new person of the new bank, with no `vendor` field: the tenant's setting decides. */
const linkToken = async () => {
  const api = (path: string, body: unknown) => call(`${twin.url}${path}`, { key: twin.newBank.api_key, method: 'POST', body });
  const person = await api('/v0/persons', { status: 'ACTIVE', first_name: 'Alberta', last_name: 'Charleson' });
  expect(person.status, person.text).toBe(201);
  const link = await api('/v0/external_accounts/link_tokens', {
    customer_id: person.body.id,
    client_name: 'Demo app',
    country_codes: ['US'],
    language: 'EN',
    type: 'DEPOSITORY',
  });
  expect(link.status, link.text).toBe(201);
  return link.body as { link_token: string; vendor_customer_id?: string };
};

describe('npm run keys -- set-vendor', () => {
  it('switches the tenant to FINICITY: its next link token, without a vendor field, is a Finicity Connect link', async () => {
    expect((await linkToken()).link_token).toMatch(/^link-sandbox-/);

    const set = await keys('set-vendor', '--tenant', 'new bank', '--vendor', 'FINICITY', '--json');
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toEqual({ tenant_id: twin.newBank.id, vendor: 'FINICITY' });

    const link = await linkToken();
    expect(link.vendor_customer_id).toEqual(expect.any(String));
    expect(new URL(link.link_token).searchParams.get('customerId')).toBe(link.vendor_customer_id);

    const back = await keys('set-vendor', '--tenant', twin.newBank.id, '--vendor', 'plaid');
    expect(back.code, back.stderr).toBe(0);
    expect(back.stdout.trim()).toBe(`Tenant ${twin.newBank.id} now links external accounts through PLAID.`);
    expect((await linkToken()).link_token).toMatch(/^link-sandbox-/);
  });

  it('refuses a bad --vendor with a one-line error and exit code 2, changing nothing', async () => {
    const bad = await keys('set-vendor', '--tenant', 'new bank', '--vendor', 'MX');
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toEqual(['keys: --vendor must be PLAID or FINICITY']);
    const missing = await keys('set-vendor', '--tenant', 'new bank');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual(['keys: --vendor must be PLAID or FINICITY']);
    expect((await linkToken()).link_token).toMatch(/^link-sandbox-/);
  });
});
