import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent } from 'aws-lambda';
import { FUNCTIONS, type FunctionDefinition, functionsOfKind, type TriggerKind } from '../functions/functions.js';
import { createAuthorizerGate } from './authorizer-gate.js';
import { type EventOfKind, triggerKindOf } from './events/kinds.js';
import { MarkerError, markerOf, withoutMarker } from './events/marker.js';
import { queueNameOf } from './events/sqs.js';
import { authorizerHandler } from './function-modules.js';
import { EVENTS_DIR } from './generate-events.js';
import { type GatewayResponse, type HandlerErrorReporter, reportToStderr, runIntegration } from './integration.js';
import { invokeFunction } from './lambda-invoke.js';
import {
  API_KEY_PLACEHOLDER,
  DEFAULT_SAMPLE_TENANT,
  OPERATOR_SAMPLE_KEY,
  ID_FIXTURES,
  ID_PLACEHOLDER,
  TENANT_PLACEHOLDER,
  UNIQUE_PLACEHOLDER,
} from './placeholders.js';
import { routeForResource } from './route-matcher.js';
import type { LocalState } from './state-file.js';
import { SANDBOX_FIXTURES } from './vendors/sandbox-fixtures.js';

// Runs a recorded event through the function the registry (functions/functions.ts) says it is
// for, against the local table: an API Gateway proxy event through the same authorizer and
// handler the twin uses, any other event straight to its function, invoked as its AWS event
// source would. The function is named by the event's `_bankline` marker (events/marker.ts) or
// told by its shape. Placeholders are resolved first (local/placeholders.ts): API keys from
// local.json, ids by replaying the event that creates the resource, under the same API key so
// the tenant matches.

export type ReplayOutcome =
  | { readonly kind: 'proxy'; readonly response: GatewayResponse }
  | { readonly kind: 'authorizer'; readonly result: APIGatewayAuthorizerResult }
  | { readonly kind: 'authorizer-denied'; readonly error: string }
  /** A function of another trigger kind returned this (a batch response, a state's output...). */
  | { readonly kind: 'function'; readonly function: string; readonly trigger: TriggerKind; readonly result: unknown }
  | { readonly kind: 'function-failed'; readonly function: string; readonly trigger: TriggerKind; readonly error: string };

export interface ReplayOptions {
  readonly state: LocalState;
  /** Relative event paths resolve here; defaults to the repository's events/. */
  readonly eventsDir?: string;
  readonly onHandlerError?: HandlerErrorReporter;
  /** Placeholder values given by the caller (`--set account_id=<id>`): used as they are, nothing created for them. */
  readonly preset?: Readonly<Record<string, string>>;
}

/** A record a placeholder made: `{{account_id}}` ← the id, by replaying that event. */
export interface CreatedRecord {
  readonly placeholder: string;
  readonly id: string;
  readonly by: string;
}

/** Every placeholder `--set` may name. */
export const knownPlaceholders = (): string[] => [...Object.keys(ID_FIXTURES), ...Object.keys(SANDBOX_FIXTURES)].sort();

export class ReplayError extends Error {}

const MAX_FIXTURE_DEPTH = 6;

const mapStrings = (value: unknown, fn: (s: string) => string): unknown => {
  if (typeof value === 'string') return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapStrings(v, fn)]));
  }
  return value;
};

const placeholdersIn = (value: unknown, pattern: RegExp): Set<string> => {
  const found = new Set<string>();
  mapStrings(value, (s) => {
    for (const match of s.matchAll(pattern)) found.add(match[1]!);
    return s;
  });
  return found;
};

const names = (fns: readonly FunctionDefinition[]): string => fns.map((fn) => fn.name).join(', ') || 'none';

/**
 * The function an event is for: its marker's, or the one function its shape fits. Undefined for
 * an unmarked API Gateway proxy event, whose route decides.
 */
