import type * as z from 'zod/mini';
import type { AccessStatus, AccountStatus, AccountType, CustomerType, RelationshipType } from './enums.js';
import type { balanceCeiling, balanceFloor, billingPeriod, minimumPayment } from './schemas.js';
import type { TemplateFields } from './template-schemas.js';
import type { InterestRate } from './product-schemas.js';
import type { Versioned } from '../shared/versioned.js';

export type BalanceFloor = z.infer<typeof balanceFloor>;
export type BalanceCeiling = z.infer<typeof balanceCeiling>;
export type MinimumPayment = z.infer<typeof minimumPayment>;
export type BillingPeriod = z.infer<typeof billingPeriod>;

/**
 * The account as stored, balances included. Keeping the balance on the account item makes a
 * GET one GetItem and a list one Query, and lets the ledger (a later issue) check status,
 * access_status and funds in the same condition as its posting. The rule that keeps PATCH
 * safe: every balance write also does `SET version = version + 1`, so an account Put
 * conditioned on the version it read retries instead of overwriting a posting.
 */
export interface AccountRecord extends Versioned {
  account_type: AccountType;
  status: AccountStatus;
  access_status: AccessStatus;
  access_status_last_updated_time: string;
  /** Full number: returned on the account resource only, never logged, never in events. */
  account_number: string;
  account_number_masked: string;
  bank_routing: string;
  bank_account_id?: string;
  currency: string;
  customer_type: CustomerType;
  customer_ids: string[];
  business_ids: string[];
  account_template_id: string;
  funds_ownership: 'FINTECH';
  open_date: string;
  close_date?: string;
  in_closing_date?: string;
  /** Written by the closures domain (contract §3.3): the closure as the API shows it. */
  account_closure?: Record<string, unknown>;
  /** Set when the platform restricted the account, so lifting the restriction can restore it. */
  status_before_restriction?: AccountStatus;
  /**
   * Who holds the account and how, derived from its relationships and rewritten with them. On
   * the item so a write can guard its owners' and signers' KYC, and a link can check ownership,
   * without reading the relationships. Absent on accounts written before it existed.
   */
  holder_roles?: HolderRole[];

  nickname?: string;
  account_purpose?: string;
  metadata?: Record<string, unknown>;
  iban?: string;
  swift_code?: string;
  exchange_rate_type?: string;
  is_account_pool: boolean;
  is_sar_enabled: boolean;
  application_id?: string;
  account_program_id?: string;

  is_ach_enabled?: boolean;
  is_card_enabled?: boolean;
  is_eft_ca_enabled?: boolean;
  is_external_card_enabled?: boolean;
  is_p2p_enabled?: boolean;
  is_synctera_pay_enabled?: boolean;
  is_wire_enabled?: boolean;

  balance_floor?: BalanceFloor;
  balance_ceiling?: BalanceCeiling;
  interest_product_id?: string;
  fee_product_ids?: string[];
  spend_control_ids?: string[];
  overdraft_limit?: number;
  credit_limit?: number;
  grace_period?: number;
  auto_payment_period?: number;
  billing_period?: BillingPeriod;
  minimum_payment?: MinimumPayment;
  security?: { linked_account_id: string };
  is_system_auto_pay_enabled?: boolean;

  /**
   * Ledger-owned. Follows the type's sign convention: credits minus debits for deposits,
   * debits minus credits (the amount owed) for lending (contract §2.9).
   */
  account_balance: number;
  /** Sum of holds not yet posted; lowers AVAILABLE_BALANCE only. */
  pending_debits: number;
}

/** One holder of an account, as its relationship names it. */
export interface HolderRole {
  kind: 'PERSON' | 'BUSINESS';
  id: string;
  relationship_type: RelationshipType;
}

export interface RelationshipRecord {
  id: string;
  tenant: string;
  account_id: string;
  relationship_type: RelationshipType;
  holder_kind: 'PERSON' | 'BUSINESS';
  holder_id: string;
  /** The sandbox OFAC outcome for an AUTHORIZED_USER (who needs no KYC). */
  ofac_screen?: { result: 'CLEAR'; screened_at: string };
  created_at: string;
  updated_at: string;
}

export interface TemplateRecord extends Versioned {
  name: string;
  description?: string;
  is_enabled: boolean;
  application_type?: 'CREDIT' | 'RESTRICTED_ACCOUNT';
  template: TemplateFields;
}

export interface InterestProductRecord extends Versioned {
  product_type: 'INTEREST';
  calculation_method: 'COMPOUNDED_DAILY' | 'COMPOUNDED_MONTHLY';
  accrual_payout_schedule: 'MONTHLY' | 'NONE';
  rates: InterestRate[];
  description?: string;
  /**
   * Set (once, never cleared) by the first LINE_OF_CREDIT account or template that references
   * the product, in that write's transaction: from then on calculation_method stays
   * COMPOUNDED_DAILY. A flag on the product itself is what lets the two sides of the race meet
   * on one item (see products.ts); internal, never in a response.
   */
  used_by_line_of_credit?: boolean;
}
