#!/usr/bin/env -S npx tsx
// `npm run keys -- <command>`: API keys and tenants, locally or on AWS.
//
//   create  --tenant <id|name> --permissions customer:read,customer:write [--description d]
//   list    --tenant <id|name>
//   revoke  --tenant <id|name> --key-id <id>
//   tenants                                  (AWS: --organization <id>)
//   create-org    --name <name>                                      (bootstrap a fresh table)
//   create-tenant --organization <id> --name <name> --routing <aba>
//   set-vendor    --tenant <id|name> --vendor PLAID|FINICITY        (external accounts' aggregator)
//   create-operator --organization <id> [--description d]            (operator key: every tenant of the org, console)
//   list-operators  --organization <id>
//   revoke-operator --organization <id> --key-id <id>
//   any command: --json for machine output
//
// Locally (default) it uses the running twin's DynamoDB Local, or starts one on .bankline/dynamodb.
// With --table <name> [--region <r>] it talks to real DynamoDB with the default credential chain.
import { DATA_OPTIONS, parseCli, usageError } from '../local/cli/args.js';
import { dynamoTenancyStore } from '../functions/adapters/dynamodb/tenancy-repository.js';
import {
  CliError,
  exitCodeOf,
  type CommandOutput,
  createKey,
  createOperatorKeyCommand,
  createOrg,
  createTenantCommand,
  listKeys,
  listOperatorKeys,
  listTenants,
  resolveTenant,
  revokeKey,
  revokeOperatorKey,
} from '../local/keys-commands.js';
import type { LocalData } from '../local/local-data.js';
import { setVendorCommand } from '../local/vendors/set-vendor-command.js';
import { openDataTarget } from '../local/cli/data-target.js';

const USAGE = `Usage: npm run keys -- <command> [flags]
  create         --tenant <id|name> --permissions customer:read,customer:write|* [--description d]
  list           --tenant <id|name>
  revoke         --tenant <id|name> --key-id <id>
  tenants        (against AWS: --organization <id>)
  create-org     --name <name>
  create-tenant  --organization <id> --name <name> --routing <aba>
  set-vendor     --tenant <id|name> --vendor PLAID|FINICITY
  create-operator --organization <id> [--description d]   (operator key: reads every tenant, console actions, no writes)
  list-operators  --organization <id>
  revoke-operator --organization <id> --key-id <id>
  any command:   --json (machine output; use npm run -s so npm's banner stays off stdout)
                 --table <name> --region <r> (real DynamoDB instead of the local twin's)
                 --yes (no twin running and local.json's organization gone: seed a new one and rewrite local.json)
  --tenant takes an id or any name that \`keys tenants\` lists; locally --organization defaults to local.json's.`;

const COMMANDS = [
  'create',
  'list',
  'revoke',
  'tenants',
  'create-org',
  'create-tenant',
  'set-vendor',
  'create-operator',
  'list-operators',
  'revoke-operator',
];

const { positionals, values: opts } = parseCli(USAGE, {
  allowPositionals: true,
  options: {
    tenant: { type: 'string' },
    permissions: { type: 'string' },
    description: { type: 'string' },
    'key-id': { type: 'string' },
    organization: { type: 'string' },
    name: { type: 'string' },
    routing: { type: 'string' },
    vendor: { type: 'string' },
    ...DATA_OPTIONS,
  },
});
{
  const [command] = positionals;
  if (!command) usageError(USAGE, 'a command is required');
  else if (!COMMANDS.includes(command)) usageError(USAGE, `unknown command ${command}`);
}

const run = async (command: string | undefined, local: LocalData | undefined): Promise<CommandOutput> => {
  const store = dynamoTenancyStore;
  const state = local?.state;
  switch (command) {
    case 'create':
      return createKey(
        store,
        await resolveTenant(store, opts.tenant, state, opts.organization ?? state?.organization?.id),
        opts.permissions,
        opts.description,
      );
    case 'list':
      return listKeys(store, await resolveTenant(store, opts.tenant, state, opts.organization ?? state?.organization?.id));
    case 'revoke':
      return revokeKey(store, await resolveTenant(store, opts.tenant, state, opts.organization ?? state?.organization?.id), opts['key-id']);
    case 'tenants':
      return listTenants(store, opts.organization ?? state?.organization?.id);
    case 'create-org':
      return createOrg(store, opts.name);
    case 'create-tenant':
      return createTenantCommand(store, {
        organizationId: opts.organization ?? state?.organization?.id,
        name: opts.name,
        routing: opts.routing,
      });
    case 'set-vendor':
      return setVendorCommand(await resolveTenant(store, opts.tenant, state, opts.organization ?? state?.organization?.id), opts.vendor);
    case 'create-operator':
      return createOperatorKeyCommand(store, opts.organization ?? state?.organization?.id, opts.description);
    case 'list-operators':
      return listOperatorKeys(store, opts.organization ?? state?.organization?.id);
    case 'revoke-operator':
      return revokeOperatorKey(store, opts.organization ?? state?.organization?.id, opts['key-id']);
    default:
      throw new CliError(command ? `unknown command ${command}\n${USAGE}` : USAGE, 2);
  }
};

let local: LocalData | undefined;
let exitCode = 0;
try {
  const [command] = positionals;
  if (opts.help) throw new CliError(USAGE, 0);
  // Fail on a typo before paying for a DynamoDB Local start.
  if (!command || !COMMANDS.includes(command)) throw new CliError(command ? `unknown command ${command}\n${USAGE}` : USAGE, 2);
  local = await openDataTarget(opts);
  const output = await run(command, local);
  console.log(opts.json ? JSON.stringify(output.json, null, 2) : output.text);
} catch (error) {
  exitCode = exitCodeOf('keys', error);
} finally {
  await local?.close();
}
process.exit(exitCode);
