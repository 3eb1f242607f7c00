// Request samples per operation of the route table, in Synctera's wire format. The sample-event
// generator (local/generate-events.ts) and the e2e tests both read them, so the files in events/
// and the HTTP tests exercise the same bodies.
//
// Ids and unique names are placeholders (`{{customer_id}}`, `{{unique}}`) that `npm run replay`
// resolves; local/placeholders.ts lists them.

export interface OperationSample {
  /** Query string without `?`. */
  readonly query?: string;
  readonly body?: Record<string, unknown>;
  /** Sent with the demo operator key (`{{api_key:operator}}`) instead of a tenant's. */
  readonly operator?: true;
  /** A path parameter's placeholder other than `{{<parameter>}}` (an account that has a closure). */
  readonly pathPlaceholders?: Readonly<Record<string, string>>;
}

const LEGAL_ADDRESS = {
  address_line_1: '1 Main St',
  city: 'San Francisco',
  state: 'CA',
  postal_code: '94105',
  country_code: 'US',
};

export const PERSON_BODY = {
  status: 'ACTIVE',
  first_name: 'Jane',
  last_name: 'Doe',
  dob: '1990-05-17',
  email: 'jane@example.com',
  phone_number: '+14155550100',
  // Synctera's documented sandbox SSN format; not a real person's number.
  ssn: '123-45-6789',
  legal_address: LEGAL_ADDRESS,
};

export const BUSINESS_BODY = {
  status: 'PROSPECT',
  is_customer: true,
  entity_name: 'Acme LLC',
  structure: 'LLC',
  ein: '12-3456789',
  legal_address: { ...LEGAL_ADDRESS, address_line_1: '500 Market St' },
};

const CHECKING_TEMPLATE = {
  account_type: 'CHECKING',
  bank_country: 'US',
  currency: 'USD',
  is_ach_enabled: true,
  is_card_enabled: true,
  is_wire_enabled: true,
};

const INTEREST_PRODUCT = {
  product_type: 'INTEREST',
  calculation_method: 'COMPOUNDED_DAILY',
  accrual_payout_schedule: 'MONTHLY',
  // Basis points: 125 = 1.25%.
  rates: [{ rate: 125, accrual_period: 'DAILY', valid_from: '2025-01-01' }],
  description: 'High-yield savings interest',
};

const account = {
  create: {
    body: {
      account_type: 'CHECKING',
      nickname: 'Everyday checking',
      relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: '{{verified_customer_id}}' }],
    },
  },
  list: { query: 'limit=10' },
  get: {},
  patch: { body: { nickname: 'Household checking' } },
  listRelationships: { query: 'limit=10' },
  // An authorized user is OFAC-screened instead of needing KYC.
  createRelationship: { body: { relationship_type: 'AUTHORIZED_USER', customer_id: '{{customer_id}}' } },
  getRelationship: {},
  updateRelationship: { body: { relationship_type: 'AUTHORIZED_USER' } },
  deleteRelationship: {},
  createTemplate: {
    body: { name: 'Premium checking {{unique}}', is_enabled: true, description: 'Checking with wires', template: CHECKING_TEMPLATE },
  },
  listTemplates: { query: 'account_type=CHECKING&limit=10' },
  getTemplate: {},
  updateTemplate: {
    body: {
      name: 'Premium checking {{unique}}',
      is_enabled: true,
      description: 'Checking with wires, no cards',
      template: { ...CHECKING_TEMPLATE, is_card_enabled: false },
    },
  },
  patchTemplate: { body: { is_enabled: false } },
  deleteTemplate: {},
  createProduct: { body: INTEREST_PRODUCT },
  listProducts: { query: 'product_type=INTEREST&limit=10' },
  patchProduct: { body: { product_type: 'INTEREST', description: 'High-yield savings interest (promotional)' } },
} satisfies Record<string, OperationSample>;

