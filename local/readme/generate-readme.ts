// `npm run readme`: rewrites the README's endpoint table (between its markers) from the route
// table and the Synctera routes Bankline knows; `-- --check` only compares (exit 1 on drift).
// Run it after adding a route; a unit test fails until it has run.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ROUTES } from '../../functions/routes.js';
import { HELP, parseCli } from '../cli/args.js';
import { SYNCTERA_CONTRACT_ROUTES } from '../synctera/contract-routes.js';
import { SYNCTERA_ROUTES } from '../synctera/routes.generated.js';
import { renderEndpointTable, spliceEndpointTable } from './endpoint-table.js';

export const README_FILE = fileURLToPath(new URL('../../README.md', import.meta.url));

/** The table as the route table and the Synctera route lists make it today. */
export const currentEndpointTable = (): string => renderEndpointTable(ROUTES, [...SYNCTERA_ROUTES, ...SYNCTERA_CONTRACT_ROUTES]);

const USAGE = `Usage: npm run readme [-- --check]
  rewrites the endpoint table in README.md from functions/routes.ts and local/synctera/; --check only verifies it (exit 1 if it differs)`;

const main = (): void => {
  const { values } = parseCli(USAGE, { options: { check: { type: 'boolean', default: false }, help: HELP } });
  const text = readFileSync(README_FILE, 'utf8');
  const updated = spliceEndpointTable(text, currentEndpointTable());
  if (values.check) {
    if (updated !== text) {
      console.error('README.md: the endpoint table differs from the route table; run npm run readme');
      process.exit(1);
    }
    console.log('README.md: the endpoint table is up to date');
    return;
  }
  if (updated !== text) writeFileSync(README_FILE, updated);
  console.log(updated === text ? 'README.md: the endpoint table was already up to date' : 'README.md: endpoint table rewritten');
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error(`npm run readme: ${(error as Error).message}`);
    process.exit(1);
  }
}
