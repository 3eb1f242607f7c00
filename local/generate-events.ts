// Writes events/: for every function of the registry (functions/functions.ts) its sample
// events. An HTTP domain gets one API Gateway proxy event per route of the route table
// (events/<collection>/<operation>.json, bodies from sample-requests.ts); every other function
// one event of its trigger kind (events/<function>/<kind>.json, from function-samples.ts),
// marked with the function's name. Generated, not hand-written, so no route or function is
// forgotten and every event is exactly what the twin (and AWS) would hand the handler.
//
//   npm run events                write the files
//   npm run events -- --check     exit 1 if a file is missing, differs or is not generated
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { authorizerFunction, FUNCTIONS, type FunctionDefinition, type TriggerKind } from '../functions/functions.js';
import { ROUTES, type Route } from '../functions/routes.js';
import { type IncomingRequest, toProxyEvent } from './apigw-event.js';
import { uuidFor } from './events/aws-ids.js';
import { triggerKindOf } from './events/kinds.js';
import { withMarker } from './events/marker.js';
import { HELP, parseCli } from './cli/args.js';
import { FUNCTION_SAMPLES } from './function-samples.js';
import { DEFAULT_SAMPLE_TENANT, OPERATOR_SAMPLE_KEY, placeholderFor } from './placeholders.js';
import { createRouteMatcher } from './route-matcher.js';
import { SAMPLES } from './sample-requests.js';

export const EVENTS_DIR = fileURLToPath(new URL('../events/', import.meta.url));

// Pinned so regenerating produces byte-identical files.
const GENERATED_AT = new Date('2025-01-15T12:00:00.000Z');

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `POST /v0/customers/{customer_id}/verify` (verifyCustomer) → `customers/verify-customer.json`. */
export const eventFileFor = (route: Route): string => `${route.path.split('/')[2]}/${kebab(route.operation)}.json`;

/** The file name says what the event is. */
const KIND_FILES: Readonly<Record<Exclude<TriggerKind, 'http'>, string>> = {
  authorizer: 'request.json',
  'workflow-task': 'task-input.json',
  'table-stream': 'stream-records.json',
  queue: 'sqs-messages.json',
  schedule: 'scheduled-event.json',
};

/** The sample files of a registry function: one per route for an HTTP domain, else one. */
export const eventFilesOf = (fn: FunctionDefinition): string[] => {
  const { trigger } = fn;
  return trigger.kind === 'http'
    ? ROUTES.filter((r) => r.domain === trigger.domain).map(eventFileFor)
    : [`${fn.name}/${KIND_FILES[trigger.kind]}`];
};

export const AUTHORIZER_EVENT_FILE = eventFilesOf(authorizerFunction())[0]!;

const sampleRequest = (route: Route): IncomingRequest => {
  const sample = SAMPLES[route.operation];
  if (!sample) throw new Error(`local/sample-requests.ts has no sample for ${route.operation}`);
  const hasBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT';
  if (hasBody && !sample.body) throw new Error(`local/sample-requests.ts needs a body for ${route.operation}`);
  const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => placeholderFor(sample.pathPlaceholders?.[name] ?? name));
  const headers: Array<[string, string]> = [
    ['Host', 'localhost:3000'],
    ['User-Agent', 'curl/8.5.0'],
    ['Accept', 'application/json'],
    ['Authorization', `Bearer {{api_key:${sample.operator ? OPERATOR_SAMPLE_KEY : DEFAULT_SAMPLE_TENANT}}}`],
  ];
  if (sample.body) headers.push(['Content-Type', 'application/json']);
  return {
    method: route.method,
    url: sample.query ? `${path}?${sample.query}` : path,
    headers,
    body: sample.body ? JSON.stringify(sample.body) : null,
    sourceIp: '127.0.0.1',
    requestId: uuidFor(route.operation),
    now: GENERATED_AT,
  };
};

export const sampleEventFor = (route: Route): APIGatewayProxyEvent => {
  const request = sampleRequest(route);
  // Through the twin's own matcher: a placeholder must resolve to this very route.
  const match = createRouteMatcher()(request.method, request.url.split('?')[0]!);
  if (match?.route !== route) throw new Error(`sample path for ${route.operation} does not match its own route`);
  return toProxyEvent(request, match);
};

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

