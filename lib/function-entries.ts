// Every Lambda entry point, derived from the route table, so adding a domain to routes.ts is
// enough for CDK, the local twin and the bench to pick it up.
import { DOMAINS } from '../functions/routes.js';

export interface FunctionEntry {
  readonly name: string;
  /** Relative to the repository root; the module exports `handler`. */
  readonly entry: string;
}

export const AUTHORIZER_ENTRY: FunctionEntry = { name: 'authorizer', entry: 'functions/http/authorizer.ts' };

export const DOMAIN_ENTRIES: readonly FunctionEntry[] = DOMAINS.map((domain) => ({ name: domain, entry: `functions/http/${domain}.ts` }));

export const FUNCTION_ENTRIES: readonly FunctionEntry[] = [AUTHORIZER_ENTRY, ...DOMAIN_ENTRIES];