const targetOf = (event: Record<string, unknown>): FunctionDefinition | undefined => {
  let marker;
  try {
    marker = markerOf(event);
  } catch (error) {
    if (error instanceof MarkerError) throw new ReplayError(error.message);
    throw error;
  }
  const kind = triggerKindOf(withoutMarker(event));
  if (marker) {
    const named = FUNCTIONS.find((fn) => fn.name === marker.function);
    if (!named)
      throw new ReplayError(
        `the event names function ${marker.function}, which functions/functions.ts does not have (functions: ${names(FUNCTIONS)})`,
      );
    if (kind && kind !== named.trigger.kind)
      throw new ReplayError(`the event is a ${kind} event, but function ${named.name} is triggered by ${named.trigger.kind}`);
    return named;
  }
  const marked = (hint: string) => `add "_bankline": {"function": "<name>"} to the event (${hint})`;
  if (!kind) throw new ReplayError(`cannot tell what kind of event this is: ${marked(`functions: ${names(FUNCTIONS)}`)}`);
  if (kind === 'http') return undefined;
  let candidates = functionsOfKind(kind);
  if (kind === 'queue') {
    const queue = queueNameOf(String((event as unknown as EventOfKind['queue']).Records[0]?.eventSourceARN ?? ''));
    candidates = functionsOfKind('queue').filter((fn) => fn.trigger.queue === queue);
  }
  if (kind === 'workflow-task') {
    // A task belongs to its state machine: `$$.Execution.Id` is arn:...:execution:<machine>:<name>.
    const machine = String((event as { execution?: { Id?: unknown } }).execution?.Id ?? '').split(':')[6];
    candidates = functionsOfKind('workflow-task').filter((fn) => fn.trigger.stateMachine === machine);
  }
  if (candidates.length !== 1)
    throw new ReplayError(
      `${candidates.length === 0 ? 'no' : 'more than one'} ${kind} function fits this event: ${marked(`${kind} functions: ${names(candidates)}`)}`,
    );
  return candidates[0]!;
};

const authorizationOf = (event: Record<string, unknown>): string | undefined =>
  Object.entries((event.headers ?? {}) as Record<string, string>).find(([n]) => n.toLowerCase() === 'authorization')?.[1];

/** Sets the Authorization header in both header maps, keeping the event's own spelling of the name. */
const withAuthorization = (event: Record<string, unknown>, value: string): Record<string, unknown> => {
  const set = <T>(map: unknown, v: T): Record<string, T> => {
    const entries = Object.entries((map ?? {}) as Record<string, T>);
    const name = entries.find(([n]) => n.toLowerCase() === 'authorization')?.[0] ?? 'Authorization';
    return { ...Object.fromEntries(entries), [name]: v };
  };
  return { ...event, headers: set(event.headers, value), multiValueHeaders: set(event.multiValueHeaders, [value]) };
};

/** The event with fields merged into its JSON body. */
const withBody = (event: Record<string, unknown>, fields: Readonly<Record<string, unknown>>): Record<string, unknown> => {
  const body = typeof event.body === 'string' && event.body ? (JSON.parse(event.body) as Record<string, unknown>) : {};
  return { ...event, body: JSON.stringify({ ...body, ...fields }) };
};

/** `events/customers/x.json` from the repository root, or `customers/x.json` relative to events/. */
export const loadEventFile = (file: string, eventsDir = EVENTS_DIR): unknown => {
  const path = isAbsolute(file) ? file : ([resolve(file), join(eventsDir, file)].find((p) => existsSync(p)) ?? resolve(file));
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ReplayError(`cannot read event ${file}: ${(error as Error).message}`);
  }
};

const responseOf = (outcome: ReplayOutcome) => {
  const response = outcome.kind === 'proxy' ? outcome.response : undefined;
  return { response, text: response?.body.toString('utf8') ?? '' };
};

interface Replayed {
  outcome: ReplayOutcome;
  /** What each `{{x_id}}` of the event resolved to. */
  used: Record<string, string>;
}

