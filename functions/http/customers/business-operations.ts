import * as z from 'zod/mini';
import { createBusiness, getBusiness, listBusinesses, updateBusiness } from '../../customers/businesses.js';
import { BUSINESS_READ_ONLY, BUSINESS_STATUSES, createBusinessSchema, patchBusinessSchema } from '../../customers/schemas.js';
import { BUSINESS_SORTS } from '../../customers/ports.js';
import { businessView } from '../../customers/views.js';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type Operation } from '../api-request.js';
import { booleanOf, listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { customersContext, pathId } from './context.js';

export const businessListQuery = z.strictObject({
  ...pagingParams,
  id: z.optional(z.string()),
  entity_name: z.optional(z.string().check(z.maxLength(255))),
  phone_number: z.optional(z.string().check(z.maxLength(32))),
  status: z.optional(z.enum(BUSINESS_STATUSES)),
  is_customer: z.optional(z.string()),
  has_accounts: z.optional(z.string()),
});

const createBusiness_: Operation = async (request) => {
  const input = parseWith(createBusinessSchema, withoutReadOnly(request.body, BUSINESS_READ_ONLY));
  return created(businessView(await createBusiness(customersContext(request), input)));
};

const getBusiness_: Operation = async (request) =>
  ok(businessView(await getBusiness(customersContext(request), pathId(request, 'business_id'))));

const patchBusiness_: Operation = async (request) => {
  const input = parseWith(patchBusinessSchema, withoutReadOnly(request.body, BUSINESS_READ_ONLY));
  return ok(businessView(await updateBusiness(customersContext(request), pathId(request, 'business_id'), input)));
};

const listBusinesses_: Operation = async (request) => {
  const q = parseQuery(request, businessListQuery);
  const filters = {
    id: uuidsOf('id', q.id),
    entity_name: q.entity_name,
    phone_number: q.phone_number,
    status: q.status,
    is_customer: booleanOf('is_customer', q.is_customer),
    has_accounts: booleanOf('has_accounts', q.has_accounts),
  };
  const { scope, ...paging } = await pagingOf(request, filters, BUSINESS_SORTS);
  const page = await listBusinesses(customersContext(request), { filters, ...paging });
  return ok(listBody(request, 'businesses', scope, page, businessView));
};

export const businessOperations = {
  createBusiness: createBusiness_,
  getBusiness: getBusiness_,
  patchBusiness: patchBusiness_,
  listBusinesses: listBusinesses_,
};
