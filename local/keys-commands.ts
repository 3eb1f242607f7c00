import type { Permission } from '../functions/routes.js';
import { parsePermissions, UnknownPermissionError } from '../functions/tenancy/api-keys.js';
import type { ApiKeyRecord, OperatorKeyRecord, Tenant } from '../functions/tenancy/model.js';
import type { TenancyStore } from '../functions/tenancy/ports.js';
import { createApiKey, createOperatorKey, createOrganization, createTenant } from '../functions/wiring/tenancy.js';
import { TENANT_HEADER } from '../functions/http/operator-access.js';
import { isUuid } from '../functions/shared/ids.js';
import { type LocalState, tenantByIdOrName } from './state-file.js';
import { AUTHORIZER_CACHE_TTL_SECONDS } from '../lib/gateway-contract.js';

// The operations behind `npm run keys`, on the tenancy use-cases and store the authorizer uses.
// Each returns what to print: a JSON value for --json, lines for people. A key's secret appears
// in exactly one place, the result of `create`, as it does for the operator on AWS.

export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/**
 * How a CLI ends on an error: a CliError of exit code 0 (usage asked for) goes to stdout, anything
 * else is one line on stderr, never a stack trace. Returns the process's exit code.
 */
export const exitCodeOf = (command: string, error: unknown): number => {
  const cliError = error instanceof CliError ? error : undefined;
  if (cliError?.exitCode === 0) console.log(cliError.message);
  else console.error(`${command}: ${(error as Error).message}`);
  return cliError?.exitCode ?? 1;
};

export interface CommandOutput {
  readonly json: unknown;
  readonly text: string;
}

const keyView = (record: ApiKeyRecord) => ({
  key_id: record.key_id,
  key_prefix: record.key_prefix,
  tenant_id: record.tenant_id,
  permissions: record.permissions,
  ...(record.description ? { description: record.description } : {}),
  creation_time: record.creation_time,
  ...(record.revoked_time ? { revoked_time: record.revoked_time } : {}),
});

/**
 * A tenant id, or a name: a demo tenant's from local.json, or any tenant of the organization
 * (what `keys tenants` lists: local.json's organization, or --organization). It must exist in the table.
 */
export const resolveTenant = async (
  store: TenancyStore,
  idOrName: string | undefined,
  state?: LocalState,
  organizationId = state?.organization?.id,
): Promise<Tenant> => {
  if (!idOrName) throw new CliError('--tenant <id|name> is required', 2);
  const id = tenantByIdOrName(state, idOrName)?.id ?? (isUuid(idOrName) ? idOrName.toLowerCase() : undefined);
  const tenant = id ? await store.getTenant(id) : undefined;
  if (tenant) return tenant;
  const all = organizationId ? await store.listTenants(organizationId) : [];
  const named = all.filter((t) => t.name.toLowerCase() === idOrName.toLowerCase());
  if (named.length === 1) return named[0]!;
  if (named.length > 1)
    throw new CliError(`${named.length} tenants are named "${idOrName}"; use the id: ${named.map((t) => t.id).join(', ')}`, 2);
  const names = (all.length ? all : (state?.tenants ?? [])).map((t) => `"${t.name}"`).join(', ');
  throw new CliError(`unknown tenant ${idOrName}${names ? `; tenants: ${names}` : ''}`);
};

/** Left-aligned columns under a header row, for people (the --json output has the same fields). */
export const table = (headers: readonly string[], rows: ReadonlyArray<readonly string[]>): string => {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(headers), ...rows.map(line)].join('\n');
};

const permissionsFrom = (list: string | undefined): Permission[] => {
  if (!list) throw new CliError('--permissions is required, e.g. customer:read,customer:write or *', 2);
  try {
    return parsePermissions(list);
  } catch (error) {
    if (error instanceof UnknownPermissionError) throw new CliError(error.message, 2);
    throw error;
  }
};

export async function createKey(
  store: TenancyStore,
  tenant: Tenant,
  permissions: string | undefined,
  description?: string,
): Promise<CommandOutput> {
  const issued = await createApiKey(store, { tenantId: tenant.id, permissions: permissionsFrom(permissions), description });
  const json = { api_key: issued.api_key, ...keyView(issued.record), organization_id: issued.record.organization_id };
  const text = [
    `API key for tenant "${tenant.name}" (${tenant.id}):`,
    '',
    `  ${issued.api_key}`,
    '',
    `key_id ${issued.record.key_id}, permissions ${issued.record.permissions.join(',')}`,
    'Store it now: it is shown once and cannot be retrieved again (only its hash is kept).',
  ].join('\n');
  return { json, text };
}

export async function listKeys(store: TenancyStore, tenant: Tenant): Promise<CommandOutput> {
  const keys = (await store.listApiKeys(tenant.id)).map(keyView);
  const rows = keys.map((k) => [
    k.key_id,
    `${k.key_prefix}…`,
    k.revoked_time ? `REVOKED ${k.revoked_time}` : 'active',
    k.creation_time,
    k.description ?? '',
    k.permissions.join(','),
  ]);
  const text = rows.length
    ? table(['KEY ID', 'PREFIX', 'STATUS', 'CREATED', 'DESCRIPTION', 'PERMISSIONS'], rows)
    : `no API keys for tenant "${tenant.name}"`;
  return { json: keys, text };
}

