import { changedFields, newEvent } from '../events/model.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { retryOnConflict, type Page } from '../shared/page.js';
import type { CustomersContext } from './context.js';
import type { PersonRecord } from './model.js';
import type { ListCriteria } from './ports.js';
import { newPerson, patchPerson } from './person-rules.js';
import type { CreatePersonInput, PatchPersonInput } from './schemas.js';
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
  const event = newEvent(ctx.clock, { type: created, tenant: ctx.tenantId, resource_id: person.id, event_resource: view(person), audit: ctx.audit });
  await ctx.store.insertPerson(person, event);
  return person;
};

export const getPerson = async (ctx: CustomersContext, style: PersonStyle, id: string): Promise<PersonRecord> => {
  const person = await ctx.store.getPerson(ctx.tenantId, id);
  if (!person) throw notFound(PERSON_STYLES[style].noun);
  return person;
};

export const updatePerson = (ctx: CustomersContext, style: PersonStyle, id: string, input: PatchPersonInput): Promise<PersonRecord> =>
  retryOnConflict(async () => {
    const current = await getPerson(ctx, style, id);
    const next = patchPerson(current, input, { now: ctx.clock.now().toISOString(), today: today(ctx) });
    const { view, updated } = PERSON_STYLES[style];
    const before = view(current);
    const after = view(next);
    const changed = changedFields(before, after, ['last_updated_time']);
    // Nothing changed: no write, no event, no new version.
    if (Object.keys(changed).length === 0) return current;
    const event = newEvent(ctx.clock, {
      type: updated,
      tenant: ctx.tenantId,
      resource_id: id,
      event_resource: after,
      event_resource_changed_fields: changed,
      audit: ctx.audit,
    });
    await ctx.store.replacePerson(next, current.version, event);
    return next;
  });

export const listPersons = (ctx: CustomersContext, criteria: ListCriteria): Promise<Page<PersonRecord>> =>
  ctx.store.listPersons(ctx.tenantId, criteria);
