import { newEvent } from '../events/model.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { retryOnConflict, type Page } from '../shared/page.js';
import type { CustomersContext } from './context.js';
import { isUnchanged, updatedEvent } from './record-change.js';
import type { PersonRecord } from './model.js';
import type { CustomerListCriteria, PersonSortField } from './ports.js';
import { newPerson, patchPerson, replacedPerson } from './person-rules.js';
import type { CreatePersonInput, PatchPersonInput, ReplacePersonInput } from './schemas.js';
import { customerView, personView } from './views.js';

/** `/v0/customers` and `/v0/persons` share records but differ in view and event names. */
export type PersonStyle = 'customer' | 'person';

export const PERSON_STYLES = {
  customer: { view: customerView, created: 'CUSTOMER.CREATED', updated: 'CUSTOMER.UPDATED', noun: 'customer' },
  person: { view: personView, created: 'PERSON.CREATED', updated: 'PERSON.UPDATED', noun: 'person' },
} as const;

const today = (ctx: CustomersContext) => ctx.clock.now().toISOString().slice(0, 10);

export const createPerson = async (ctx: CustomersContext, style: PersonStyle, input: CreatePersonInput): Promise<PersonRecord> => {
  const now = ctx.clock.now().toISOString();
  const person = newPerson(input, { id: newId(), tenant: ctx.tenantId, now, today: today(ctx) });
  const { view, created } = PERSON_STYLES[style];
  const event = newEvent(ctx.clock, {
    type: created,
    tenant: ctx.tenantId,
    resource_id: person.id,
    event_resource: view(person),
    audit: ctx.audit,
  });
  await ctx.store.insertPerson(person, event);
  return person;
};

export const getPerson = async (ctx: CustomersContext, style: PersonStyle, id: string): Promise<PersonRecord> => {
  const person = await ctx.store.getPerson(ctx.tenantId, id);
  if (!person) throw notFound(PERSON_STYLES[style].noun);
  return person;
};

/**
 * Read-modify-write of one person, conditioned on the version read and retried on a lost race.
 * An unchanged record (record-change.ts) is not written and raises no event.
 */
const changePerson = (
  ctx: CustomersContext,
  style: PersonStyle,
  id: string,
  change: (current: PersonRecord, meta: { now: string; today: string }) => PersonRecord,
) =>
  retryOnConflict(async () => {
    const current = await getPerson(ctx, style, id);
    const next = change(current, { now: ctx.clock.now().toISOString(), today: today(ctx) });
    if (isUnchanged(current, next)) return current;
    const { view, updated } = PERSON_STYLES[style];
    const event = updatedEvent(ctx, updated, id, view(current), view(next));
    await ctx.store.replacePerson(next, current.version, event);
    return next;
  });

/** PATCH: only the fields sent change. */
export const updatePerson = (ctx: CustomersContext, style: PersonStyle, id: string, input: PatchPersonInput): Promise<PersonRecord> =>
  changePerson(ctx, style, id, (current, meta) => patchPerson(current, input, meta));

/** PUT: the body is the whole customer (rules in person-rules.ts, replacedPerson). */
export const replacePerson = (ctx: CustomersContext, style: PersonStyle, id: string, input: ReplacePersonInput): Promise<PersonRecord> =>
  changePerson(ctx, style, id, (current, meta) => replacedPerson(current, input, meta));

export const listPersons = (ctx: CustomersContext, criteria: CustomerListCriteria<PersonSortField>): Promise<Page<PersonRecord>> =>
  ctx.store.listPersons(ctx.tenantId, criteria);