/** `/v0` and `/v2` serve the same operation (the v2 name ends in V2) with the same sample. */
const bothVersions = (samples: Record<string, OperationSample>): Record<string, OperationSample> =>
  Object.fromEntries(
    Object.entries(samples).flatMap(([operation, sample]) => [
      [operation, sample],
      [`${operation}V2`, sample],
    ]),
  );

/**
 * Migration mappings, sent with the OLD bank's key as the guide allows (the body names the new
 * tenant): a line of credit moving banks, so its tradeline transfer records exist too.
 */
const mapping = {
  create: {
    body: {
      resource_type: 'ACCOUNT',
      tenant: '{{tenant:new bank}}',
      resource_id: '{{new_bank_credit_account_id}}',
      old_tenant: '{{tenant:old bank}}',
      old_resource_id: '{{credit_account_id}}',
    },
  },
  list: { query: 'resource_type=ACCOUNT&limit=10' },
  get: {},
  // Re-point the old side: the first transfer is reversed and a new one recorded.
  patch: { body: { old_resource_id: '{{other_credit_account_id}}' } },
  remove: {},
  listTradelineTransfers: { query: 'account_id={{mapped_account_id}}&direction=SALE&limit=10' },
  getTradelineTransfer: {},
} satisfies Record<string, OperationSample>;

/** The ledger: a GL, a transfer funded from the tenant's FUNDING GL (by alias), and the lists. */
const ledger = {
  createInternalAccount: { body: { currency: 'USD', alias: 'marketing_{{unique}}', description: 'Marketing promotions' } },
  listInternalAccounts: { query: 'limit=10' },
  getInternalAccount: {},
  patchInternalAccount: { body: { description: 'Marketing promotions (2027)' } },
  createInternalTransfer: {
    body: {
      amount: 2500,
      currency: 'USD',
      type: 'ACCOUNT_TO_ACCOUNT',
      originating_account_alias: 'funding',
      receiving_account_id: '{{deposit_account_id}}',
    },
  },
  getInternalTransfer: {},
  patchInternalTransfer: { body: { status: 'COMPLETE', amount: 1000 } },
  listPostedTransactions: { query: 'account_id={{deposit_account_id}}&limit=10' },
  getPostedTransaction: {},
  listPendingTransactions: { query: 'limit=10' },
  getPendingTransaction: {},
  listIncomingAch: { query: 'limit=10' },
  simulateReceivingAch: {
    body: { account_number: '{{deposit_account_number}}', amount: 50_000, dc_sign: 'credit', effective_date: '2026-01-02' },
  },
  createAch: {
    body: {
      amount: 1500,
      currency: 'USD',
      // The external account's owner (the external-accounts sample links it for {{customer_id}}).
      customer_id: '{{customer_id}}',
      dc_sign: 'credit',
      originating_account_id: '{{funded_account_id}}',
      receiving_account_id: '{{external_account_id}}',
      sec_code: 'WEB',
      company_name: 'Acme Payroll',
    },
  },
  listAch: { query: 'limit=10' },
  getAch: {},
  patchAch: { body: { status: 'CANCELED' } },
  simulateAchReturn: { body: { ach_id: '{{ach_id}}' } },
  listStatements: { query: 'account_id={{deposit_account_id}}&limit=10' },
  getStatement: {},
  listStatementTransactions: {},
  wipeTenant: { body: {} },
  getSandboxClock: {},
  moveSandboxClock: { body: { advance_seconds: 86_400 } },
  createDispute: { body: { transaction_id: '{{posted_transaction_id}}' } },
  listDisputes: { query: 'status=OPEN&limit=10' },
  getDispute: {},
  patchDispute: { body: { status: 'RESOLVED' } },
  createPaymentSchedule: {
    body: {
      description: 'Monthly savings',
      payment_instruction: {
        type: 'INTERNAL_TRANSFER',
        request: {
          amount: 500,
          currency: 'USD',
          type: 'ACCOUNT_TO_ACCOUNT',
          originating_account_id: '{{funded_account_id}}',
          receiving_account_id: '{{other_deposit_account_id}}',
        },
      },
      schedule: { frequency: 'MONTHLY', interval: 1, start_date: '2030-01-15', count: 12 },
    },
  },
  listPaymentSchedules: { query: 'account_id={{funded_account_id}}&limit=10' },
  listPayments: { query: 'schedule_id={{payment_schedule_id}}&limit=10' },
  getPaymentSchedule: {},
  patchPaymentSchedule: { body: { status: 'CANCELLED' } },
} satisfies Record<string, OperationSample>;

