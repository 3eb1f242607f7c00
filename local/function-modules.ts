import type { Context } from 'aws-lambda';
import { authorizerFunction, type FunctionDefinition, functionNamed, httpFunctionOf } from '../functions/functions.js';
import type { Domain } from '../functions/routes.js';
import type { AuthorizerFunction } from './authorizer-gate.js';
import type { EventOfKind, ResultOfKind } from './events/kinds.js';

// Loads the same handler modules CDK bundles into Lambdas: each registry entry's `entry` file
// (functions/functions.ts). Imported lazily, after the twin has set TABLE_NAME and
// DYNAMODB_ENDPOINT, because functions read their configuration once, on first use, as a
// Lambda cold start does.

export type ProxyHandler = (event: EventOfKind['http'], context: Context) => Promise<ResultOfKind['http']>;

/** What a handler module exports, whatever its trigger. */
export type LambdaHandler = (event: never, context: Context) => Promise<unknown>;

const REPO_ROOT = new URL('../', import.meta.url);

const modules = new Map<string, Promise<unknown>>();

export const loadHandler = async <T = LambdaHandler>(fn: FunctionDefinition): Promise<T> => {
  let loading = modules.get(fn.entry);
  if (!loading) {
    loading = import(new URL(fn.entry, REPO_ROOT).href);
    modules.set(fn.entry, loading);
    // A failed import (a syntax error mid-edit) must not stick: the next request retries.
    loading.catch(() => modules.delete(fn.entry));
  }
  const module = (await loading) as { handler?: unknown };
  if (typeof module.handler !== 'function') throw new Error(`${fn.entry} (function ${fn.name}) does not export a handler function`);
  return module.handler as T;
};

export const handlerNamed = (name: string): Promise<LambdaHandler> => loadHandler(functionNamed(name));

export const domainHandler = (domain: Domain): Promise<ProxyHandler> => loadHandler<ProxyHandler>(httpFunctionOf(domain));

export const authorizerHandler = (): Promise<AuthorizerFunction> => loadHandler<AuthorizerFunction>(authorizerFunction());

/** For the CDK-side names in logs: `bankline-local-customers`. */
export const localFunctionName = (name: string): string => `bankline-local-${name}`;
