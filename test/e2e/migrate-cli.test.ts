// `npm run migrate` as a child process against the run's DynamoDB Local (through a local.json in a
// temp BANKLINE_HOME, as it finds a running twin): a tenant of 200 persons, 10 businesses and 300
// accounts is migrated by a run killed (SIGKILL) among the persons, a second run killed among the
// accounts, and a third that finishes; nothing is ever created twice, and a fourth finds
// everything already mapped.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, listAccounts } from '../../functions/accounts/accounts.js';
import { createAccountSchemaV2 } from '../../functions/accounts/schemas.js';
import { createBusinessSchema, createPersonSchema } from '../../functions/customers/schemas.js';
import { parseWith } from '../../functions/shared/validation.js';
import { dynamoTenancyStore } from '../../functions/adapters/dynamodb/tenancy-repository.js';
import { createBusiness, listBusinesses } from '../../functions/customers/businesses.js';
import { createPerson, listPersons, updatePerson } from '../../functions/customers/persons.js';
import { runVerification } from '../../functions/customers/verifications.js';
import { listMappings } from '../../functions/mappings/mappings.js';
import type { MappingRecord } from '../../functions/mappings/model.js';
import type { Cursor, Page } from '../../functions/shared/page.js';
import { accountsContextFor, cliAudit, cliPrincipal, customersContextFor, mappingsContextFor } from '../../local/migrate/contexts.js';
import type { MigrationPlan, MigrationReport } from '../../local/migrate/model.js';
import { PERSON_BODY } from '../../local/sample-requests.js';
import { seedDemoData } from '../../local/seed.js';
import { writeState } from '../../local/state-file.js';
import { useTestTable } from '../helpers/dynamodb-local.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

let home: string;
let demo: Awaited<ReturnType<typeof seedDemoData>>;
const audit = cliAudit('e2e-seed');

interface Run {
  code: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
}

const migrate = (args: string[], env: Record<string, string> = {}): Promise<Run> =>
  new Promise((resolve) => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, BANKLINE_HOME: home, ...env };
    delete childEnv.TABLE_NAME;
    delete childEnv.DYNAMODB_ENDPOINT;
    // node itself (not the tsx wrapper), so a SIGKILL of the migration is what the test observes.
    execFile(
      process.execPath,
      ['--import', 'tsx', 'bin/migrate.ts', '--from', 'old bank', '--to', 'new bank', ...args],
      { cwd: REPO_ROOT, env: childEnv, timeout: 600_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: number | string; signal?: string }) | null;
        resolve({
          code: failed ? (typeof failed.code === 'number' ? failed.code : null) : 0,
          signal: failed?.signal ?? null,
          stdout,
          stderr,
        });
      },
    );
  });

const everyPage = async <T>(read: (cursor: Cursor | undefined) => Promise<Page<T>>): Promise<T[]> => {
  const all: T[] = [];
  let cursor: Cursor | undefined;
  do {
    const page = await read(cursor);
    all.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return all;
};
const paging = (cursor: Cursor | undefined) => ({ ascending: true, limit: 100, ...(cursor ? { cursor } : {}) });

const inPool = async <T>(items: readonly T[], work: (item: T, index: number) => Promise<void>) => {
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < items.length) {
        const i = next++;
        await work(items[i]!, i);
      }
    }),
  );
};

const tenantId = (name: string) => demo.tenants.find((t) => t.name === name)!.id;