/**
 * External accounts (contract §9): a manual account of a person, and the Plaid sandbox flow
 * against the twin's fake Plaid: a same-day micro-deposit item (vendor_institution_id "-"), so
 * the linked account stays UNVERIFIED and the PATCH sample applies to it.
 */
const externalAccount = {
  create: {
    body: {
      customer_id: '{{customer_id}}',
      customer_type: 'PERSONAL',
      type: 'CHECKING',
      account_owner_names: ['Jane Doe'],
      account_identifiers: { number: '123456789' },
      routing_identifiers: { bank_name: 'Chase', bank_countries: ['US'], ach_routing_number: '021000021' },
      currency: 'USD',
      nickname: 'Payout account',
    },
  },
  list: { query: 'customer_id={{customer_id}}&limit=10' },
  get: {},
  patch: { body: { nickname: 'Household checking' } },
  remove: {},
  linkToken: {
    body: { customer_id: '{{customer_id}}', client_name: 'Bankline demo', country_codes: ['US'], language: 'EN', type: 'DEPOSITORY' },
  },
  accessToken: {
    body: { customer_id: '{{customer_id}}', vendor_public_token: '{{plaid_public_token}}', vendor_institution_id: '-' },
  },
  addAccounts: {
    body: {
      vendor: 'PLAID',
      customer_type: 'PERSONAL',
      customer_id: '{{customer_id}}',
      vendor_access_token: '{{plaid_access_token}}',
      vendor_account_ids: ['{{plaid_account_id}}'],
    },
  },
  syncAccounts: {
    body: { vendor: 'PLAID', customer_type: 'PERSONAL', customer_id: '{{customer_id}}', vendor_access_token: '{{plaid_access_token}}' },
  },
  balance: { query: 'max_age=600' },
  transactions: { query: 'start_date=2026-01-01&end_date=2026-02-01' },
  refresh: { query: 'force_vendor_refresh=true', body: {} },
} satisfies Record<string, OperationSample>;

// Webhooks (contract §11). The secret samples replay in route order, create → roll → revoke
// (everything, so the /v2 create finds none); replaying a create alone twice gives 409.
const WEBHOOK_BODY = {
  url: 'http://localhost:4000/hook',
  enabled_events: ['ACCOUNT.*', 'CUSTOMER.UPDATED'],
  is_enabled: true,
  description: 'Account changes for the ledger sync',
  metadata: 'ledger-sync',
};

const webhook = {
  createWebhookSecret: { body: {} },
  rollWebhookSecret: { body: { is_rolling_secret: true } },
  revokeWebhookSecret: {},
  createWebhook: { body: WEBHOOK_BODY },
  listWebhooks: { query: 'is_enabled_only=true&limit=10' },
  getWebhook: {},
  replaceWebhook: { body: { ...WEBHOOK_BODY, enabled_events: ['ACCOUNT.UPDATED'] } },
  deleteWebhook: {},
  listWebhookEvents: { query: 'limit=10' },
  getWebhookEvent: {},
  resendWebhookEvent: { query: 'delay=60', body: {} },
  triggerWebhookEvent: { body: { event: 'ACCOUNT.UPDATED' } },
} satisfies Record<string, OperationSample>;

