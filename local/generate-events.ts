// Writes events/<collection>/<operation>.json, one API Gateway proxy event per route of the
// route table, plus events/authorizer/request.json. Generated (not hand-written) so no route is
// forgotten and every event is exactly what the twin's gateway would hand the handler.
//
//   npx tsx local/generate-events.ts           write the files
//   npx tsx local/generate-events.ts --check   exit 1 if a file is missing or differs
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { ROUTES, type Route } from '../functions/routes.js';
import { type IncomingRequest, toAuthorizerEvent, toProxyEvent } from './apigw-event.js';
import { DEFAULT_SAMPLE_TENANT, placeholderFor } from './placeholders.js';
import { createRouteMatcher } from './route-matcher.js';
import { SAMPLES } from './sample-requests.js';

export const EVENTS_DIR = fileURLToPath(new URL('../events/', import.meta.url));
export const AUTHORIZER_EVENT_FILE = 'authorizer/request.json';

// Pinned so regenerating produces byte-identical files.
const GENERATED_AT = new Date('2025-01-15T12:00:00.000Z');

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** `POST /v0/customers/{customer_id}/verify` (verifyCustomer) → `customers/verify-customer.json`. */
export const eventFileFor = (route: Route): string => `${route.path.split('/')[2]}/${kebab(route.operation)}.json`;

const stableRequestId = (seed: string): string => {
  const hex = createHash('sha256').update(seed).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

const sampleRequest = (route: Route): IncomingRequest => {
  const sample = SAMPLES[route.operation];
  if (!sample) throw new Error(`local/sample-requests.ts has no sample for ${route.operation}`);
  const hasBody = route.method === 'POST' || route.method === 'PATCH' || route.method === 'PUT';
  if (hasBody && !sample.body) throw new Error(`local/sample-requests.ts needs a body for ${route.operation}`);
  const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => placeholderFor(name));
  const headers: Array<[string, string]> = [
    ['Host', 'localhost:3000'],
    ['User-Agent', 'curl/8.5.0'],
    ['Accept', 'application/json'],
    ['Authorization', `Bearer {{api_key:${DEFAULT_SAMPLE_TENANT}}}`],
  ];
  if (sample.body) headers.push(['Content-Type', 'application/json']);
  return {
    method: route.method,
    url: sample.query ? `${path}?${sample.query}` : path,
    headers,
    body: sample.body ? JSON.stringify(sample.body) : null,
    sourceIp: '127.0.0.1',
    requestId: stableRequestId(route.operation),
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
  const listCustomers = ROUTES.find((r) => r.operation === 'listCustomers') ?? ROUTES[0]!;
  files.set(AUTHORIZER_EVENT_FILE, json(toAuthorizerEvent(sampleEventFor(listCustomers))));
  return { files, problems };
};

/** Files that are missing or differ from what the generator would write, and routes without a sample. */
export const staleSampleEvents = (dir = EVENTS_DIR): string[] => {
  const { files, problems } = renderSampleEvents();
  const stale = [...files].filter(([file, content]) => {
    const path = join(dir, file);
    return !existsSync(path) || readFileSync(path, 'utf8') !== content;
  });
  return [...problems, ...stale.map(([file]) => file)];
};

const main = (): void => {
  if (process.argv.includes('--check')) {
    const stale = staleSampleEvents();
    if (stale.length > 0) {
      console.error(`Out of date (run npx tsx local/generate-events.ts):\n  ${stale.join('\n  ')}`);
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
  if (problems.length > 0) {
    console.error(`No event for:\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
