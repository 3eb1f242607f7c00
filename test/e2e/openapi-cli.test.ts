import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { ROUTES } from '../../functions/routes.js';

// `npm run openapi -- --out <file>` writes the document the twin serves, for publishing.

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'bankline-openapi-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('writes the OpenAPI document to --out, with the --server URL', async () => {
  const out = join(dir, 'nested', 'openapi.json');
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', 'bin/openapi.ts', '--out', out, '--server', 'https://api.example.test/sandbox'],
    { cwd: REPO_ROOT, timeout: 30_000 },
  );
  expect(stdout).toContain(`Wrote ${out}: OpenAPI 3.1.0, ${ROUTES.length} operations.`);
  const document = JSON.parse(readFileSync(out, 'utf8'));
  expect(document.openapi).toBe('3.1.0');
  expect(document.servers[0].url).toBe('https://api.example.test/sandbox');
  expect(Object.keys(document.paths)).toContain('/v0/customers');
});
