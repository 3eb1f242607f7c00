// Every response the integration and end-to-end suites receive is checked against the OpenAPI
// document (lib/openapi/document.ts, built from functions/route-schemas.ts): a status the route
// does not declare, or a body its schema refuses, throws, so a response that drifts from the
// document fails the test that got it. The document and its validators are built on first use
// and cached per operation and status.

import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { openApiDocument } from '../../lib/openapi/document.js';
import { createRouteMatcher } from '../../local/route-matcher.js';

type Json = Record<string, any>;

// ajv-formats is CommonJS: its default export is the module object under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

const DOCUMENT_ID = 'https://bankline.local/openapi.json';

interface Contract {
  readonly document: Json;
  readonly ajv: Ajv2020;
  readonly match: ReturnType<typeof createRouteMatcher>;
  readonly validators: Map<string, ValidateFunction>;
}

let contract: Contract | undefined;

const load = (): Contract => {
  if (contract) return contract;
  const document = openApiDocument();
  // Not strict: the document's own keywords (x-bankline-*, OpenAPI's fields around the schemas) are not JSON Schema.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...document, $id: DOCUMENT_ID });
  contract = { document, ajv, match: createRouteMatcher(), validators: new Map() };
  return contract;
};

const validatorFor = (c: Contract, key: string, schemaRef: string): ValidateFunction => {
  let validate = c.validators.get(key);
  if (!validate) {
    validate = c.ajv.compile({ $ref: `${DOCUMENT_ID}${schemaRef}` });
    c.validators.set(key, validate);
  }
  return validate;
};

export interface ObservedResponse {
  readonly method: string;
  /** The request path, without the query string. */
  readonly path: string;
  readonly status: number;
  readonly contentType: string | undefined;
  /** The parsed JSON body, undefined when empty. */
  readonly body: unknown;
}

/** Throws when the response is not what the document says the route answers. */
export function assertMatchesDocument(response: ObservedResponse): void {
  const c = load();
  const match = c.match(response.method, response.path);
  // No route: API Gateway's own 404 (or the twin's pages), which the document does not describe.
  if (!match) return;
  const { route } = match;
  const where = `${route.method} ${route.path} (${route.operation}) answered ${response.status}`;
  const operation = c.document.paths[route.path][route.method.toLowerCase()] as Json;
  const declared = operation.responses[String(response.status)] as Json | undefined;
  if (!declared) {
    throw new Error(`response drift: ${where}, a status the OpenAPI document does not declare; add it to functions/route-schemas.ts`);
  }
  const resolved = (declared.$ref ? c.document.components.responses[declared.$ref.split('/').pop()] : declared) as Json;
  const contentType = Object.keys(resolved.content ?? {})[0];
  if (!contentType) {
    if (response.body !== undefined) throw new Error(`response drift: ${where} with a body where the document declares none`);
    return;
  }
  if (!response.contentType?.startsWith(contentType)) {
    throw new Error(`response drift: ${where} as ${response.contentType}, not ${contentType}`);
  }
  const schemaRef = declared.$ref
    ? `#/components/responses/${declared.$ref.split('/').pop()}/content/${contentType.replaceAll('/', '~1')}/schema`
    : `#/paths/${route.path.replaceAll('~', '~0').replaceAll('/', '~1')}/${route.method.toLowerCase()}/responses/${response.status}/content/${contentType.replaceAll('/', '~1')}/schema`;
  const validate = validatorFor(c, `${route.operation} ${response.status}`, schemaRef);
  if (!validate(response.body)) {
    const errors = (validate.errors ?? [])
      .slice(0, 5)
      .map(
        (e) =>
          `${e.instancePath || '/'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` (${e.params.additionalProperty})` : ''}`,
      )
      .join('; ');
    throw new Error(`response drift: ${where} with a body the OpenAPI document refuses: ${errors}\n${JSON.stringify(response.body)}`);
  }
}