/** Keyed by Route.operation. Every POST/PATCH route needs a body here (the generator checks). */
export const SAMPLES: Readonly<Record<string, OperationSample>> = {
  createCustomer: { body: PERSON_BODY },
  listCustomers: { query: 'limit=10' },
  getCustomer: {},
  patchCustomer: { body: { email: 'jane.doe@example.com', phone_number: '+14155550101' } },
  // The whole customer: fields left out are cleared (server-owned ones, ssn and ban_status kept).
  replaceCustomer: {
    body: { ...PERSON_BODY, email: 'jane.doe@example.com', shipping_address: { ...LEGAL_ADDRESS, address_line_1: '2 Main St' } },
  },
  verifyCustomer: { body: { customer_consent: true, customer_ip_address: '203.0.113.10' } },
  listCustomerVerifications: {},

  createPerson: { body: PERSON_BODY },
  listPersons: { query: 'limit=10' },
  getPerson: {},
  patchPerson: { body: { email: 'jane.doe@example.com' } },

  createBusiness: { body: BUSINESS_BODY },
  listBusinesses: { query: 'limit=10' },
  getBusiness: {},
  patchBusiness: { body: { entity_name: 'Acme Holdings LLC', website: 'https://acme.example.com' } },

  runVerification: { body: { customer_consent: true, person_id: '{{person_id}}', customer_ip_address: '203.0.113.10' } },
  listVerifications: { query: 'limit=10' },
  getVerification: {},

  ...bothVersions({
    createAccount: account.create,
    listAccounts: account.list,
    getAccount: account.get,
    patchAccount: account.patch,
    listAccountRelationships: account.listRelationships,
    createAccountRelationship: account.createRelationship,
    getAccountRelationship: account.getRelationship,
    updateAccountRelationship: account.updateRelationship,
    deleteAccountRelationship: account.deleteRelationship,
    createAccountTemplate: account.createTemplate,
    listAccountTemplates: account.listTemplates,
    getAccountTemplate: account.getTemplate,
    updateAccountTemplate: account.updateTemplate,
    patchAccountTemplate: account.patchTemplate,
    deleteAccountTemplate: account.deleteTemplate,
    createAccountProduct: account.createProduct,
    listAccountProducts: account.listProducts,
    patchAccountProduct: account.patchProduct,
  }),

  createMigrationMapping: mapping.create,
  listMigrationMappings: mapping.list,
  getMigrationMapping: mapping.get,
  patchMigrationMapping: mapping.patch,
  deleteMigrationMapping: mapping.remove,
  listTradelineTransfers: mapping.listTradelineTransfers,
  getTradelineTransfer: mapping.getTradelineTransfer,

  ...ledger,
  createExternalAccount: externalAccount.create,
  listExternalAccounts: externalAccount.list,
  getExternalAccount: externalAccount.get,
  patchExternalAccount: externalAccount.patch,
  deleteExternalAccount: externalAccount.remove,
  createLinkToken: externalAccount.linkToken,
  createAccessToken: externalAccount.accessToken,
  addVendorAccounts: externalAccount.addAccounts,
  syncVendorAccounts: externalAccount.syncAccounts,
  getExternalAccountBalance: externalAccount.balance,
  listExternalAccountTransactions: externalAccount.transactions,
  refreshExternalAccountTransactions: externalAccount.refresh,
  ...bothVersions(webhook),
  listEvents: { query: 'type=ACCOUNT.UPDATED&limit=10' },

  // Account closure (contract §3): the remaining funds go to another account of the tenant.
  ...bothVersions({
    initiateClosure: {
      body: {
        reason: 'CUSTOMER_REQUEST_TRANSFER',
        reason_details: 'Moving to another bank',
        payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT',
        destination_id: '{{other_deposit_account_id}}',
      },
    },
    patchClosure: {
      pathPlaceholders: { account_id: 'closing_account_id' },
      body: { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: '{{other_deposit_account_id}}' },
    },
  }),

  // The operator console's organization-scoped reads (issue 13).
  getOperatorOrganization: { operator: true },
  getMigrationSummary: { operator: true },
};
