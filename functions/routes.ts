// The one route table. CDK builds API Gateway resources from it, the local twin matches
// requests against it, and each domain handler dispatches on it. Pure data: no imports, so
// reading it never pulls handler code into the CDK app or the other way round.

export const PERMISSIONS = [
  'customer:read',
  'customer:write',
  'account:read',
  'account:write',
  'external_account:read',
  'external_account:write',
  'webhook:read',
  'webhook:write',
  // Bank-only closure reasons (contract §3.2): held by the bank's keys, not a fintech's.
  'bank:closure',
] as const;
/** What a tenant API key can be granted (`npm run keys -- create --permissions`). */
export type TenantPermission = (typeof PERMISSIONS)[number];

// Operator keys (issue 13) belong to an organization and are never granted these by a tenant key:
// `organization:read` opens the organization-scoped read path (/v0/operator/*), `console:act`
// the few write routes the console may call (routes marked consoleAction).
export const ORGANIZATION_READ = 'organization:read';
export const CONSOLE_ACT = 'console:act';
export const OPERATOR_ONLY_PERMISSIONS = [ORGANIZATION_READ, CONSOLE_ACT] as const;
export type Permission = TenantPermission | (typeof OPERATOR_ONLY_PERMISSIONS)[number];
/** Every permission a principal can carry, tenant key or operator key. */
export const ALL_PERMISSIONS: readonly Permission[] = [...PERMISSIONS, ...OPERATOR_ONLY_PERMISSIONS];

export const DOMAINS = [
  'customers',
  'accounts',
  'mappings',
  'external_accounts',
  'external_accounts_vendor',
  'webhooks',
  'ledger',
  'closures',
  'operator',
] as const;
export type Domain = (typeof DOMAINS)[number];

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A permission that depends on the request: the type of the resource touched (from the body, or
 * the stored record) picks it, as for migration mappings (PERSON and BUSINESS need customer:*,
 * ACCOUNT needs account:*). The chain admits a key holding any of them; the operation then
 * checks the one that applies (functions/http/permissions.ts requirePermissionFor).
 */
export interface PermissionByResourceType {
  readonly byResourceType: Readonly<Record<string, Permission>>;
}

export type RoutePermission = Permission | PermissionByResourceType;

/** Every permission that can let a request through the route; a key holding none gets 403 early. */
export const possiblePermissions = (permission: RoutePermission): readonly Permission[] =>
  typeof permission === 'string' ? [permission] : [...new Set(Object.values(permission.byResourceType))];

/** Whether the operation, not the route alone, decides the permission. */
export const decidedByOperation = (permission: RoutePermission): permission is PermissionByResourceType => typeof permission !== 'string';

/** The permissions that follow a customer or account resource: customer:* for persons and businesses, account:* for accounts. */
export const followsResourceType = (action: 'read' | 'write'): PermissionByResourceType => ({
  byResourceType: { PERSON: `customer:${action}`, BUSINESS: `customer:${action}`, ACCOUNT: `account:${action}` },
});

export interface Route {
  readonly method: HttpMethod;
  /** API Gateway resource path, `{name}` for path parameters. */
  readonly path: string;
  readonly domain: Domain;
  readonly operation: string;
  readonly permission: RoutePermission;
  /** Whether an `Idempotency-Key` header is honoured (every POST, and PATCH where Synctera declares it). */
  readonly idempotent: boolean;
  /**
   * Top-level response fields that are bearer credentials: the response stored for Idempotency-Key
   * replay holds them only encrypted, by the sealer the domain's handler must supply.
   */
  readonly sealedResponseFields?: readonly string[];
  /**
   * A console action (issue 13): besides tenant keys holding the route's permission, an operator
   * key holding `console:act` may call it. Every other write route is closed to operator keys.
   */
  readonly consoleAction?: true;
  /**
   * Served for the caller's organization, not one tenant: no X-Bankline-Tenant, no tenant scope.
   * Only operator keys hold `organization:read`.
   */
  readonly organizationScoped?: true;
}

