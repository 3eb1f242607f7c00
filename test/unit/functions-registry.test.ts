// The function registry (functions/functions.ts) is what CDK deploys and the twin runs; these
// are the rules an entry must follow, and the sample events every entry must have.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { authorizerFunction, FUNCTIONS, functionsOfKind, httpFunctionOf } from '../../functions/functions.js';
import { DOMAINS, ROUTES } from '../../functions/routes.js';
import { triggerKindOf } from '../../local/events/kinds.js';
import { MARKER_KEY } from '../../local/events/marker.js';
import { EVENTS_DIR, eventFileFor, eventFilesOf } from '../../local/generate-events.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sample = (file: string): Record<string, unknown> => JSON.parse(readFileSync(join(EVENTS_DIR, file), 'utf8'));

describe('registry entries', () => {
  it('have unique names that make valid Lambda names', () => {
    const names = FUNCTIONS.map((fn) => fn.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9-]{0,40}$/);
  });

  it.each(FUNCTIONS.map((fn) => [fn.name, fn.entry] as const))('%s: its handler module %s exists', (_name, entry) => {
    expect(existsSync(join(REPO_ROOT, entry))).toBe(true);
  });

  it('serve every domain of the route table with exactly one HTTP function, and have one authorizer', () => {
    expect(
      functionsOfKind('http')
        .map((fn) => fn.trigger.domain)
        .sort(),
    ).toEqual([...DOMAINS].sort());
    for (const domain of DOMAINS) expect(httpFunctionOf(domain).trigger).toEqual({ kind: 'http', domain });
    expect(authorizerFunction().name).toBe('authorizer');
  });

  it('list each environment variable and grant once', () => {
    for (const fn of FUNCTIONS) {
      expect(new Set(fn.env).size, fn.name).toBe(fn.env.length);
      expect(new Set(fn.grants).size, fn.name).toBe(fn.grants.length);
    }
  });

  it('read the page-token secret exactly when they are given its ARN', () => {
    for (const fn of FUNCTIONS) expect(fn.grants.includes('secret:page-token'), fn.name).toBe(fn.env.includes('PAGE_TOKEN_SECRET_ARN'));
  });
});

describe('events/ has a sample for every registry entry and every route', () => {
  it.each(FUNCTIONS.map((fn) => [fn.name, fn] as const))('%s', (_name, fn) => {
    const files = eventFilesOf(fn);
    expect(files.length, `${fn.name} has no sample event: run npm run events`).toBeGreaterThan(0);
    for (const file of files) {
      expect(existsSync(join(EVENTS_DIR, file)), `events/${file} is missing: run npm run events`).toBe(true);
      const event = sample(file);
      expect(triggerKindOf(event)).toBe(fn.trigger.kind);
      // Every event API Gateway does not route by itself names its function.
      if (fn.trigger.kind !== 'http') expect(event[MARKER_KEY]).toEqual({ function: fn.name });
    }
  });

  it.each(ROUTES.map((route) => [`${route.method} ${route.path}`, route] as const))('%s', (_name, route) => {
    const file = eventFileFor(route);
    expect(existsSync(join(EVENTS_DIR, file)), `events/${file} is missing: run npm run events`).toBe(true);
    expect(sample(file)).toMatchObject({ httpMethod: route.method, resource: route.path });
  });
});
