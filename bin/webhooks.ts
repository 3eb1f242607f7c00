#!/usr/bin/env -S npx tsx
// `npm run webhooks -- listen [--forward-to http://localhost:4000/hook] [--tenant <id|name>] [--events ACCOUNT.*,PERSON.*]`
//
// Subscribes a temporary endpoint on the running twin (`npm start`), prints each delivery with
// the result of both signature checks, forwards it to --forward-to if given, and deletes the
// subscription on Ctrl-C. The tenant's signing secret is read from the twin's table (created if
// the tenant has none), never printed.
import { HELP, parseCli, usageError } from '../local/cli/args.js';
import { dynamoSecretStore } from '../functions/adapters/dynamodb/webhook-secret-store.js';
import { liveSecrets } from '../functions/webhooks/secrets.js';
import { pointFunctionsAt } from '../local/functions-env.js';
import { readState, tenantByIdOrName } from '../local/state-file.js';
import { startListener } from '../local/webhooks/listen.js';

const ALL_EVENTS = [
  'ACCOUNT.*',
  'ACCOUNT_PRODUCT.*',
  'ACCOUNT_TEMPLATE.*',
  'BUSINESS.*',
  'CUSTOMER.*',
  'EXTERNAL_ACCOUNT.*',
  'INTERNAL_ACCOUNT.*',
  'INTERNAL_TRANSFER.*',
  'PERSON.*',
  'RESOURCE_MAPPING.*',
  'STATEMENT.*',
  'TRANSACTION.*',
  'ACH.*',
  'INTEREST.*',
];

const USAGE = 'Usage: npm run webhooks -- listen [--forward-to <url>] [--tenant <id|name>] [--events E1,E2]';

const { positionals, values } = parseCli(USAGE, {
  allowPositionals: true,
  options: { 'forward-to': { type: 'string' }, tenant: { type: 'string' }, events: { type: 'string' }, help: HELP },
});
if (positionals[0] !== 'listen') usageError(USAGE, positionals[0] ? `unknown command ${positionals[0]}` : 'a command is required (listen)');

async function main(): Promise<void> {
  if (values.help || positionals[0] !== 'listen') {
    console.log(USAGE);
    process.exit(values.help ? 0 : 2);
  }
  const state = readState();
  if (!state?.url || !state.dynamodb_endpoint) throw new Error('no twin is running: start one with npm start');
  const tenant = values.tenant ? tenantByIdOrName(state, values.tenant) : state.tenants[0];
  if (!tenant) throw new Error(`no tenant ${values.tenant ?? ''} in ${state.url}'s demo data`);
  pointFunctionsAt({ tableName: state.table_name, endpoint: state.dynamodb_endpoint });

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${state.url}${path}`, {
      method,
      headers: { Authorization: `Bearer ${tenant.api_key}`, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json().catch(() => ({}))) as Record<string, unknown> };
  };

  const created = await api('POST', '/v0/webhook_secrets');
  if (created.status !== 201 && created.status !== 409) throw new Error(`could not create a webhook secret: ${created.status}`);
  const secrets = async () => liveSecrets(await dynamoSecretStore.get(tenant.id), new Date());

  const listener = await startListener({
    secrets,
    ...(values['forward-to'] ? { forwardTo: values['forward-to'] } : {}),
    print: console.log,
  });
  const events = values.events ? values.events.split(',') : ALL_EVENTS;
  const hook = await api('POST', '/v0/webhooks', {
    url: listener.url,
    enabled_events: events,
    is_enabled: true,
    description: 'npm run webhooks -- listen (temporary)',
    metadata: 'bankline-listen',
  });
  if (hook.status !== 201) throw new Error(`could not subscribe: ${hook.status} ${JSON.stringify(hook.body)}`);
  console.log(
    `Listening for ${events.join(', ')} of tenant ${tenant.name} on ${listener.url}${values['forward-to'] ? `, forwarding to ${values['forward-to']}` : ''}.`,
  );
  console.log(`Subscription ${hook.body.id} is removed on Ctrl-C. Try: POST ${state.url}/v0/webhooks/trigger {"event":"ACCOUNT.UPDATED"}`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await api('DELETE', `/v0/webhooks/${hook.body.id}`).catch(() => undefined);
    await listener.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(`webhooks: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
