import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dynamoTenancyStore } from '../../../functions/adapters/dynamodb/tenancy-repository.js';
import { LEDGER_KEYS } from '../../../functions/adapters/dynamodb/ledger-keys.js';
import { tenantGlId } from '../../../functions/ledger/gl.js';
import { createTransfer } from '../../../functions/ledger/transfers.js';
import { systemClock } from '../../../functions/shared/clock.js';
import { ledgerContext } from '../../../functions/wiring/ledger.js';
import { type DemoData, seedDemoData } from '../../../local/seed.js';
import { writeState } from '../../../local/state-file.js';
import { table, TEST_TABLE } from '../../helpers/api.js';
import { useTestTable } from '../../helpers/dynamodb-local.js';

// `npm run ledger -- trial-balance` as a child process, pointed (through local.json in a temp
// BANKLINE_HOME) at the run's DynamoDB Local: its text and JSON output, and exit code 1 when a
// tenant's books do not balance.

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
let home: string;
let demo: DemoData;

const ledgerCli = async (...args: string[]) => {
  const env: NodeJS.ProcessEnv = { ...process.env, BANKLINE_HOME: home };
  delete env.TABLE_NAME;
  delete env.DYNAMODB_ENDPOINT;
  try {
    const { stdout, stderr } = await promisify(execFile)(TSX, ['bin/ledger.ts', ...args], { cwd: REPO_ROOT, env, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
};

beforeAll(async () => {
  const { endpoint, tableName } = useTestTable();
  demo = await seedDemoData(dynamoTenancyStore, `it-trial-balance-${Date.now()}`);
  home = mkdtempSync(join(tmpdir(), 'bankline-ledger-cli-'));
  writeState(
    { dynamodb_endpoint: endpoint, table_name: tableName, in_memory: true, organization: demo.organization, tenants: demo.tenants },
    home,
  );
});
afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('npm run ledger -- trial-balance', () => {
  it('prints each tenant balanced, with its per-currency sums; --json has the same; an imbalance exits 1', async () => {
    const oldBank = demo.tenants.find((t) => t.name === 'old bank')!;
    const ctx = ledgerContext({
      tenantId: oldBank.id,
      clock: systemClock,
      audit: { request_id: 't', api_key_id: 't', method: 'TEST', path: '/t' },
    });
    await createTransfer(
      ctx,
      {
        amount: 1_234,
        currency: 'USD',
        type: 'ACCOUNT_TO_ACCOUNT',
        originating_account_id: tenantGlId(oldBank.id, 'FUNDING'),
        receiving_account_id: tenantGlId(oldBank.id, 'FEE_INCOME'),
      },
      'PLATFORM',
    );

    const text = await ledgerCli('trial-balance', '--tenant', 'old bank');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain(`old bank (${oldBank.id}): balanced`);
    expect(text.stdout).toMatch(/ {2}USD {2}customers 0 {2}GLs 0 {2}net 0 {2}\(8 accounts\)/);

    const json = await ledgerCli('trial-balance', '--json');
    expect(json.code, json.stderr).toBe(0);
    const report = JSON.parse(json.stdout) as { name: string; balanced: boolean; rows: { currency: string; net: number }[] }[];
    expect(report.map((t) => t.name).sort()).toEqual(['new bank', 'old bank']);
    expect(report.every((t) => t.balanced)).toBe(true);

    // A GL shard changed outside any transaction: the books no longer balance.
    await table().send(
      new UpdateCommand({
        TableName: TEST_TABLE,
        Key: LEDGER_KEYS.glShard(oldBank.id, tenantGlId(oldBank.id, 'FEE_INCOME'), 0),
        UpdateExpression: 'ADD net_credit :d',
        ExpressionAttributeValues: { ':d': 5 },
      }),
    );
    const broken = await ledgerCli('trial-balance', '--tenant', oldBank.id);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain('OUT OF BALANCE');
    expect(broken.stdout).toMatch(/net 5 /);
  });
});
