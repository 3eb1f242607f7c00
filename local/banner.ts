import { relative } from 'node:path';
import type { LocalState } from './state-file.js';

// What `npm start` shows a developer. Printing the demo API keys is the point of this screen
// (they are sandbox keys, also kept in local.json); this is terminal output, never a log line.

export const READY_LINE_PREFIX = 'Bankline local twin running at';

const shortPath = (path: string): string => {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
};

export const startupBanner = (state: LocalState & { url: string }, stateFile: string, dataDir: string | null): string => {
  const first = state.tenants[0];
  const lines = [
    `${READY_LINE_PREFIX} ${state.url}`,
    '',
    `  DynamoDB Local  ${state.dynamodb_endpoint}  table ${state.table_name}, ${dataDir ? `data in ${shortPath(dataDir)}` : 'in memory (gone on exit)'}`,
    `  Organization    ${state.organization?.name} (${state.organization?.id})`,
    `  Console         ${state.url}/console/  (sign-in pre-filled with the operator key on this machine)`,
    '',
  ];
  for (const tenant of state.tenants) {
    lines.push(`  Tenant "${tenant.name}"  id ${tenant.id}  routing ${tenant.bank_routing}`);
    lines.push(`    API key  ${tenant.api_key}`);
  }
  if (state.operator) {
    lines.push(
      '',
      `  Operator key (every tenant of the organization, read-only + console actions; send X-Bankline-Tenant: <tenant id>)`,
      `    ${state.operator.api_key}`,
    );
  }
  if (first) {
    lines.push(
      '',
      'Try it:',
      `  curl -s ${state.url}/v0/customers -H "Authorization: Bearer ${first.api_key}"`,
      '',
      `  npm run keys -- create --tenant "${first.name}" --permissions customer:read`,
      '  npm run replay -- events/customers/create-customer.json',
    );
  }
  lines.push('', `State in ${shortPath(stateFile)}. Stop with Ctrl-C.`);
  return lines.join('\n');
};