export const createReplayer = (options: ReplayOptions) => {
  const eventsDir = options.eventsDir ?? EVENTS_DIR;
  const report = options.onHandlerError ?? reportToStderr;
  // Replays are one-off invocations: no decision cache, each run sees the key's current state.
  const authorize = createAuthorizerGate({ authorizer: authorizerHandler, cacheTtlSeconds: 0 });
  /** `<authorization>|<placeholder>` → id, so one replay creates each fixture once per tenant. */
  const created = new Map<string, string>();
  const records: CreatedRecord[] = [];
  for (const name of Object.keys(options.preset ?? {})) {
    if (!knownPlaceholders().includes(name)) throw new ReplayError(`unknown placeholder ${name}; known: ${knownPlaceholders().join(', ')}`);
  }

  const tenantNamed = (tenantName: string) => {
    const tenant = options.state.tenants.find((t) => t.name.toLowerCase() === tenantName.toLowerCase());
    if (!tenant)
      throw new ReplayError(
        `no tenant named "${tenantName}" in local.json (known: ${options.state.tenants.map((t) => t.name).join(', ')})`,
      );
    return tenant;
  };
  const apiKeyFor = (tenantName: string): string => {
    if (tenantName !== OPERATOR_SAMPLE_KEY) return tenantNamed(tenantName).api_key;
    if (!options.state.operator) throw new ReplayError('local.json has no operator key: restart the twin (npm start) to create one');
    return options.state.operator.api_key;
  };

  const createFixture = async (name: string, authorization: string | undefined, depth: number): Promise<string> => {
    const given = options.preset?.[name];
    if (given !== undefined) return given;
    const sandbox = SANDBOX_FIXTURES[name];
    if (sandbox) {
      const memo = `${authorization}|${name}`;
      const made =
        created.get(memo) ??
        (await sandbox({ vendors: options.state.vendors, resolve: (other) => createFixture(other, authorization, depth + 1) }));
      if (!created.has(memo)) records.push({ placeholder: name, id: made, by: 'the sandbox vendor' });
      created.set(memo, made);
      return made;
    }
    const fixture = ID_FIXTURES[name];
    if (!fixture) throw new ReplayError(`unknown placeholder {{${name}}}; known: ${Object.keys(ID_FIXTURES).join(', ')}`);
    // A fixture may belong to another demo tenant (the other side of a migration mapping).
    const actingAs = fixture.tenant ? `Bearer ${apiKeyFor(fixture.tenant)}` : authorization;
    const memo = `${actingAs}|${name}`;
    const known = created.get(memo);
    if (known) return known;
    let event = loadEventFile(fixture.event, eventsDir);
    for (const [from, to] of Object.entries(fixture.rename ?? {})) {
      event = mapStrings(event, (s) => s.replaceAll(`{{${from}}}`, `{{${to}}}`));
    }
    if (fixture.body) event = withBody(event as Record<string, unknown>, fixture.body);
    if (fixture.before?.length) {
      // The fixture's own ids first (memoised, so its replay below reuses them), then the steps.
      for (const needed of placeholdersIn(event, ID_PLACEHOLDER)) await createFixture(needed, actingAs, depth + 1);
      for (const step of fixture.before) {
        let stepEvent = loadEventFile(step.event, eventsDir);
        if (step.body) stepEvent = withBody(stepEvent as Record<string, unknown>, step.body);
        const { response, text } = responseOf((await replay(stepEvent, actingAs, depth + 1)).outcome);
        if (!response || response.statusCode >= 300)
          throw new ReplayError(
            `could not create {{${name}}}: replaying events/${step.event} first failed (status ${response?.statusCode ?? 'none'}): ${text}`,
          );
      }
    }
    const { outcome, used } = await replay(event, actingAs, depth + 1);
    const { response, text } = responseOf(outcome);
    const body = text ? JSON.parse(text) : undefined;
    const id = response && response.statusCode < 300 ? fixture.pick(body, used) : undefined;
    if (typeof id !== 'string') {
      throw new ReplayError(
        `could not create {{${name}}} by replaying events/${fixture.event} (status ${response?.statusCode ?? outcome.kind}): ${text}`,
      );
    }
    created.set(memo, id);
    records.push({ placeholder: name, id, by: `events/${fixture.event}` });
    return id;
  };

  /** Replaces `{{..._id}}` placeholders by ids created under the authorization (asked for only if needed). */
  const resolveIds = async <T>(
    event: T,
    authorization: () => string | undefined,
    depth: number,
  ): Promise<{ resolved: T; used: Record<string, string> }> => {
    const used: Record<string, string> = {};
    for (const name of placeholdersIn(event, ID_PLACEHOLDER)) used[name] = await createFixture(name, authorization(), depth);
    return { resolved: mapStrings(event, (s) => s.replace(ID_PLACEHOLDER, (m, name: string) => used[name] ?? m)) as T, used };
  };

  /** Straight to the function, as its event source would invoke it. */
  const invokeDirectly = async (fn: FunctionDefinition, raw: Record<string, unknown>, depth: number): Promise<Replayed> => {
    const tenant = markerOf(raw)?.tenant ?? DEFAULT_SAMPLE_TENANT;
    const { resolved, used } = await resolveIds(withoutMarker(raw), () => `Bearer ${apiKeyFor(tenant)}`, depth);
    const outcome = await invokeFunction(fn, resolved as never);
    if (outcome.ok) {
      const result =
        fn.trigger.kind === 'authorizer'
          ? ({ kind: 'authorizer', result: outcome.result as APIGatewayAuthorizerResult } as const)
          : ({ kind: 'function', function: fn.name, trigger: fn.trigger.kind, result: outcome.result } as const);
      return { outcome: result, used };
    }
    const error =
      outcome.reason === 'error'
        ? String(outcome.error instanceof Error ? outcome.error.message : outcome.error)
        : `${outcome.reason} result`;
    // API Gateway's reading of the authorizer: exactly "Unauthorized" is a 401, anything else a 500.
    if (fn.trigger.kind === 'authorizer') return { outcome: { kind: 'authorizer-denied', error }, used };
    if (outcome.reason === 'error') report(`${fn.name} failed`, outcome.error);
    return { outcome: { kind: 'function-failed', function: fn.name, trigger: fn.trigger.kind, error }, used };
  };

  /** `authorization` (already resolved) replaces the event's own header: fixtures act as their parent's tenant. */
  const replay = async (raw: unknown, authorization: string | undefined, depth: number): Promise<Replayed> => {
    if (depth > MAX_FIXTURE_DEPTH) throw new ReplayError('placeholder fixtures nest too deeply');
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ReplayError('an event must be a JSON object');
    let event = mapStrings(raw, (s) =>
      s
        .replace(API_KEY_PLACEHOLDER, (_m, tenant: string) => apiKeyFor(tenant))
        .replace(TENANT_PLACEHOLDER, (_m, tenant: string) => tenantNamed(tenant).id)
        .replace(UNIQUE_PLACEHOLDER, () => randomBytes(3).toString('hex')),
    ) as Record<string, unknown>;

    const target = targetOf(event);
    if (target && target.trigger.kind !== 'http') return invokeDirectly(target, event, depth);

    event = withoutMarker(event);
    if (authorization !== undefined) event = withAuthorization(event, authorization);
    const header = authorizationOf(event);
    const { resolved, used } = await resolveIds(event as unknown as APIGatewayProxyEvent, () => header, depth);

    const route = routeForResource(resolved.httpMethod, resolved.resource);
    if (!route) throw new ReplayError(`no route ${resolved.httpMethod} ${resolved.resource} in functions/routes.ts`);
    if (target?.trigger.kind === 'http' && target.trigger.domain !== route.domain) {
      throw new ReplayError(`the event names function ${target.name}, but ${route.method} ${route.path} is served by ${route.domain}`);
    }
    return { outcome: { kind: 'proxy', response: await runIntegration(resolved, route, authorize, report) }, used };
  };

  const run = async (event: unknown): Promise<ReplayOutcome> => (await replay(event, undefined, 0)).outcome;
  /** The records placeholders created so far, in creation order (dependencies first). */
  return Object.assign(run, { created: (): readonly CreatedRecord[] => [...records] });
};