/** The old bank's book: every person and business verified, 300 accounts. */
const seedOldBank = async () => {
  const oldBank = tenantId('old bank');
  const customers = customersContextFor(oldBank, audit);
  const accounts = accountsContextFor(oldBank, audit);
  const persons: string[] = [];
  await inPool(Array.from({ length: 200 }), async (_x, i) => {
    // Person 6 is left in REVIEW by the sandbox (no accounts); the others are ACCEPTED.
    const input = parseWith(createPersonSchema, {
      ...PERSON_BODY,
      last_name: i === 6 ? 'review' : `Tester${i}`,
      email: `p${i}@example.com`,
    });
    const person = await createPerson(customers, 'person', input);
    await runVerification(customers, { subjectKind: 'PERSON', subjectId: person.id, consent: true, style: 'current' });
    persons[i] = person.id;
  });
  const businesses: string[] = [];
  await inPool(Array.from({ length: 10 }), async (_x, i) => {
    const input = parseWith(createBusinessSchema, {
      status: 'ACTIVE',
      is_customer: true,
      entity_name: `Widgets ${i}`,
      legal_address: PERSON_BODY.legal_address,
    });
    const business = await createBusiness(customers, input);
    await runVerification(customers, { subjectKind: 'BUSINESS', subjectId: business.id, consent: true, style: 'current' });
    businesses[i] = business.id;
  });
  const primary = (kind: 'customer_id' | 'business_id', id: string) => [
    { relationship_type: 'PRIMARY_ACCOUNT_HOLDER' as const, [kind]: id },
  ];
  const openings = [
    ...persons.flatMap((id, i) => (i === 6 ? [] : [{ account_type: 'CHECKING', relationships: primary('customer_id', id) }])),
    ...persons
      .slice(0, 80)
      .flatMap((id, i) =>
        i === 6 ? [] : [{ account_type: 'LINE_OF_CREDIT', credit_limit: 100_000 + i, relationships: primary('customer_id', id) }],
      ),
    ...persons.slice(100, 112).map((id) => ({ account_type: 'SAVING', relationships: primary('customer_id', id) })),
    ...businesses.map((id) => ({ account_type: 'CHECKING', relationships: primary('business_id', id) })),
  ];
  await inPool(openings, async (body) => void (await createAccount(accounts, parseWith(createAccountSchemaV2, body))));
  // Person 5's data changes after its accounts opened and it is not verified again: the new
  // bank's own verification rejects it, so its two accounts cannot be opened there.
  await updatePerson(customers, 'person', persons[5]!, { last_name: 'rejected' });
  return { persons, businesses, accounts: openings.length };
};

const newBankBook = async () => {
  const newBank = tenantId('new bank');
  const customers = customersContextFor(newBank, audit);
  const accounts = accountsContextFor(newBank, audit);
  const mappings = mappingsContextFor(cliPrincipal(newBank, demo.organization.id), audit);
  const [persons, businesses, accountList, mapped] = await Promise.all([
    everyPage((cursor) => listPersons(customers, { filters: {}, ...paging(cursor) })),
    everyPage((cursor) => listBusinesses(customers, { filters: {}, ...paging(cursor) })),
    everyPage((cursor) => listAccounts(accounts, paging(cursor))),
    everyPage((cursor) => listMappings(mappings, { includeDeleted: true, sortBy: 'creation_time', ...paging(cursor) })),
  ]);
  return { persons, businesses, accounts: accountList.map((a) => a.account), mappings: mapped as MappingRecord[] };
};

let seeded: Awaited<ReturnType<typeof seedOldBank>>;

beforeAll(async () => {
  const { endpoint, tableName } = useTestTable();
  demo = await seedDemoData(dynamoTenancyStore, `migrate ${randomUUID()}`);
  home = mkdtempSync(join(tmpdir(), 'bankline-migrate-'));
  writeState(
    { dynamodb_endpoint: endpoint, table_name: tableName, in_memory: true, organization: demo.organization, tenants: demo.tenants },
    home,
  );
  seeded = await seedOldBank();
}, 600_000);

