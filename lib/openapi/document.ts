import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { PROBLEM_CODE_STATUSES } from '../../functions/http/problem-codes.js';
import { type RouteSchemas, SCHEMA_MODULES, schemasOf } from '../../functions/route-schemas.js';
import { type Domain, ROUTES, type Route } from '../../functions/routes.js';
import { uuid } from '../../functions/shared/schemas/common.js';
import { problemSchema } from '../../functions/shared/schemas/responses.js';
import { ERROR_DESCRIPTIONS, errorStatusesOf } from './errors.js';

// The OpenAPI 3.1 document of the API, built from the route table (functions/routes.ts) and the
// zod schemas each route validates with and answers in (functions/route-schemas.ts), by zod's
// own z.toJSONSchema. The twin serves it (/openapi.json, /docs), `npm run openapi` writes it,
// the CDK publishes it beside the API, and the test suites check every response against it.

type Json = Record<string, unknown>;
type Schema = z.ZodMiniType;

export interface OpenApiOptions {
  /** The `servers` entry; `/` (the origin the document is served from) by default. */
  readonly serverUrl?: string;
}

const TAGS: Readonly<Record<Domain, string>> = {
  customers: 'Customers, persons, businesses and their KYC/KYB verifications',
  accounts: 'Accounts, their relationships, account templates and interest products (also under /v2)',
  mappings: 'Migration mappings between banks, and the tradeline transfers of credit accounts',
  external_accounts: 'External accounts added by hand',
  external_accounts_vendor: 'External accounts through an aggregator (Plaid, Finicity): link, add, sync, balance, transactions',
  webhooks: 'Webhook secrets and subscriptions, their deliveries, and the tenant event log',
  ledger: 'Internal accounts, transfers, transactions, ACH, statements and sandbox tools',
  operator: 'The operator console’s organization-scoped reads (operator keys only)',
  closures: 'Account closure: initiate it, then follow or change it (also under /v2)',
};

const DESCRIPTION = [
  'Bankline speaks Synctera’s API. Authenticate with `Authorization: Bearer <key>`; each operation names the permission',
  'its key needs (`x-bankline-permission`). Operations and fields Synctera does not have are marked `x-bankline-extension: true`.',
  'Every error is `application/problem+json` with `{type, title, status, detail, code}`.',
].join(' ');

const isSchema = (value: unknown): value is Schema => typeof value === 'object' && value !== null && '_zod' in value;

/** `createPersonSchema` → `CreatePerson`: components are named after the exports they come from. */
const componentName = (exportName: string): string => exportName.replace(/Schema(?=V2$|$)/, '').replace(/^./, (c) => c.toUpperCase());

const exportNames = (modules: readonly object[]): Map<Schema, string> => {
  const names = new Map<Schema, string>();
  for (const module of modules) {
    for (const [name, value] of Object.entries(module)) if (isSchema(value) && !names.has(value)) names.set(value, componentName(name));
  }
  return names;
};

const withoutDialect = (schema: Json): Json => {
  const { $schema: _schema, $id: _id, ...rest } = schema;
  return rest;
};

/** JSON Schemas of the named zod schemas, referring to each other by `#/components/schemas/<name>`. */
const componentsOf = (named: ReadonlyMap<Schema, string>, io: 'input' | 'output'): Record<string, Json> => {
  const registry = z.registry<{ id: string }>();
  for (const [schema, id] of named) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    target: 'draft-2020-12',
    io,
    // Refinements (free-form metadata, storable JSON) have no JSON Schema; they document as `{}`.
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  }) as { schemas: Record<string, Json> };
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutDialect(schema)]));
};

const jsonSchemaOf = (schema: Schema): Json =>
  withoutDialect(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as Json);

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

// Every path parameter is a UUID (the chain refuses anything else with BAD_PATH_PARAMETER).
const pathParameters = (route: Route): Json[] =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: ref('Uuid') }));

const queryParameters = (query: Schema | undefined): Json[] => {
  if (!query) return [];
  const json = jsonSchemaOf(query) as { properties?: Record<string, Json>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
};

/** `createAccountTemplateV2` → `Create account template (v2)`. */
const summaryOf = (operation: string): string => {
  const v2 = operation.endsWith('V2');
  const words = operation
    .replace(/V2$/, '')
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${v2 ? ' (v2)' : ''}`;
};

const permissionText = (route: Route): string =>
  typeof route.permission === 'string'
    ? `Permission: \`${route.permission}\`.`
    : `Permission: follows the resource type (${Object.entries(route.permission.byResourceType)
        .map(([type, permission]) => `${type} \`${permission}\``)
        .join(', ')}).`;

interface Names {
  readonly requests: Map<Schema, string>;
  readonly responses: Map<Schema, string>;
}

const operationOf = (route: Route, schemas: RouteSchemas, names: Names): Json => {
  const success = Object.entries(schemas.responses).map(([status, schema]) => [
    status,
    schema === null
      ? { description: 'Done; no body.' }
      : {
          description: 'Success.',
          ...(route.idempotent ? { headers: { 'Idempotent-Replayed': { $ref: '#/components/headers/IdempotentReplayed' } } } : {}),
          content: { 'application/json': { schema: ref(names.responses.get(schema)!) } },
        },
  ]);
  const errors = errorStatusesOf(route, schemas.errors).map((status) => [
    String(status),
    { $ref: `#/components/responses/Problem${status}` },
  ]);
  const headers = [{ $ref: '#/components/parameters/CustomerDeviceInfo' }];
  if (route.idempotent) headers.unshift({ $ref: '#/components/parameters/IdempotencyKey' });
  return {
    operationId: route.operation,
    summary: summaryOf(route.operation),
    description: [
      permissionText(route),
      route.consoleAction ? 'An operator key holding `console:act` may also call it (the console).' : '',
      route.organizationScoped ? 'Organization-scoped: it reads across the operator key’s organization.' : '',
      schemas.extension ? 'A Bankline extension: Synctera has no such operation.' : '',
    ]
      .filter(Boolean)
      .join(' '),
    tags: [route.domain],
    security: [{ apiKey: [] }],
    'x-bankline-permission': route.permission,
    ...(route.consoleAction ? { 'x-bankline-console-action': true } : {}),
    ...(route.organizationScoped ? { 'x-bankline-organization-scoped': true } : {}),
    ...(schemas.extension ? { 'x-bankline-extension': true } : {}),
    parameters: [...pathParameters(route), ...queryParameters(schemas.query), ...headers],
    ...(schemas.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: ref(names.requests.get(schemas.body)!) } } } }
      : {}),
    responses: Object.fromEntries([...success, ...errors]),
  };
};

