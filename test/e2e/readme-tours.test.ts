// The README's guided tours, run as written (bash, curl, jq) against the twin, so a tour that no
// longer works fails here. curl answers a 4xx or 5xx with a non-zero exit (and the body on
// stderr), and the script stops there. Left out: lines that need a twin's files on disk
// (`npm run webhooks -- listen`, `npm run ledger`, `npm run closures`) and the external-accounts tour
// (sandbox vendors; its steps are test/e2e/external-accounts-http.test.ts).
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { README_FILE } from '../../local/readme/generate-readme.js';
import { ClosureTwin } from '../../local/workflows/closure-twin.js';
import { useTestTable } from '../helpers/dynamodb-local.js';
import { type InProcessTwin, startInProcessTwin } from './support/in-process-twin.js';

const readme = readFileSync(README_FILE, 'utf8');

/** The first ```sh block after the tour's heading, without the lines the in-process twin cannot run. */
const tour = (heading: string): string => {
  const start = readme.indexOf('```sh\n', readme.indexOf(`\n### ${heading}\n`)) + '```sh\n'.length;
  return readme
    .slice(start, readme.indexOf('\n```', start))
    .split('\n')
    .filter((line) => !/^npm run (-s )?(webhooks|ledger|closures)\b/.test(line))
    .join('\n');
};

const STRICT = `set -euo pipefail
curl() { command curl --fail-with-body --silent --show-error --max-time 20 "$@"; }
`;

let twin: InProcessTwin;
let home: string;
const saved = process.env.STAGE;

beforeAll(async () => {
  process.env.STAGE = 'local'; // the twin's stage: sandbox routes and http://localhost webhooks allowed
  twin = await startInProcessTwin();
  home = mkdtempSync(join(tmpdir(), 'bankline-tours-'));
  mkdirSync(join(home, '.bankline'));
  const tenants = [twin.oldBank, twin.newBank].map(({ id, name, api_key }) => ({ id, name, api_key }));
  writeFileSync(join(home, '.bankline', 'local.json'), JSON.stringify({ url: twin.url, tenants }));
});
afterAll(async () => {
  await twin?.close();
  if (home) rmSync(home, { recursive: true, force: true });
  if (saved === undefined) delete process.env.STAGE;
  else process.env.STAGE = saved;
});

const run = async (script: string) => {
  try {
    const { stdout } = await promisify(execFile)('bash', ['-c', STRICT + script], { cwd: home, timeout: 60_000 });
    return { code: 0, stdout, stderr: '' };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
};

describe('the README tours, as written', () => {
  it.each(['Customers and accounts', 'Money movement', 'Migrating to a new bank', 'Webhooks'])('%s', async (heading) => {
    const script = tour(heading);
    expect(script).toContain('$URL');
    const { code, stderr } = await run(script);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
  });

  it('Closure: the account ends CLOSED after the clock move', async () => {
    // The closure workflow runs as in `npm start`: the same definition in aws-local-stepfunctions,
    // started from the table stream, its waits on the tenant's sandbox clock.
    const closures = new ClosureTwin({ ...useTestTable(), tenants: (tenant) => tenant === twin.oldBank.id });
    await closures.start();
    closures.run(100); // reads the stream on a timer, as `npm start` does
    try {
      const { code, stdout, stderr } = await run(tour('Closure'));
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      const last = JSON.parse(stdout.slice(stdout.lastIndexOf('{\n  "status"')));
      expect(last).toMatchObject({ status: 'CLOSED', closure: 'CLOSED' });
      expect(last.close_date).toEqual(expect.any(String));
    } finally {
      await closures.stop();
    }
  });

  it('stops at the first refused request', async () => {
    const { code, stdout } = await run(`${tour('Customers and accounts').split('\n').slice(0, 2).join('\n')}
curl -s "\${H[@]}" $URL/v0/customers -d '{}'
echo unreachable`);
    expect(code).not.toBe(0);
    expect(stdout).not.toContain('unreachable');
  });
});