export async function revokeKey(store: TenancyStore, tenant: Tenant, keyId: string | undefined): Promise<CommandOutput> {
  if (!keyId) throw new CliError('--key-id is required', 2);
  const revokedTime = new Date().toISOString();
  if (!(await store.revokeApiKey(tenant.id, keyId, revokedTime))) {
    throw new CliError(`tenant "${tenant.name}" has no API key ${keyId}`);
  }
  return {
    json: { key_id: keyId, tenant_id: tenant.id, revoked_time: revokedTime },
    text: `Revoked ${keyId}. API Gateway (and the local twin) cache authorizer decisions, so the key may keep working for up to ${AUTHORIZER_CACHE_TTL_SECONDS} s.`,
  };
}

export async function listTenants(store: TenancyStore, organizationId: string | undefined): Promise<CommandOutput> {
  if (!organizationId) throw new CliError('--organization <id> is required against AWS (locally it comes from local.json)', 2);
  const tenants = await store.listTenants(organizationId);
  const json = tenants.map(({ id, name, bank_routing, organization_id, creation_time }) => ({
    id,
    name,
    bank_routing,
    organization_id,
    creation_time,
  }));
  const text = tenants.length
    ? table(
        ['TENANT ID', 'ROUTING', 'NAME'],
        tenants.map((t) => [t.id, t.bank_routing, t.name]),
      )
    : 'no tenants';
  return { json, text };
}

/** Bootstraps a fresh table (e.g. right after `cdk deploy`): the organization comes first. */
export async function createOrg(store: TenancyStore, name: string | undefined): Promise<CommandOutput> {
  if (!name) throw new CliError('--name is required', 2);
  const org = await createOrganization(store, name);
  return { json: org, text: `Organization "${org.name}": ${org.id}` };
}

export async function createTenantCommand(
  store: TenancyStore,
  input: { organizationId: string | undefined; name: string | undefined; routing: string | undefined },
): Promise<CommandOutput> {
  if (!input.organizationId || !input.name || !input.routing) {
    throw new CliError('--organization, --name and --routing (9-digit ABA number) are required', 2);
  }
  try {
    const tenant = await createTenant(store, { organizationId: input.organizationId, name: input.name, bankRouting: input.routing });
    return { json: tenant, text: `Tenant "${tenant.name}" (routing ${tenant.bank_routing}): ${tenant.id}` };
  } catch (error) {
    // The use-case's own sentences (bad routing number, unknown organization) are the message.
    throw new CliError((error as Error).message);
  }
}

// Operator keys (issue 13): one organization, every tenant of it readable, the console's actions.

const operatorKeyView = (record: OperatorKeyRecord) => ({
  key_id: record.key_id,
  key_prefix: record.key_prefix,
  kind: record.kind,
  organization_id: record.organization_id,
  ...(record.description ? { description: record.description } : {}),
  creation_time: record.creation_time,
  ...(record.revoked_time ? { revoked_time: record.revoked_time } : {}),
});

export async function createOperatorKeyCommand(
  store: TenancyStore,
  organizationId: string | undefined,
  description?: string,
): Promise<CommandOutput> {
  if (!organizationId) throw new CliError("--organization <id> is required (locally it defaults to local.json's organization)", 2);
  let issued;
  try {
    issued = await createOperatorKey(store, { organizationId, description });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  const json = { api_key: issued.api_key, ...operatorKeyView(issued.record) };
  const text = [
    `Operator key for organization ${organizationId}:`,
    '',
    `  ${issued.api_key}`,
    '',
    `key_id ${issued.record.key_id}. It reads every tenant of the organization (send ${TENANT_HEADER}: <tenant id>),`,
    'reads /v0/operator/*, and may take the console actions (console:act); it cannot call tenant write routes.',
    'Store it now: it is shown once and cannot be retrieved again (only its hash is kept).',
  ].join('\n');
  return { json, text };
}

export async function listOperatorKeys(store: TenancyStore, organizationId: string | undefined): Promise<CommandOutput> {
  if (!organizationId) throw new CliError('--organization <id> is required', 2);
  const keys = (await store.listOperatorKeys(organizationId)).map(operatorKeyView);
  const rows = keys.map((k) => [
    k.key_id,
    `${k.key_prefix}…`,
    k.revoked_time ? `REVOKED ${k.revoked_time}` : 'active',
    k.creation_time,
    k.description ?? '',
  ]);
  const text = rows.length
    ? table(['KEY ID', 'PREFIX', 'STATUS', 'CREATED', 'DESCRIPTION'], rows)
    : `no operator keys for organization ${organizationId}`;
  return { json: keys, text };
}

export async function revokeOperatorKey(
  store: TenancyStore,
  organizationId: string | undefined,
  keyId: string | undefined,
): Promise<CommandOutput> {
  if (!organizationId) throw new CliError('--organization <id> is required', 2);
  if (!keyId) throw new CliError('--key-id is required', 2);
  const revokedTime = new Date().toISOString();
  if (!(await store.revokeOperatorKey(organizationId, keyId, revokedTime))) {
    throw new CliError(`organization ${organizationId} has no operator key ${keyId}`);
  }
  return {
    json: { key_id: keyId, organization_id: organizationId, revoked_time: revokedTime },
    text: `Revoked operator key ${keyId}. Authorizer decisions are cached, so it may keep working for up to ${AUTHORIZER_CACHE_TTL_SECONDS} s.`,
  };
}
