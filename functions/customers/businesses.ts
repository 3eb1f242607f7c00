import { newEvent } from '../events/model.js';
import { notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { retryOnConflict, type Page } from '../shared/page.js';
import { newBusiness, patchBusiness } from './business-rules.js';
import type { CustomersContext } from './context.js';
import { isUnchanged, updatedEvent } from './record-change.js';
import type { BusinessRecord } from './model.js';
import type { BusinessSortField, CustomerListCriteria } from './ports.js';
import type { CreateBusinessInput, PatchBusinessInput } from './schemas.js';
import { businessView } from './views.js';

export const createBusiness = async (ctx: CustomersContext, input: CreateBusinessInput): Promise<BusinessRecord> => {
  const business = newBusiness(input, { id: newId(), tenant: ctx.tenantId, now: ctx.clock.now().toISOString() });
  const event = newEvent(ctx.clock, {
    type: 'BUSINESS.CREATED',
    tenant: ctx.tenantId,
    resource_id: business.id,
    event_resource: businessView(business),
    audit: ctx.audit,
  });
  await ctx.store.insertBusiness(business, event);
  return business;
};

export const getBusiness = async (ctx: CustomersContext, id: string): Promise<BusinessRecord> => {
  const business = await ctx.store.getBusiness(ctx.tenantId, id);
  if (!business) throw notFound('business');
  return business;
};

export const updateBusiness = (ctx: CustomersContext, id: string, input: PatchBusinessInput): Promise<BusinessRecord> =>
  retryOnConflict(async () => {
    const current = await getBusiness(ctx, id);
    const next = patchBusiness(current, input, ctx.clock.now().toISOString());
    if (isUnchanged(current, next)) return current;
    const event = updatedEvent(ctx, 'BUSINESS.UPDATED', id, businessView(current), businessView(next));
    await ctx.store.replaceBusiness(next, current.version, event);
    return next;
  });

export const listBusinesses = (ctx: CustomersContext, criteria: CustomerListCriteria<BusinessSortField>): Promise<Page<BusinessRecord>> =>
  ctx.store.listBusinesses(ctx.tenantId, criteria);
