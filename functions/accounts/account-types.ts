import type { AccountType, RailFlag } from './enums.js';

// What each account type may carry (contract §2.2, §2.11, §5.2). One table, read by the
// account rules, the template rules and the balance view, so a type's shape is stated once.

/** Deposit accounts count credits up; lending accounts count what is owed (contract §2.9). */
export type Family = 'DEPOSIT' | 'UNSECURED_CREDIT' | 'SECURED_CREDIT';

export const TYPE_FIELDS = [
  'balance_floor',
  'balance_ceiling',
  'interest_product_id',
  'fee_product_ids',
  'spend_control_ids',
  'overdraft_limit',
  'credit_limit',
  'grace_period',
  'auto_payment_period',
  'billing_period',
  'minimum_payment',
  'security',
  'is_system_auto_pay_enabled',
] as const;
export type TypeField = (typeof TYPE_FIELDS)[number];

export interface TypeRules {
  family: Family;
  rails: readonly RailFlag[];
  fields: readonly TypeField[];
  /** Which minimum_payment schemes the type accepts; templates of these types must set one. */
  minimumPayment?: readonly ('FULL' | 'RATE_OR_AMOUNT')[];
  /** Contract §6.2: a line of credit needs an interest product that compounds daily. */
  interestMustCompoundDaily: boolean;
}

const ALL_RAILS: readonly RailFlag[] = [
  'is_ach_enabled',
  'is_card_enabled',
  'is_eft_ca_enabled',
  'is_external_card_enabled',
  'is_p2p_enabled',
  'is_synctera_pay_enabled',
  'is_wire_enabled',
];
const CHARGE_RAILS = ALL_RAILS.filter((r) => r !== 'is_external_card_enabled');
const LOC_RAILS = CHARGE_RAILS.filter((r) => r !== 'is_card_enabled');

const DEPOSIT: TypeRules = {
  family: 'DEPOSIT',
  rails: ALL_RAILS,
  fields: ['balance_floor', 'balance_ceiling', 'interest_product_id', 'fee_product_ids', 'spend_control_ids', 'overdraft_limit'],
  interestMustCompoundDaily: false,
};

export const TYPE_RULES: Readonly<Record<AccountType, TypeRules>> = {
  CHECKING: DEPOSIT,
  SAVING: DEPOSIT,
  LINE_OF_CREDIT: {
    family: 'UNSECURED_CREDIT',
    rails: LOC_RAILS,
    fields: ['credit_limit', 'grace_period', 'minimum_payment', 'interest_product_id', 'billing_period'],
    minimumPayment: ['RATE_OR_AMOUNT'],
    interestMustCompoundDaily: true,
  },
  CHARGE_SECURED: {
    family: 'SECURED_CREDIT',
    rails: CHARGE_RAILS,
    fields: [
      'security',
      'is_system_auto_pay_enabled',
      'auto_payment_period',
      'grace_period',
      'minimum_payment',
      'spend_control_ids',
      'billing_period',
    ],
    minimumPayment: ['FULL'],
    interestMustCompoundDaily: false,
  },
  CHARGE_UNSECURED: {
    family: 'UNSECURED_CREDIT',
    rails: CHARGE_RAILS,
    fields: ['credit_limit', 'grace_period', 'minimum_payment', 'spend_control_ids', 'balance_floor', 'balance_ceiling', 'billing_period'],
    minimumPayment: ['FULL'],
    interestMustCompoundDaily: false,
  },
  // Only the v2 accounts guide names CREDIT_CARD ("revolving credit for a credit card"); it is
  // modelled as unsecured revolving credit that accepts either minimum-payment scheme.
  CREDIT_CARD: {
    family: 'UNSECURED_CREDIT',
    rails: CHARGE_RAILS,
    fields: ['credit_limit', 'grace_period', 'minimum_payment', 'interest_product_id', 'spend_control_ids', 'billing_period'],
    minimumPayment: ['RATE_OR_AMOUNT', 'FULL'],
    interestMustCompoundDaily: false,
  },
};

/** Fields a template may not carry: they only make sense for one account. */
export const ACCOUNT_ONLY_FIELDS: readonly TypeField[] = ['security', 'credit_limit'];

export const isCredit = (type: AccountType): boolean => TYPE_RULES[type].family !== 'DEPOSIT';

/** Names the type-specific fields and rails in `input` that `type` does not accept. */
export const inapplicableFields = (type: AccountType, input: Record<string, unknown>, forTemplate = false): string[] => {
  const rules = TYPE_RULES[type];
  const bad: string[] = [];
  for (const field of TYPE_FIELDS) {
    if (input[field] === undefined) continue;
    if (!rules.fields.includes(field) || (forTemplate && ACCOUNT_ONLY_FIELDS.includes(field))) bad.push(field);
  }
  for (const rail of ALL_RAILS) if (input[rail] !== undefined && !rules.rails.includes(rail)) bad.push(rail);
  return bad;
};