/** Marks the route's extension fields on its body's and answers' components (they are the route's own). */
const markExtensionFields = (components: Record<string, Json>, route: RouteSchemas, names: Names): void => {
  const owners = [
    ...(route.body ? [names.requests.get(route.body)] : []),
    ...Object.values(route.responses).map((schema) => (schema ? names.responses.get(schema) : undefined)),
  ];
  for (const owner of owners) {
    const properties = (owner ? components[owner]?.properties : undefined) as Record<string, Json> | undefined;
    for (const field of route.extensionFields ?? []) if (properties?.[field]) properties[field]['x-bankline-extension'] = true;
  }
};

const schemasFor = (route: Route): RouteSchemas => {
  const schemas = schemasOf(route);
  if (!schemas) throw new Error(`${route.method} ${route.path} (${route.operation}) has no entry in functions/route-schemas.ts`);
  return schemas;
};

/** The error body of one status: its `status`, and a `code` among those that come with it (functions/http/problem-codes.ts). */
const problemWith = (status: number): Json => {
  const codes = Object.entries(PROBLEM_CODE_STATUSES)
    .filter(([, statuses]) => statuses.includes(status))
    .map(([code]) => code);
  return { allOf: [ref('Problem'), { properties: { status: { const: status }, code: { enum: codes } } }] };
};

const packageVersion = (): string =>
  (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export const openApiDocument = (options: OpenApiOptions = {}): Json => {
  const routes = ROUTES.map((route) => ({ route, schemas: schemasFor(route) }));
  const requestNames = exportNames(SCHEMA_MODULES.requests);
  const responseNames = exportNames(SCHEMA_MODULES.responses);
  // Only the schemas a route uses become components (a body without an exported name is named after its operation).
  const names: Names = { requests: new Map(), responses: new Map([[problemSchema as Schema, 'Problem']]) };
  for (const { route, schemas } of routes) {
    if (schemas.body && !names.requests.has(schemas.body))
      names.requests.set(schemas.body, requestNames.get(schemas.body) ?? `${componentName(route.operation)}Body`);
    for (const schema of Object.values(schemas.responses)) {
      if (schema && !names.responses.has(schema))
        names.responses.set(schema, responseNames.get(schema) ?? `${componentName(route.operation)}Response`);
    }
  }
  const components = { ...componentsOf(names.requests, 'input'), ...componentsOf(names.responses, 'output'), Uuid: jsonSchemaOf(uuid) };
  const clash = [...names.requests.values()].find((name) => [...names.responses.values()].includes(name));
  if (clash) throw new Error(`the component name ${clash} is both a request and a response schema`);
  for (const { schemas } of routes) markExtensionFields(components, schemas, names);

  const paths: Record<string, Json> = {};
  for (const { route, schemas } of routes) {
    paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operationOf(route, schemas, names) };
  }
  const statuses = [...new Set(routes.flatMap(({ route, schemas }) => errorStatusesOf(route, schemas.errors)))].sort((x, y) => x - y);

  return {
    openapi: '3.1.0',
    info: {
      title: 'Bankline API',
      version: packageVersion(),
      description: DESCRIPTION,
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: options.serverUrl ?? '/', description: 'This Bankline stage (or the local twin)' }],
    security: [{ apiKey: [] }],
    tags: [...new Set(ROUTES.map((r) => r.domain))].map((name) => ({ name, description: TAGS[name] })),
    paths,
    components: {
      securitySchemes: {
        apiKey: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API key (`bl_` and 43 base64url characters) as `Authorization: Bearer <key>`; `npm run keys` issues them.',
        },
      },
      headers: {
        IdempotentReplayed: {
          description: '`true` when this is the stored answer to an earlier request with the same Idempotency-Key.',
          schema: { type: 'string', enum: ['true'] },
        },
      },
      parameters: {
        IdempotencyKey: {
          name: 'Idempotency-Key',
          in: 'header',
          required: false,
          description: 'Replays the first answer to the same request for 7 days (1–255 printable ASCII characters).',
          schema: { type: 'string', minLength: 1, maxLength: 255 },
        },
        CustomerDeviceInfo: {
          name: 'Customer-Device-Info',
          in: 'header',
          required: false,
          description: 'A JSON object about the end user’s device, kept with the request’s audit record.',
          schema: { type: 'string' },
        },
      },
      responses: Object.fromEntries(
        statuses.map((status) => [
          `Problem${status}`,
          { description: ERROR_DESCRIPTIONS[status] ?? 'Error.', content: { 'application/problem+json': { schema: problemWith(status) } } },
        ]),
      ),
      schemas: components,
    },
  };
};
