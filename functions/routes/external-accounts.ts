// External accounts, manual and vendor-linked, in the one route table (functions/routes.ts).
import { route, type Route } from './route.js';

export const EXTERNAL_ACCOUNT_ROUTES: readonly Route[] = [
  // External accounts (contract §9). Two functions: 'external_accounts' never calls an
  // aggregator; 'external_accounts_vendor' serves every route that may (the Plaid SDK and the
  // vendor credentials stay out of the other). DELETE may remove the item at the vendor.
  route('POST', '/v0/external_accounts', 'external_accounts', 'createExternalAccount', 'external_account:write'),
  route('GET', '/v0/external_accounts', 'external_accounts', 'listExternalAccounts', 'external_account:read'),
  route('GET', '/v0/external_accounts/{external_account_id}', 'external_accounts', 'getExternalAccount', 'external_account:read'),
  route('PATCH', '/v0/external_accounts/{external_account_id}', 'external_accounts', 'patchExternalAccount', 'external_account:write'),
  route(
    'DELETE',
    '/v0/external_accounts/{external_account_id}',
    'external_accounts_vendor',
    'deleteExternalAccount',
    'external_account:write',
  ),
  route('POST', '/v0/external_accounts/link_tokens', 'external_accounts_vendor', 'createLinkToken', 'external_account:write'),
  // The one response that carries a vendor access token (issue 8, Secrets).
  route('POST', '/v0/external_accounts/access_tokens', 'external_accounts_vendor', 'createAccessToken', 'external_account:write', {
    sealedResponseFields: ['vendor_access_token'],
  }),
  route('POST', '/v0/external_accounts/add_vendor_accounts', 'external_accounts_vendor', 'addVendorAccounts', 'external_account:write'),
  route('POST', '/v0/external_accounts/sync_vendor_accounts', 'external_accounts_vendor', 'syncVendorAccounts', 'external_account:write'),
  route(
    'GET',
    '/v0/external_accounts/{external_account_id}/balance',
    'external_accounts_vendor',
    'getExternalAccountBalance',
    'external_account:read',
  ),
  route(
    'GET',
    '/v0/external_accounts/{external_account_id}/transactions',
    'external_accounts_vendor',
    'listExternalAccountTransactions',
    'external_account:read',
  ),
  // Synctera declares no Idempotency-Key here (§9.1); Bankline honours one like on every POST.
  route(
    'POST',
    '/v0/external_accounts/{external_account_id}/refresh_transactions',
    'external_accounts_vendor',
    'refreshExternalAccountTransactions',
    'external_account:write',
  ),
];
