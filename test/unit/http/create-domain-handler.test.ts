import { expect, it } from 'vitest';
import { ok, type Operation } from '../../../functions/http/api-request.js';
import { createDomainHandler } from '../../../functions/http/create-domain-handler.js';
import { ROUTES } from '../../../functions/routes.js';

// A route that declares sealed response fields cannot be served by a handler that could only
// store its response in clear: the function refuses to start.

const operations: Record<string, Operation> = Object.fromEntries(
  ROUTES.filter((r) => r.domain === 'external_accounts_vendor').map((r) => [r.operation, async () => ok({})]),
);
const sealer = { seal: async (p: string) => p, unseal: async (c: string) => c };

it('refuses to build the handler of a domain whose routes seal response fields without a response sealer', () => {
  expect(() => createDomainHandler('external_accounts_vendor', operations)).toThrow(/needs a response sealer for: createAccessToken/);
  expect(() => createDomainHandler('external_accounts_vendor', operations, { responseSealer: sealer })).not.toThrow();
});
