// Accounts, relationships, templates and products, each under /v0 and /v2, in the one route table (functions/routes.ts).
import { bothVersions, type Route } from './route.js';

export const ACCOUNT_ROUTES: readonly Route[] = [
  // Accounts (contract §2, §4, §5, §6). `/accounts/templates` and `/accounts/products` are
  // static siblings of `/accounts/{account_id}`; API Gateway matches the static segment first.
  ...bothVersions('POST', '/accounts', 'accounts', 'createAccount', 'account:write'),
  ...bothVersions('GET', '/accounts', 'accounts', 'listAccounts', 'account:read'),
  ...bothVersions('GET', '/accounts/{account_id}', 'accounts', 'getAccount', 'account:read'),
  ...bothVersions('PATCH', '/accounts/{account_id}', 'accounts', 'patchAccount', 'account:write'),

  ...bothVersions('GET', '/accounts/{account_id}/relationships', 'accounts', 'listAccountRelationships', 'account:read'),
  ...bothVersions('POST', '/accounts/{account_id}/relationships', 'accounts', 'createAccountRelationship', 'account:write'),
  ...bothVersions('GET', '/accounts/{account_id}/relationships/{relationship_id}', 'accounts', 'getAccountRelationship', 'account:read'),
  ...bothVersions(
    'PUT',
    '/accounts/{account_id}/relationships/{relationship_id}',
    'accounts',
    'updateAccountRelationship',
    'account:write',
  ),
  ...bothVersions(
    'DELETE',
    '/accounts/{account_id}/relationships/{relationship_id}',
    'accounts',
    'deleteAccountRelationship',
    'account:write',
  ),

  ...bothVersions('POST', '/accounts/templates', 'accounts', 'createAccountTemplate', 'account:write'),
  ...bothVersions('GET', '/accounts/templates', 'accounts', 'listAccountTemplates', 'account:read'),
  ...bothVersions('GET', '/accounts/templates/{template_id}', 'accounts', 'getAccountTemplate', 'account:read'),
  ...bothVersions('PUT', '/accounts/templates/{template_id}', 'accounts', 'updateAccountTemplate', 'account:write'),
  // PATCH is a v2 addition (contract §5.1); served under /v0 too, as the same handler.
  ...bothVersions('PATCH', '/accounts/templates/{template_id}', 'accounts', 'patchAccountTemplate', 'account:write'),
  ...bothVersions('DELETE', '/accounts/templates/{template_id}', 'accounts', 'deleteAccountTemplate', 'account:write'),

  ...bothVersions('POST', '/accounts/products', 'accounts', 'createAccountProduct', 'account:write'),
  ...bothVersions('GET', '/accounts/products', 'accounts', 'listAccountProducts', 'account:read'),
  ...bothVersions('PATCH', '/accounts/products/{product_id}', 'accounts', 'patchAccountProduct', 'account:write'),
];
