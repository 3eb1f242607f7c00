import * as z from 'zod/mini';
import {
  createPerson,
  getPerson,
  listPersons,
  PERSON_STYLES,
  type PersonStyle,
  replacePerson,
  updatePerson,
} from '../../customers/persons.js';
import type { PersonRecord } from '../../customers/model.js';
import { PERSON_SORTS } from '../../customers/ports.js';
import { createPersonSchema, PERSON_READ_ONLY, PERSON_STATUSES, patchPersonSchema, replacePersonSchema } from '../../customers/schemas.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type ApiRequest, type Operation } from '../api-request.js';
import { booleanOf, enumsOf, listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { customersContext, pathId } from './context.js';

const text = z.optional(z.string().check(z.maxLength(320)));

export const customerListQuery = z.strictObject({
  ...pagingParams,
  id: z.optional(z.string()),
  first_name: text,
  last_name: text,
  email: text,
  phone_number: text,
  ssn_last_4: z.optional(z.string().check(z.regex(/^\d{4}$/, 'must be exactly 4 digits'))),
  status: z.optional(z.enum(PERSON_STATUSES)),
  has_accounts: z.optional(z.string()),
});

export const personListQuery = z.strictObject({
  ...customerListQuery.shape,
  is_customer: z.optional(z.string()),
  ban_status: z.optional(z.string()),
  // Console users are not modelled here; the flag is accepted so Synctera clients work unchanged.
  include_console_users: z.optional(z.string()),
});

const filtersOf = (request: ApiRequest, style: PersonStyle) => {
  const q = parseQuery(request, style === 'customer' ? customerListQuery : personListQuery) as z.infer<typeof personListQuery>;
  return {
    id: uuidsOf('id', q.id),
    first_name: q.first_name,
    last_name: q.last_name,
    email: q.email,
    phone_number: q.phone_number,
    ssn_last_4: q.ssn_last_4,
    status: q.status,
    has_accounts: booleanOf('has_accounts', q.has_accounts),
    is_customer: booleanOf('is_customer', q.is_customer),
    ban_status: enumsOf('ban_status', q.ban_status, ['ALLOWED', 'SUSPENDED', 'BANNED'] as const),
  };
};

/** The person operations for one style: `/v0/customers` or `/v0/persons`. */
export const personOperations = (style: PersonStyle, idParam: string, listKey: string) => {
  const view: (person: PersonRecord) => unknown = PERSON_STYLES[style].view;
  const create: Operation = async (request) => {
    const input = parseWith(createPersonSchema, withoutReadOnly(request.body, PERSON_READ_ONLY));
    return created(view(await createPerson(customersContext(request), style, input)));
  };
  const get: Operation = async (request) => ok(view(await getPerson(customersContext(request), style, pathId(request, idParam))));
  const patch: Operation = async (request) => {
    const input = parseWith(patchPersonSchema, withoutReadOnly(request.body, PERSON_READ_ONLY));
    return ok(view(await updatePerson(customersContext(request), style, pathId(request, idParam), input)));
  };
  // PUT is served for /v0/customers only (contract §7.1); the persons style has no PUT route.
  const replace: Operation = async (request) => {
    const input = parseWith(replacePersonSchema, withoutReadOnly(request.body, PERSON_READ_ONLY));
    return ok(view(await replacePerson(customersContext(request), style, pathId(request, idParam), input)));
  };
  const list: Operation = async (request) => {
    const filters = filtersOf(request, style);
    const { scope, ...paging } = await pagingOf(request, filters, PERSON_SORTS);
    const page = await listPersons(customersContext(request), { filters, ...paging });
    return ok(listBody(request, listKey, scope, page, view));
  };
  return { create, get, patch, replace, list };
};
