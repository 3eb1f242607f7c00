// Synctera's account enumerations (contract §2.3, §4, §5, §6), defined once.

/** Types an integrator can create. GENERAL_LEDGER is known (so it is named in errors) but reserved. */
export const ACCOUNT_TYPES = ['CHECKING', 'SAVING', 'LINE_OF_CREDIT', 'CHARGE_SECURED', 'CHARGE_UNSECURED', 'CREDIT_CARD'] as const;
export const KNOWN_ACCOUNT_TYPES = [...ACCOUNT_TYPES, 'GENERAL_LEDGER'] as const;
export type AccountType = (typeof ACCOUNT_TYPES)[number];

export const ACCOUNT_STATUSES = [
  'ACCOUNT_NEVER_ACTIVE',
  'ACCOUNT_NOT_DESIRED',
  'ACTIVATED_NOT_DISBURSED',
  'ACTIVE_OR_DISBURSED',
  'APPLICATION_SUBMITTED',
  'AWAITING_FIXING',
  'CHARGED_OFF',
  'CLOSED',
  'DELINQUENT',
  'FAILED_KYC',
  'IN_CLOSING',
  'RESTRICTED',
  'SUSPENDED',
] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCESS_STATUSES = ['ACTIVE', 'FROZEN'] as const;
export type AccessStatus = (typeof ACCESS_STATUSES)[number];

export const CUSTOMER_TYPES = ['PERSONAL', 'BUSINESS'] as const;
export type CustomerType = (typeof CUSTOMER_TYPES)[number];

export const RELATIONSHIP_TYPES = [
  'PRIMARY_ACCOUNT_HOLDER',
  'ACCOUNT_HOLDER',
  'JOINT_ACCOUNT_HOLDER',
  'AUTHORIZED_SIGNER',
  'AUTHORIZED_USER',
] as const;
export type RelationshipType = (typeof RELATIONSHIP_TYPES)[number];

export const RAIL_FLAGS = [
  'is_ach_enabled',
  'is_card_enabled',
  'is_eft_ca_enabled',
  'is_external_card_enabled',
  'is_p2p_enabled',
  'is_synctera_pay_enabled',
  'is_wire_enabled',
] as const;
export type RailFlag = (typeof RAIL_FLAGS)[number];

export const BILLING_FREQUENCIES = ['ANNUALLY', 'BI_WEEKLY', 'DAILY', 'MONTHLY', 'SEMI_MONTHLY', 'WEEKLY'] as const;
export const APPLICATION_TYPES = ['CREDIT', 'LINE_OF_CREDIT', 'RESTRICTED_ACCOUNT'] as const;

export const PRODUCT_TYPES = ['FEE', 'INTEREST'] as const;
export const CALCULATION_METHODS = ['COMPOUNDED_DAILY', 'COMPOUNDED_MONTHLY'] as const;
export const ACCRUAL_PAYOUT_SCHEDULES = ['MONTHLY', 'NONE'] as const;
export const ACCRUAL_PERIODS = ['DAILY', 'MONTHLY'] as const;

export const BALANCE_TYPES = ['ACCOUNT_BALANCE', 'AVAILABLE_BALANCE'] as const;