afterAll(() => {
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('npm run migrate', () => {
  it('--dry-run prints the plan and writes nothing', async () => {
    const run = await migrate(['--dry-run', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const plan = JSON.parse(run.stdout) as MigrationPlan;
    expect(plan.phases.persons).toMatchObject({ total: 200, create: 200, already_mapped: 0, fail: 0 });
    expect(plan.phases.businesses).toMatchObject({ total: 10, create: 10 });
    expect(plan.phases.accounts).toMatchObject({ total: seeded.accounts, create: seeded.accounts });
    const text = await migrate(['--dry-run']);
    expect(text.stdout).toContain('Plan (dry run, nothing written): "old bank"');
    const book = await newBankBook();
    expect([book.persons.length, book.businesses.length, book.accounts.length, book.mappings.length]).toEqual([0, 0, 0, 0]);
  }, 600_000);

  it('killed halfway twice, then resumed, creates every record exactly once', async () => {
    expect(seeded.accounts).toBe(300);
    // Killed right after the 120th create (a person) commits, before it is mapped.
    const first = await migrate([], { BANKLINE_MIGRATE_CRASH_AFTER: '120' });
    expect(first.signal).toBe('SIGKILL');
    expect(first.stderr).toMatch(/persons/);
    // The second run resumes the persons, then is killed among the accounts.
    const second = await migrate([], { BANKLINE_MIGRATE_CRASH_AFTER: '250' });
    expect(second.signal).toBe('SIGKILL');
    expect(second.stderr).toMatch(/accounts/);

    const midway = JSON.parse((await migrate(['--dry-run', '--json'])).stdout) as MigrationPlan;
    expect(midway.phases.persons.already_mapped).toBe(200);
    // At least the account whose create triggered the kill exists unmapped: it is resumed, not re-created.
    expect(midway.phases.accounts.resume).toBeGreaterThanOrEqual(1);
    expect(midway.phases.accounts.already_mapped).toBeGreaterThan(0);

    const final = await migrate(['--json']);
    expect(final.code, final.stderr).toBe(1);
    const report = JSON.parse(final.stdout) as MigrationReport;
    expect(report.phases.persons).toMatchObject({ total: 200, already_mapped: 200, failed: 0 });
    expect(report.phases.accounts.total).toBe(300);
    expect(report.phases.accounts.created).toBeGreaterThan(0);
    expect(report.phases.accounts.created + report.phases.accounts.already_mapped).toBe(298);
    expect(report.totals).toMatchObject({ total: 510, failed: 2, skipped: 0 });

    const book = await newBankBook();
    const live = book.mappings.filter((m) => !m.deletion_time);
    const byOld = new Map(live.map((m) => [m.old_resource_id, m.resource_id]));
    // The rejected holder's two accounts are reported with the reason (naming its new twin), and not made.
    expect(report.failed).toHaveLength(2);
    for (const failure of report.failed) {
      expect(failure).toMatchObject({ type: 'ACCOUNT', outcome: 'failed' });
      expect(failure.reason).toMatch(/^UNPROCESSABLE_ENTITY: /);
      expect(failure.reason).toContain(byOld.get(seeded.persons[5]!));
    }
    expect(book.persons).toHaveLength(200);
    expect(book.businesses).toHaveLength(10);
    expect(book.accounts).toHaveLength(298);
    expect(live).toHaveLength(508);
    expect(new Set(live.map((m) => m.old_resource_id)).size).toBe(508);
    // Every record the runs created is mapped: none was made twice and left behind.
    const mappedNew = new Set(live.map((m) => m.resource_id));
    for (const record of [...book.persons, ...book.businesses, ...book.accounts]) expect(mappedNew.has(record.id), record.id).toBe(true);
    // Verification state came along: the new bank's own sandbox KYC, REJECTED for person 5.
    const status = (oldId: string) => book.persons.find((p) => p.id === byOld.get(oldId))?.verification_status;
    expect(status(seeded.persons[0]!)).toBe('ACCEPTED');
    expect(status(seeded.persons[6]!)).toBe('REVIEW');
    expect(status(seeded.persons[5]!)).toBe('REJECTED');
    expect(book.businesses.every((b) => b.verification_status === 'ACCEPTED')).toBe(true);

    const again = await migrate(['--json']);
    const rerun = JSON.parse(again.stdout) as MigrationReport;
    expect(rerun.totals).toMatchObject({ created: 0, already_mapped: 508, failed: 2 });
    // People get a count per phase on stderr and the report on stdout.
    const text = await migrate([]);
    expect(text.stderr).toMatch(/^accounts +300\/300 +0 created, 298 already mapped, 0 skipped, 2 failed$/m);
    expect(text.stdout).toMatch(/total +510: 0 created, 508 already mapped, 0 skipped, 2 failed/);
    expect(text.stdout).toContain('Failed (re-run to retry; nothing was mapped for these):');
    expect(text.stdout).toContain('a PRIMARY_ACCOUNT_HOLDER must be ACCEPTED');
    expect((await newBankBook()).persons).toHaveLength(200);
  }, 900_000);

  it('refuses unknown tenants and a missing --to, naming the problem', async () => {
    const unknown = await migrate(['--to', 'no such bank']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown tenant no such bank');
  }, 120_000);
});
