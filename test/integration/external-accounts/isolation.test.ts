import { beforeAll, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { ROUTES } from '../../../functions/routes.js';
import { type Bank, createManual, manualBody, newBank, person } from './helpers.js';

// Another tenant's external-account id is unknown on every route that names one (404), and
// nothing of it changes.

let mine: Bank;
let theirs: Bank;
let theirAccount: any;

beforeAll(async () => {
  [mine, theirs] = await Promise.all([newBank('ext-iso-a'), newBank('ext-iso-b')]);
  theirAccount = await createManual(theirs, manualBody({ customer_id: await person(theirs) }));
});

const BODIES: Record<string, unknown> = { PATCH: { nickname: 'stolen' }, POST: {} };
const QUERIES: Record<string, Record<string, string>> = {
  listExternalAccountTransactions: { start_date: '2026-01-01', end_date: '2026-02-01' },
};

const routes = ROUTES.filter((r) => r.path.includes('{external_account_id}'));

it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s answers 404 for another tenant’s id', async (_name, route) => {
  const response = await mine.api.call({
    method: route.method,
    path: route.path.replace('{external_account_id}', theirAccount.id),
    ...(BODIES[route.method] !== undefined ? { body: BODIES[route.method] } : {}),
    ...(QUERIES[route.operation] ? { query: QUERIES[route.operation] } : {}),
  });
  expectProblem(response, 404);
});

it('leaves the other tenant’s account untouched', async () => {
  const after = (await theirs.api.get(`/v0/external_accounts/${theirAccount.id}`)).body;
  expect(after).toEqual(theirAccount);
  const listed = (await mine.api.get('/v0/external_accounts', { id: theirAccount.id })).body.external_accounts;
  expect(listed).toEqual([]);
});