interface RouteOptions {
  readonly sealedResponseFields?: readonly string[];
  readonly consoleAction?: true;
  readonly organizationScoped?: true;
}

const route = (
  method: HttpMethod,
  path: string,
  domain: Domain,
  operation: string,
  permission: RoutePermission,
  options: RouteOptions = {},
): Route => ({
  method,
  path,
  domain,
  operation,
  permission,
  idempotent: method === 'POST' || method === 'PATCH',
  ...options,
});

/**
 * The same operation under `/v0` and `/v2` (contract §1.1, §2.13): the v2 route's operation
 * name carries a `V2` suffix, and the handler answers with the v2 superset fields.
 */
const bothVersions = (
  method: HttpMethod,
  path: string,
  domain: Domain,
  operation: string,
  permission: RoutePermission,
  options: RouteOptions = {},
): Route[] => [
  route(method, `/v0${path}`, domain, operation, permission, options),
  route(method, `/v2${path}`, domain, `${operation}V2`, permission, options),
];

export const ROUTES: readonly Route[] = [
  route('POST', '/v0/customers', 'customers', 'createCustomer', 'customer:write'),
  route('GET', '/v0/customers', 'customers', 'listCustomers', 'customer:read'),
  route('GET', '/v0/customers/{customer_id}', 'customers', 'getCustomer', 'customer:read'),
  route('PATCH', '/v0/customers/{customer_id}', 'customers', 'patchCustomer', 'customer:write'),
  // Full replace (contract §7.1). Synctera declares no Idempotency-Key on it; a repeated PUT
  // of the same body changes nothing the second time anyway.
  route('PUT', '/v0/customers/{customer_id}', 'customers', 'replaceCustomer', 'customer:write'),
  route('POST', '/v0/customers/{customer_id}/verify', 'customers', 'verifyCustomer', 'customer:write'),
  route('GET', '/v0/customers/{customer_id}/verifications', 'customers', 'listCustomerVerifications', 'customer:read'),

  route('POST', '/v0/persons', 'customers', 'createPerson', 'customer:write'),
  route('GET', '/v0/persons', 'customers', 'listPersons', 'customer:read'),
  route('GET', '/v0/persons/{person_id}', 'customers', 'getPerson', 'customer:read'),
  route('PATCH', '/v0/persons/{person_id}', 'customers', 'patchPerson', 'customer:write'),

  route('POST', '/v0/businesses', 'customers', 'createBusiness', 'customer:write'),
  route('GET', '/v0/businesses', 'customers', 'listBusinesses', 'customer:read'),
  route('GET', '/v0/businesses/{business_id}', 'customers', 'getBusiness', 'customer:read'),
  route('PATCH', '/v0/businesses/{business_id}', 'customers', 'patchBusiness', 'customer:write'),

  route('POST', '/v0/verifications/verify', 'customers', 'runVerification', 'customer:write'),
  route('GET', '/v0/verifications', 'customers', 'listVerifications', 'customer:read'),
  route('GET', '/v0/verifications/{verification_id}', 'customers', 'getVerification', 'customer:read'),

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

  // Migration mappings (contract §10): the permission follows the mapped resource_type (PERSON
  // and BUSINESS customer:*, ACCOUNT account:*), checked by the operations.
  route('POST', '/v0/migration_mappings', 'mappings', 'createMigrationMapping', followsResourceType('write')),
  route('GET', '/v0/migration_mappings', 'mappings', 'listMigrationMappings', followsResourceType('read')),
  route('GET', '/v0/migration_mappings/{mapping_id}', 'mappings', 'getMigrationMapping', followsResourceType('read')),
  route('PATCH', '/v0/migration_mappings/{mapping_id}', 'mappings', 'patchMigrationMapping', followsResourceType('write')),
  route('DELETE', '/v0/migration_mappings/{mapping_id}', 'mappings', 'deleteMigrationMapping', followsResourceType('write')),
  // Bankline extension (not in Synctera's API): the tradeline transfer records credit-account
  // mappings write, read-only, each tenant its own side.
  route('GET', '/v0/credit_reporting/tradeline_transfers', 'mappings', 'listTradelineTransfers', 'account:read'),
  route('GET', '/v0/credit_reporting/tradeline_transfers/{tradeline_transfer_id}', 'mappings', 'getTradelineTransfer', 'account:read'),

  // The ledger (issue 9, contract §12): money moves on accounts, so the account permissions guard it.
  route('POST', '/v0/internal_accounts', 'ledger', 'createInternalAccount', 'account:write'),
  route('GET', '/v0/internal_accounts', 'ledger', 'listInternalAccounts', 'account:read'),
  route('GET', '/v0/internal_accounts/{internal_account_id}', 'ledger', 'getInternalAccount', 'account:read'),
  route('PATCH', '/v0/internal_accounts/{internal_account_id}', 'ledger', 'patchInternalAccount', 'account:write'),
  route('POST', '/v0/transactions/internal_transfer', 'ledger', 'createInternalTransfer', 'account:write'),
  route('GET', '/v0/transactions/internal_transfer/{transaction_id}', 'ledger', 'getInternalTransfer', 'account:read'),
  route('PATCH', '/v0/transactions/internal_transfer/{transaction_id}', 'ledger', 'patchInternalTransfer', 'account:write'),
  route('GET', '/v0/transactions/posted', 'ledger', 'listPostedTransactions', 'account:read'),
  route('GET', '/v0/transactions/posted/{posted_transaction_id}', 'ledger', 'getPostedTransaction', 'account:read'),
  route('GET', '/v0/transactions/pending', 'ledger', 'listPendingTransactions', 'account:read'),
  route('GET', '/v0/transactions/pending/{pending_transaction_id}', 'ledger', 'getPendingTransaction', 'account:read'),
  route('GET', '/v0/ach/incoming', 'ledger', 'listIncomingAch', 'account:read'),
  route('POST', '/v0/ach', 'ledger', 'createAch', 'account:write'),
  route('GET', '/v0/ach', 'ledger', 'listAch', 'account:read'),
  route('GET', '/v0/ach/{ach_id}', 'ledger', 'getAch', 'account:read'),
  route('PATCH', '/v0/ach/{ach_id}', 'ledger', 'patchAch', 'account:write'),
  route('POST', '/v0/ach/transaction_simulations/receiving_return', 'ledger', 'simulateAchReturn', 'account:write'),
  // Sandbox only (403 elsewhere): the incoming ACH simulation, and the tenant's clock (Bankline extension).
  route('POST', '/v0/ach/transaction_simulations/receiving_transaction', 'ledger', 'simulateReceivingAch', 'account:write'),
  route('GET', '/v0/statements', 'ledger', 'listStatements', 'account:read'),
  route('GET', '/v0/statements/{statement_id}', 'ledger', 'getStatement', 'account:read'),
  route('GET', '/v0/statements/{statement_id}/transactions', 'ledger', 'listStatementTransactions', 'account:read'),
  route('POST', '/v0/wipe', 'ledger', 'wipeTenant', 'account:write'),
  route('GET', '/v0/sandbox/clock', 'ledger', 'getSandboxClock', 'account:read'),
  route('POST', '/v0/sandbox/clock', 'ledger', 'moveSandboxClock', 'account:write', { consoleAction: true }),
  // Sandbox disputes and payment schedules (ledger, round 3).
  route('POST', '/v0/sandbox/disputes', 'ledger', 'createDispute', 'account:write'),
  route('GET', '/v0/sandbox/disputes', 'ledger', 'listDisputes', 'account:read'),
  route('GET', '/v0/sandbox/disputes/{dispute_id}', 'ledger', 'getDispute', 'account:read'),
  route('PATCH', '/v0/sandbox/disputes/{dispute_id}', 'ledger', 'patchDispute', 'account:write'),
  route('POST', '/v0/payment_schedules', 'ledger', 'createPaymentSchedule', 'account:write'),
  route('GET', '/v0/payment_schedules', 'ledger', 'listPaymentSchedules', 'account:read'),
  route('GET', '/v0/payment_schedules/payments', 'ledger', 'listPayments', 'account:read'),
  route('GET', '/v0/payment_schedules/{payment_schedule_id}', 'ledger', 'getPaymentSchedule', 'account:read'),
  route('PATCH', '/v0/payment_schedules/{payment_schedule_id}', 'ledger', 'patchPaymentSchedule', 'account:write'),
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
  // Webhooks (contract §11.1), identical under /v2. The secret's routes are listed create, roll,
  // revoke per version, the order their sample events replay in (one secret per tenant).
  ...(['/v0', '/v2'] as const).flatMap((v) => {
    const suffix = v === '/v2' ? 'V2' : '';
    return [
      route('POST', `${v}/webhook_secrets`, 'webhooks', `createWebhookSecret${suffix}`, 'webhook:write'),
      route('PUT', `${v}/webhook_secrets`, 'webhooks', `rollWebhookSecret${suffix}`, 'webhook:write'),
      route('DELETE', `${v}/webhook_secrets`, 'webhooks', `revokeWebhookSecret${suffix}`, 'webhook:write'),
    ];
  }),
  ...bothVersions('POST', '/webhooks', 'webhooks', 'createWebhook', 'webhook:write'),
  ...bothVersions('GET', '/webhooks', 'webhooks', 'listWebhooks', 'webhook:read'),
  ...bothVersions('POST', '/webhooks/trigger', 'webhooks', 'triggerWebhookEvent', 'webhook:write'),
  ...bothVersions('GET', '/webhooks/{webhook_id}', 'webhooks', 'getWebhook', 'webhook:read'),
  ...bothVersions('PUT', '/webhooks/{webhook_id}', 'webhooks', 'replaceWebhook', 'webhook:write'),
  ...bothVersions('DELETE', '/webhooks/{webhook_id}', 'webhooks', 'deleteWebhook', 'webhook:write'),
  ...bothVersions('GET', '/webhooks/{webhook_id}/events', 'webhooks', 'listWebhookEvents', 'webhook:read'),
  ...bothVersions('GET', '/webhooks/{webhook_id}/events/{event_id}', 'webhooks', 'getWebhookEvent', 'webhook:read'),
  ...bothVersions('POST', '/webhooks/{webhook_id}/events/{event_id}/resend', 'webhooks', 'resendWebhookEvent', 'webhook:write', {
    consoleAction: true,
  }),
  // Bankline extension: the tenant's event log, whether or not a webhook exists.
  route('GET', '/v0/events', 'webhooks', 'listEvents', 'webhook:read'),
  // Account closure (contract §3): its own function, so the accounts Lambda does not grow.
  // PATCH is v2 in the spec; served at /v0 too ([INFERRED], same path shape).
  ...bothVersions('POST', '/accounts/{account_id}/initiate_closure', 'closures', 'initiateClosure', 'account:write'),
  ...bothVersions('PATCH', '/accounts/{account_id}/initiate_closure', 'closures', 'patchClosure', 'account:write'),

  // The operator console's organization-scoped read path (issue 13, Bankline extension): operator keys only.
  route('GET', '/v0/operator/organization', 'operator', 'getOperatorOrganization', ORGANIZATION_READ, { organizationScoped: true }),
  route('GET', '/v0/operator/migration_summary', 'operator', 'getMigrationSummary', ORGANIZATION_READ, { organizationScoped: true }),
];

export const routeKey = (method: string, path: string): string => `${method.toUpperCase()} ${path}`;

export const routesOf = (domain: Domain): readonly Route[] => ROUTES.filter((r) => r.domain === domain);
