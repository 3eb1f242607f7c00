// Compatibility view of the function registry (functions/functions.ts) for code not yet
// reading it directly.
import { FUNCTIONS, functionNamed, functionsOfKind } from '../functions/functions.js';

export interface FunctionEntry {
  readonly name: string;
  /** Relative to the repository root; the module exports `handler`. */
  readonly entry: string;
}

export const AUTHORIZER_ENTRY: FunctionEntry = functionNamed('authorizer');

export const DOMAIN_ENTRIES: readonly FunctionEntry[] = functionsOfKind('http');

export const FUNCTION_ENTRIES: readonly FunctionEntry[] = FUNCTIONS;
