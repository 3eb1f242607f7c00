import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import type { Domain } from '../functions/routes.js';
import type { AuthorizerFunction } from './authorizer-gate.js';

// Loads the same handler modules CDK bundles into Lambdas: `functions/http/<domain>.ts` for each
// domain of the route table, `functions/http/authorizer.ts` for the authorizer. Imported lazily,
// after the twin has set TABLE_NAME and DYNAMODB_ENDPOINT, because functions read their
// configuration once, on first use, as a Lambda cold start does.

export type ProxyHandler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;

const HTTP_DIR = new URL('../functions/http/', import.meta.url);

const modules = new Map<string, Promise<unknown>>();

const loadHandler = async <T>(file: string): Promise<T> => {
  let loading = modules.get(file);
  if (!loading) {
    loading = import(new URL(file, HTTP_DIR).href);
    modules.set(file, loading);
    // A failed import (a syntax error mid-edit) must not stick: the next request retries.
    loading.catch(() => modules.delete(file));
  }
  const module = (await loading) as { handler?: unknown };
  if (typeof module.handler !== 'function') {
    throw new Error(`functions/http/${file} does not export a handler function`);
  }
  return module.handler as T;
};

export const domainHandler = (domain: Domain): Promise<ProxyHandler> => loadHandler<ProxyHandler>(`${domain}.ts`);

export const authorizerHandler = (): Promise<AuthorizerFunction> => loadHandler<AuthorizerFunction>('authorizer.ts');

/** For the CDK-side names in logs: `bankline-local-customers`. */
export const localFunctionName = (name: string): string => `bankline-local-${name}`;
