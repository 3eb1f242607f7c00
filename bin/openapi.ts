#!/usr/bin/env -S npx tsx
// `npm run openapi`: writes the API's OpenAPI 3.1 document (lib/openapi/document.ts, built from
// the route table and the zod schemas) to a file, for publishing. Needs no twin and no data.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { HELP, parseCli } from '../local/cli/args.js';
import { openApiDocument } from '../lib/openapi/document.js';

const USAGE = `Usage: npm run openapi -- [--out <file>] [--server <url>]
  --out <file>    where to write the document (default dist/openapi.json)
  --server <url>  the API's base URL for the document's servers entry, e.g. the stage's ApiUrl (default /)`;

const { values } = parseCli(USAGE, {
  options: { out: { type: 'string', default: 'dist/openapi.json' }, server: { type: 'string' }, help: HELP },
});

const out = resolve(values.out);
const document = openApiDocument(values.server ? { serverUrl: values.server } : {});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(document, null, 2)}\n`);
const operations = Object.values(document.paths as Record<string, object>).reduce((n, item) => n + Object.keys(item).length, 0);
console.log(`Wrote ${out}: OpenAPI ${document.openapi}, ${operations} operations.`);
