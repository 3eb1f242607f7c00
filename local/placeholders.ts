// The `{{...}}` placeholders sample events may contain, and how replay resolves each:
//   {{api_key:<tenant name>}}  that demo tenant's API key, from .bankline/local.json
//   {{<name>_id}}              an id (or {{<name>_number}}, an account number) created first by replaying the fixture event below (under the
//                              same API key, so the resource belongs to the event's tenant); one
//                              resource per name per replay, shared by nested fixtures
//   {{unique}}                 a fresh short random string at each occurrence, for fields that
//                              must be unique per tenant (template names)
//   {{tenant:<tenant name>}}   that demo tenant's id, from .bankline/local.json (migration mappings
//                              name both tenants)

export const API_KEY_PLACEHOLDER = /\{\{api_key:([^}]+)\}\}/g;
// `_token` too: the external-account samples carry vendor tokens made the same way; `_number`: account numbers (ledger).
export const ID_PLACEHOLDER = /\{\{([a-z_]+_(?:id|token|number))\}\}/g;
export const UNIQUE_PLACEHOLDER = /\{\{unique\}\}/g;
export const TENANT_PLACEHOLDER = /\{\{tenant:([^}]+)\}\}/g;
/** `{{api_key:operator}}`: the demo operator key (issue 13) rather than a tenant's. */
export const OPERATOR_SAMPLE_KEY = 'operator';

export interface IdFixture {
  /** Sample event, relative to events/, whose replay creates the resource. */
  readonly event: string;
  /** The id, from the fixture's response body or from the ids its own placeholders resolved to. */
  readonly pick: (body: unknown, used: Readonly<Record<string, string>>) => unknown;
  /**
   * Placeholders of the fixture event to resolve under another name. Ids are shared across one
   * replay, so without this the customer verified for an account's primary holder would also be
   * the `{{customer_id}}` an event adds as a second holder.
   */
  readonly rename?: Readonly<Record<string, string>>;
  /** Replay the fixture under this demo tenant's key instead of the event's (the other side of a mapping). */
  readonly tenant?: string;
  /** Fields merged into the fixture event's JSON body (a credit account from the account sample). */
  readonly body?: Readonly<Record<string, unknown>>;
  /**
   * Sample events replayed, in order and under the fixture's key, after the fixture event's own
   * placeholders resolved and before the fixture event itself: state a resource only has once
   * something else happened (a statement exists once the tenant's clock passed a month end).
   * Each must succeed; its own placeholders resolve as the fixture's do.
   */
  readonly before?: readonly FixtureStep[];
}

export interface FixtureStep {
  /** Sample event, relative to events/. */
  readonly event: string;
  /** Fields merged into its JSON body. */
  readonly body?: Readonly<Record<string, unknown>>;
}

const SAVINGS = { account_type: 'SAVING', nickname: 'Savings' };
const CREDIT_LINE = { account_type: 'LINE_OF_CREDIT', nickname: 'Credit line', credit_limit: 500_000 };

/** Past the next month end from any date: the month-end job issues statements on the 1st to the 3rd. */
const PAST_MONTH_END = { event: 'sandbox/move-sandbox-clock.json', body: { advance_seconds: 32 * 24 * 3600 } };

const field = (name: string) => (body: unknown) => (body as Record<string, unknown> | null)?.[name];

