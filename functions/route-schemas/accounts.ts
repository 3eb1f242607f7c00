// The account routes' entries of the route schema registry (functions/route-schemas.ts).
import * as productRequests from '../accounts/product-schemas.js';
import * as a from '../accounts/response-schemas.js';
import * as accountRequests from '../accounts/schemas.js';
import * as templateRequests from '../accounts/template-schemas.js';
import { accountListQuery } from '../http/accounts/account-list-query.js';
import { productListQuery } from '../http/accounts/product-operations.js';
import { templateListQuery } from '../http/accounts/template-operations.js';
import { pagingQuery } from '../http/list-query.js';
import { ACCOUNT_CLOSED, type RouteSchemas } from './entry.js';

export const ACCOUNT_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  // Accounts, relationships, templates, products (contract §2, §4, §5, §6); /v2 shares these.
  createAccount: { body: accountRequests.createAccountSchema, responses: { 201: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  createAccountV2: { body: accountRequests.createAccountSchemaV2, responses: { 201: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  listAccounts: { query: accountListQuery, responses: { 200: a.accountListSchema } },
  getAccount: { responses: { 200: a.accountResponseSchema } },
  patchAccount: { body: accountRequests.patchAccountSchema, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  patchAccountV2: { body: accountRequests.patchAccountSchemaV2, responses: { 200: a.accountResponseSchema }, errors: [ACCOUNT_CLOSED] },
  listAccountRelationships: { query: pagingQuery, responses: { 200: a.relationshipListSchema } },
  createAccountRelationship: {
    body: accountRequests.relationshipInput,
    responses: { 201: a.relationshipResponseSchema },
    errors: [ACCOUNT_CLOSED],
  },
  getAccountRelationship: { responses: { 200: a.relationshipResponseSchema } },
  updateAccountRelationship: {
    body: accountRequests.relationshipInput,
    responses: { 200: a.relationshipResponseSchema },
    errors: [ACCOUNT_CLOSED],
  },
  deleteAccountRelationship: { responses: { 200: a.deleteResponseSchema }, errors: [ACCOUNT_CLOSED] },
  createAccountTemplate: { body: templateRequests.templateSchema, responses: { 201: a.templateResponseSchema } },
  listAccountTemplates: { query: templateListQuery, responses: { 200: a.templateListSchema } },
  getAccountTemplate: { responses: { 200: a.templateResponseSchema } },
  updateAccountTemplate: { body: templateRequests.templateSchema, responses: { 200: a.templateResponseSchema } },
  patchAccountTemplate: { body: templateRequests.patchTemplateSchema, responses: { 200: a.templateResponseSchema } },
  deleteAccountTemplate: { responses: { 200: a.deleteResponseSchema } },
  createAccountProduct: { body: productRequests.createInterestSchema, responses: { 201: a.productResponseSchema } },
  listAccountProducts: { query: productListQuery, responses: { 200: a.productListSchema } },
  patchAccountProduct: { body: productRequests.patchInterestSchema, responses: { 200: a.productResponseSchema } },
};
