import { expect } from 'vitest';
import { addCalendarDays, easternDateOf, easternInstant, isBusinessDay } from '../../../functions/shared/business-days.js';
import { executionNameOf } from '../../../functions/closures/rules.js';
import { ClosureTwin } from '../../../local/workflows/closure-twin.js';
import { DYNAMODB_ENDPOINT, TEST_TABLE } from '../../helpers/api.js';
import { assertBooks, type LedgerWorld, newLedgerWorld, openChecking, storedExternalAccount } from '../ledger/world.js';

export interface ClosureWorld extends LedgerWorld {
  twin: ClosureTwin;
}

export const newClosureWorld = async (label: string): Promise<ClosureWorld> => {
  process.env.SANDBOX = 'true';
  const world = await newLedgerWorld(label);
  const twin = new ClosureTwin({ endpoint: DYNAMODB_ENDPOINT, tableName: TEST_TABLE, tenants: (t) => t === world.tenant.id });
  await twin.start();
  return { ...world, twin };
};

/** A new twin on the same table, as after a restart of `npm start`. */
export const restartTwin = async (world: ClosureWorld): Promise<ClosureTwin> => {
  await world.twin.stop();
  world.twin = new ClosureTwin({ endpoint: DYNAMODB_ENDPOINT, tableName: TEST_TABLE, tenants: (t) => t === world.tenant.id });
  return world.twin;
};

export const openAchChecking = (world: LedgerWorld) => openChecking(world, { is_ach_enabled: true });

/** An external account item as the external-accounts domain writes it (the fields closure and the ledger read). */
export const externalAccount = (world: LedgerWorld, owner = world.holder, status = 'ACTIVE') =>
  storedExternalAccount(world, { owner, status });

export const initiate = async (world: ClosureWorld, accountId: string, body: Record<string, unknown>) => {
  const res = await world.api.post(`/v0/accounts/${accountId}/initiate_closure`, {
    reason: 'CUSTOMER_REQUEST_TRANSFER',
    reason_details: 'moving to another bank',
    ...body,
  });
  expect(res.status, res.rawBody).toBe(200);
  return res;
};

export const advance = async (world: ClosureWorld, seconds: number) => {
  const res = await world.api.post('/v0/sandbox/clock', { advance_seconds: seconds });
  expect(res.status, res.rawBody).toBe(200);
  await world.twin.settle();
};

/** Moves the tenant's clock to `iso` (a fixed weekday makes the business-day math of a scenario exact). */
export const setClock = async (world: ClosureWorld, iso: string) => {
  const res = await world.api.post('/v0/sandbox/clock', { set: iso });
  expect(res.status, res.rawBody).toBe(200);
  await world.twin.settle();
};

export const account = async (world: ClosureWorld, id: string) => (await world.api.get(`/v0/accounts/${id}`)).body;

export const closureOf = async (world: ClosureWorld, id: string) => (await account(world, id)).account_closure;

export const balanceOf = async (world: ClosureWorld, id: string): Promise<number> =>
  ((await account(world, id)).balances as { type: string; balance: number }[]).find((b) => b.type === 'ACCOUNT_BALANCE')?.balance ?? 0;

export const execution = (world: ClosureWorld, accountId: string) => world.twin.runner.execution(executionNameOf(accountId));

interface Check {
  name: string;
  validated: boolean;
  message: string;
  details: Record<string, unknown>;
}

export const check = (closure: { validation_responses: Check[] }, name: string): Check | undefined =>
  closure.validation_responses.find((c) => c.name === name);

export { assertBooks, openChecking };

/**
 * Sets the tenant's clock to 10:00 New York on the first day ahead that starts `days` business
 * days in a row (5: a Monday of a week without a Federal Reserve holiday), so a scenario's
 * business-day arithmetic is exact whenever it runs. Fewer days means less sandbox time to run.
 */
export const startOfCleanWeek = async (world: ClosureWorld, days = 5): Promise<Date> => {
  const now = new Date((await world.api.get('/v0/sandbox/clock')).body.now as string);
  const clean = (day: string) => [...Array(days).keys()].every((n) => isBusinessDay(addCalendarDays(day, n)));
  let day = easternDateOf(now);
  while (easternInstant(day, '10:00') <= now || !clean(day)) day = addCalendarDays(day, 1);
  const at = easternInstant(day, '10:00');
  await setClock(world, at.toISOString());
  return at;
};