export const ID_FIXTURES: Readonly<Record<string, IdFixture>> = {
  // Account closure: an account being closed (its own {{account_id}}), and its closure's id.
  closing_account_id: { event: 'accounts/initiate-closure.json', pick: field('id') },
  closure_id: {
    event: 'accounts/initiate-closure.json',
    pick: (body) => (body as { account_closure?: { id?: string } } | null)?.account_closure?.id,
  },
  customer_id: { event: 'customers/create-customer.json', pick: field('id') },
  // Owners and signers of accounts must have passed KYC: create a customer, then verify it.
  verified_customer_id: {
    event: 'customers/verify-customer.json',
    rename: { customer_id: 'unverified_customer_id' },
    pick: (_body, used) => used.unverified_customer_id,
  },
  unverified_customer_id: { event: 'customers/create-customer.json', pick: field('id') },
  person_id: { event: 'persons/create-person.json', pick: field('id') },
  business_id: { event: 'businesses/create-business.json', pick: field('id') },
  verification_id: {
    event: 'verifications/run-verification.json',
    pick: (body) => ((field('verifications')(body) as Array<{ id?: unknown }> | undefined) ?? [])[0]?.id,
  },
  account_id: { event: 'accounts/create-account.json', pick: field('id') },
  // The ledger's samples use SAVING accounts: the template samples add CHECKING templates, after
  // which a CHECKING account needs an account_template_id.
  deposit_account_id: { event: 'accounts/create-account.json', body: SAVINGS, pick: field('id') },
  deposit_account_number: { event: 'accounts/create-account.json', body: SAVINGS, pick: field('account_number') },
  // Funded by the transfer sample (2500 from the FUNDING GL), so an outgoing ACH credit has the money.
  funded_account_id: { event: 'transactions/create-internal-transfer.json', pick: (_body, used) => used.deposit_account_id },
  internal_account_id: { event: 'internal_accounts/create-internal-account.json', pick: field('id') },
  // A MANUAL transfer (a hold), so the PATCH sample can capture it.
  transaction_id: { event: 'transactions/create-internal-transfer.json', body: { capture_mode: 'MANUAL' }, pick: field('id') },
  pending_transaction_id: { event: 'transactions/create-internal-transfer.json', body: { capture_mode: 'MANUAL' }, pick: field('id') },
  posted_transaction_id: { event: 'transactions/create-internal-transfer.json', pick: field('id') },
  ach_id: { event: 'ach/create-ach.json', pick: field('id') },
  dispute_id: { event: 'sandbox/create-dispute.json', pick: field('id') },
  // A second SAVING account: the payment schedule sample pays into it from the funded one.
  other_deposit_account_id: { event: 'accounts/create-account.json', body: SAVINGS, pick: field('id') },
  payment_schedule_id: { event: 'payment_schedules/create-payment-schedule.json', pick: field('id') },
  relationship_id: { event: 'accounts/create-account-relationship.json', pick: field('id') },
  template_id: { event: 'accounts/create-account-template.json', pick: field('id') },
  product_id: { event: 'accounts/create-account-product.json', pick: field('id') },

  // A migration mapping links a line of credit of the old bank to one of the new bank, so the
  // tradeline transfer samples have records to read.
  credit_account_id: { event: 'accounts/create-account.json', body: CREDIT_LINE, pick: field('id') },
  other_credit_account_id: { event: 'accounts/create-account.json', body: CREDIT_LINE, pick: field('id') },
  new_bank_credit_account_id: { event: 'accounts/create-account.json', tenant: 'new bank', body: CREDIT_LINE, pick: field('id') },
  mapping_id: { event: 'migration_mappings/create-migration-mapping.json', pick: field('id') },
  /** The mapped old-bank account: the account whose SALE record the old bank's key sees. */
  mapped_account_id: { event: 'migration_mappings/create-migration-mapping.json', pick: field('old_resource_id') },
  // An account linked through the fake Plaid (balance and transactions need a vendor); the
  // sandbox placeholders it rests on are local/vendors/sandbox-fixtures.ts.
  external_account_id: {
    event: 'external_accounts/add-vendor-accounts.json',
    pick: (body) => ((field('added_accounts')(body) as Array<{ id?: unknown }> | undefined) ?? [])[0]?.id,
  },
  plaid_access_token: { event: 'external_accounts/create-access-token.json', pick: field('vendor_access_token') },
  tradeline_transfer_id: {
    event: 'credit_reporting/list-tradeline-transfers.json',
    pick: (body) => ((field('tradeline_transfers')(body) as Array<{ id?: unknown }> | undefined) ?? [])[0]?.id,
  },

  // Webhooks: a subscription to ACCOUNT.*, and a test event it has a delivery for (the trigger
  // writes the deliveries with the event; the webhook's own placeholder resolves first).
  webhook_id: { event: 'webhooks/create-webhook.json', pick: field('id') },
  event_id: { event: 'webhooks/trigger-webhook-event.json', pick: field('id') },

  // A statement of the funded account: fund it, move the tenant's sandbox clock past the month
  // end, then list the account's statements.
  statement_id: {
    event: 'statements/list-statements.json',
    rename: { deposit_account_id: 'funded_account_id' },
    before: [PAST_MONTH_END],
    pick: (body) => ((field('statements')(body) as Array<{ id?: unknown }> | undefined) ?? [])[0]?.id,
  },
};

/** `{customer_id}` in a route template → `{{customer_id}}` in the sample event. */
export const placeholderFor = (parameter: string): string => `{{${parameter}}}`;

export const DEFAULT_SAMPLE_TENANT = 'old bank';
