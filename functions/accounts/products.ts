import { changedFields, newEvent } from '../events/model.js';
import { notFound, RuleViolation } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { type Page, retryOnConflict } from '../shared/page.js';
import type { AccountsContext } from './context.js';
import type { InterestProductRecord } from './model.js';
import type { ListCriteria } from './ports.js';
import { newInterestProduct, patchInterestProduct } from './product-rules.js';
import type { CreateInterestInput, PatchInterestInput } from './product-schemas.js';
import { productView } from './views.js';

// INTEREST account products (contract §6). A product is shared: changing it changes the
// interest of every account that references it (Synctera's semantics).

export const createProduct = async (ctx: AccountsContext, input: CreateInterestInput): Promise<InterestProductRecord> => {
  const product = newInterestProduct(input, { id: newId(), tenant: ctx.tenantId, now: ctx.clock.now().toISOString() });
  const event = newEvent(ctx.clock, {
    type: 'ACCOUNT_PRODUCT.CREATED',
    tenant: ctx.tenantId,
    resource_id: product.id,
    event_resource: productView(product),
    audit: ctx.audit,
  });
  await ctx.products.insertProduct(product, event);
  return product;
};

export const getProduct = async (ctx: AccountsContext, id: string): Promise<InterestProductRecord> => {
  const product = await ctx.products.getProduct(ctx.tenantId, id);
  if (!product) throw notFound('account product');
  return product;
};

const mustStayDaily = (id: string, by: string) =>
  new RuleViolation(`calculation_method must stay COMPOUNDED_DAILY: product ${id} is used by a LINE_OF_CREDIT ${by}`);

/**
 * A product a line of credit (account or template) references must keep compounding daily.
 * Race-free through `used_by_line_of_credit`: the first such reference sets it in its own
 * transaction, bumping the product's version, and every later one checks calculation_method at
 * commit. So a PATCH that read the product unmarked either commits first (and the reference
 * fails its check and re-reads) or fails its version condition and re-reads the mark.
 */
const assertStillDailyWhereRequired = (product: InterestProductRecord): void => {
  if (product.used_by_line_of_credit) throw mustStayDaily(product.id, 'account or template');
};

export const updateProduct = (ctx: AccountsContext, id: string, input: PatchInterestInput): Promise<InterestProductRecord> =>
  retryOnConflict(async () => {
    const current = await getProduct(ctx, id);
    const next = patchInterestProduct(current, input, ctx.clock.now().toISOString());
    if (current.calculation_method === 'COMPOUNDED_DAILY' && next.calculation_method !== 'COMPOUNDED_DAILY') {
      assertStillDailyWhereRequired(current);
    }
    const event = newEvent(ctx.clock, {
      type: 'ACCOUNT_PRODUCT.UPDATED',
      tenant: ctx.tenantId,
      resource_id: id,
      event_resource: productView(next),
      event_resource_changed_fields: changedFields(productView(current), productView(next)),
      audit: ctx.audit,
    });
    await ctx.products.replaceProduct(next, current.version, event);
    return next;
  });

export const listProducts = (ctx: AccountsContext, criteria: ListCriteria<InterestProductRecord>): Promise<Page<InterestProductRecord>> =>
  ctx.products.listProducts(ctx.tenantId, criteria);
