import * as z from 'zod/mini';
import { matchesDateRange } from '../../accounts/product-rules.js';
import { createInterestSchema, patchInterestSchema, PRODUCT_READ_ONLY, productTypeOnly } from '../../accounts/product-schemas.js';
import { PRODUCT_TYPES } from '../../accounts/enums.js';
import { createProduct, listProducts, updateProduct } from '../../accounts/products.js';
import { productView } from '../../accounts/views.js';
import { badRequest } from '../../shared/errors.js';
import { isoDate, withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type ApiRequest, type Operation } from '../api-request.js';
import { listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { accountsContext, pathId } from './context.js';

// `/accounts/products` (contract §6): INTEREST products only.

const FEE_DEPRECATED = 'product_type FEE is deprecated and not supported; use fee templates (/v1/fee_templates)';

/** Reads the discriminator first, so a FEE product gets a pointer rather than a list of unknown fields. */
const interestBody = <S extends z.ZodMiniType>(request: ApiRequest, schema: S): z.infer<S> => {
  const body = withoutReadOnly(request.body, PRODUCT_READ_ONLY);
  if (parseWith(productTypeOnly, body).product_type === 'FEE') throw badRequest(FEE_DEPRECATED);
  return parseWith(schema, body);
};

export const productListQuery = z.strictObject({
  ...pagingParams,
  product_type: z.enum(PRODUCT_TYPES),
  id: z.optional(z.string()),
  start_date: z.optional(isoDate),
  end_date: z.optional(isoDate),
});

const create: Operation = async (request) =>
  created(productView(await createProduct(accountsContext(request), interestBody(request, createInterestSchema))));

const patch: Operation = async (request) =>
  ok(productView(await updateProduct(accountsContext(request), pathId(request, 'product_id'), interestBody(request, patchInterestSchema))));

const list: Operation = async (request) => {
  const q = parseQuery(request, productListQuery);
  const ids = uuidsOf('id', q.id);
  const { scope, ...paging } = await pagingOf(request, {});
  // No FEE product can exist here, so that list is empty without a read.
  const page =
    q.product_type === 'FEE'
      ? { items: [] }
      : await listProducts(accountsContext(request), {
          ...paging,
          ...(ids ? { where: [{ op: 'in' as const, field: 'id', values: ids }] } : {}),
          ...(q.start_date || q.end_date ? { match: (p) => matchesDateRange(p, q.start_date, q.end_date) } : {}),
        });
  return ok(listBody(request, 'account_products', scope, page, productView));
};

export const productOperations = { create, patch, list };