export interface RenderedEvents {
  /** Relative path under events/ → file content. */
  readonly files: Map<string, string>;
  /** Routes that could not be rendered (no sample yet); the others are still written. */
  readonly problems: string[];
}

const proxyEventOf = (operation: string): APIGatewayProxyEvent => {
  const route = ROUTES.find((r) => r.operation === operation);
  if (!route) throw new Error(`no route has operation ${operation}`);
  return sampleEventFor(route);
};

/** A non-HTTP function's sample, marked with its name; it must be an event of its trigger kind. */
const functionSample = (fn: FunctionDefinition): unknown => {
  const build = FUNCTION_SAMPLES[fn.name];
  if (!build) throw new Error('no sample event: add one to local/function-samples.ts');
  const event = build({ proxyEvent: proxyEventOf, now: GENERATED_AT, seed: fn.name });
  const kind = triggerKindOf(event);
  // Workflow task inputs are recognised by their context fields only when built with workflowTaskEvent.
  if (kind !== fn.trigger.kind)
    throw new Error(`its sample is ${kind ? `a ${kind} event` : 'not a recognisable event'}, not a ${fn.trigger.kind} event`);
  return withMarker({ function: fn.name }, event);
};

export const renderSampleEvents = (): RenderedEvents => {
  const files = new Map<string, string>();
  const problems: string[] = [];
  for (const route of ROUTES) {
    try {
      files.set(eventFileFor(route), json(sampleEventFor(route)));
    } catch (error) {
      problems.push(`${route.method} ${route.path}: ${(error as Error).message}`);
    }
  }
  for (const fn of FUNCTIONS) {
    if (fn.trigger.kind === 'http') {
      if (eventFilesOf(fn).length === 0)
        problems.push(`function ${fn.name}: domain ${fn.trigger.domain} has no route in functions/routes.ts`);
      continue;
    }
    try {
      files.set(eventFilesOf(fn)[0]!, json(functionSample(fn)));
    } catch (error) {
      problems.push(`function ${fn.name} (${fn.trigger.kind}): ${(error as Error).message}`);
    }
  }
  for (const name of Object.keys(FUNCTION_SAMPLES)) {
    if (!FUNCTIONS.some((fn) => fn.name === name && fn.trigger.kind !== 'http')) {
      problems.push(`local/function-samples.ts has a sample for ${name}, which is no non-HTTP function of functions/functions.ts`);
    }
  }
  return { files, problems };
};

const jsonFilesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((file) => file.endsWith('.json'))
        .map((file) => relative(dir, join(dir, file)).split('\\').join('/'))
    : [];

/**
 * Files that are missing or differ from what the generator would write, files it would not
 * write at all (a removed route or function), and routes or functions without a sample.
 */
export const staleSampleEvents = (dir = EVENTS_DIR): string[] => {
  const { files, problems } = renderSampleEvents();
  const stale = [...files].filter(([file, content]) => {
    const path = join(dir, file);
    return !existsSync(path) || readFileSync(path, 'utf8') !== content;
  });
  const orphans = jsonFilesUnder(dir).filter((file) => !files.has(file));
  return [...problems, ...stale.map(([file]) => file), ...orphans.map((file) => `${file} (generated by nothing: delete it)`)];
};

const USAGE = `Usage: npm run events [-- --check]
  writes events/ (one sample event per route and per non-HTTP function); --check only verifies it is up to date (exit 1 if not)`;

const main = (): void => {
  const { values } = parseCli(USAGE, { options: { check: { type: 'boolean', default: false }, help: HELP } });
  if (values.check) {
    const stale = staleSampleEvents();
    if (stale.length > 0) {
      console.error(`Out of date (run npm run events):\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
    console.log('events/ is up to date');
    return;
  }
  const { files, problems } = renderSampleEvents();
  for (const [file, content] of files) {
    const path = join(EVENTS_DIR, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
    console.log(`wrote events/${file}`);
  }
  const orphans = jsonFilesUnder(EVENTS_DIR).filter((file) => !files.has(file));
  if (orphans.length > 0) console.error(`Generated by nothing (delete them):\n  events/${orphans.join('\n  events/')}`);
  if (problems.length > 0) {
    console.error(`No event for:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
