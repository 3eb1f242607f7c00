import { changedFields, newEvent } from '../events/model.js';
import { ApiError, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { TYPE_RULES } from './account-types.js';
import { type Page, retryOnConflict } from '../shared/page.js';
import type { AccountsContext } from './context.js';
import { ACCOUNT_TYPES } from './enums.js';
import type { InterestProductRecord } from './model.js';
import type { ListCriteria } from './ports.js';
import { newInterestProduct, patchInterestProduct } from './product-rules.js';
import type { CreateInterestInput, PatchInterestInput } from './product-schemas.js';
import { productView } from './views.js';

// INTEREST account products (contract §6). A product is shared: changing it changes the
// interest of every account that references it (Synctera's semantics).

export const createProduct = async (ctx: AccountsContext, input: CreateInterestInput): Promise<InterestProductRecord> => {
  const product = newInterestProduct(input, { id: newId(), tenant: ctx.tenantId, now: ctx.clock.now().toISOString() });
  const event = newEvent(ctx.clock, { type: 'ACCOUNT_PRODUCT.CREATED', tenant: ctx.tenantId, resource_id: product.id, event_resource: productView(product), audit: ctx.audit });
  await ctx.products.insertProduct(product, event);
  return product;
};

export const getProduct = async (ctx: AccountsContext, id: string): Promise<InterestProductRecord> => {
  const product = await ctx.products.getProduct(ctx.tenantId, id);
  if (!product) throw notFound('account product');
  return product;
};

/** Types whose accounts and templates require a daily-compounding product. */
const DAILY_ONLY = ACCOUNT_TYPES.filter((type) => TYPE_RULES[type].interestMustCompoundDaily);

const mustStayDaily = (id: string, by: string) =>
  new ApiError(422, 'UNPROCESSABLE_ENTITY', `calculation_method must stay COMPOUNDED_DAILY: product ${id} is used by a LINE_OF_CREDIT ${by}`);

/**
 * A product a line of credit (account or template) references must keep compounding daily.
 * Race-free through `used_by_line_of_credit`: the first such reference sets it in its own
 * transaction, bumping the product's version, and every later one checks calculation_method at
 * commit. So a PATCH that read the product unmarked either commits first (and the reference
 * fails its check and re-reads) or fails its version condition and re-reads the mark.
 */
const assertStillDailyWhereRequired = async (ctx: AccountsContext, product: InterestProductRecord): Promise<void> => {
  if (product.used_by_line_of_credit) throw mustStayDaily(product.id, 'account or template');
  // Lines of credit written before the mark existed are found by index (eventually consistent).
  const [usedByAccount, templates] = await Promise.all([
    ctx.products.usedByLineOfCredit(ctx.tenantId, product.id),
    Promise.all(DAILY_ONLY.map((type) => ctx.templates.templatesOfType(ctx.tenantId, type))),
  ]);
  if (usedByAccount) throw mustStayDaily(product.id, 'account');
  if (templates.flat().some((t) => t.template.interest_product_id === product.id)) throw mustStayDaily(product.id, 'template');
};

export const updateProduct = (ctx: AccountsContext, id: string, input: PatchInterestInput): Promise<InterestProductRecord> =>
  retryOnConflict(async () => {
    const current = await getProduct(ctx, id);
    const next = patchInterestProduct(current, input, ctx.clock.now().toISOString());
    if (current.calculation_method === 'COMPOUNDED_DAILY' && next.calculation_method !== 'COMPOUNDED_DAILY') {
      await assertStillDailyWhereRequired(ctx, current);
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
