import { RAIL_FLAGS } from '../../functions/accounts/enums.js';
import type { AccountRecord, HolderRole } from '../../functions/accounts/model.js';
import { type CreateAccountInput, createAccountSchemaV2 } from '../../functions/accounts/schemas.js';
import type { BusinessRecord, PersonRecord, StoredAddress } from '../../functions/customers/model.js';
import {
  type CreateBusinessInput,
  createBusinessSchema,
  type CreatePersonInput,
  createPersonSchema,
} from '../../functions/customers/schemas.js';
import { parseWith } from '../../functions/shared/validation.js';

// An old tenant's record as the create request that re-makes it on the new tenant: what the
// integrator would send, validated by the same schema the API uses, so a record the API would
// refuse is reported with the API's own reason. Bank-specific things are not copied (account
// numbers, IBAN/SWIFT, templates, interest products); the notes say what was left behind.

/** A record that cannot be re-created; the reason goes into the report. */
export class NotCopyable extends Error {}

export interface Prepared<T> {
  input: T;
  notes: string[];
}

const defined = <T extends object>(value: T): T => Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;

const addressInput = (address: StoredAddress | undefined) => {
  if (!address) return undefined;
  const { id: _id, address_type: _type, ...rest } = address;
  return rest;
};

const validated = <T>(parse: () => T): T => {
  try {
    return parse();
  } catch (error) {
    throw new NotCopyable(`the API refuses it: ${(error as Error).message}`);
  }
};

export const personInput = (p: PersonRecord, oldTenantName: string): Prepared<CreatePersonInput> => {
  if (p.ban_status === 'BANNED') throw new NotCopyable('ban_status BANNED is set by the platform and cannot be re-created');
  const input = defined({
    status: p.status,
    first_name: p.first_name,
    last_name: p.last_name,
    middle_name: p.middle_name,
    chosen_name: p.chosen_name,
    dob: p.dob,
    email: p.email,
    phone_number: p.phone_number,
    ssn: p.ssn,
    legal_address: addressInput(p.legal_address),
    shipping_address: addressInput(p.shipping_address),
    ban_status: p.ban_status,
    is_customer: p.is_customer,
    is_user: p.is_user,
    metadata: p.metadata,
    // A suspension needs a note; it is carried over with its origin.
    note: p.ban_status === 'SUSPENDED' ? `suspension carried over from ${oldTenantName}` : undefined,
  });
  return { input: validated(() => parseWith(createPersonSchema, input)), notes: [] };
};

export const businessInput = (b: BusinessRecord): Prepared<CreateBusinessInput> => {
  const input = defined({
    is_customer: b.is_customer,
    status: b.status,
    entity_name: b.entity_name,
    trade_names: b.trade_names,
    ein: b.ein,
    structure: b.structure,
    formation_date: b.formation_date,
    formation_state: b.formation_state,
    email: b.email,
    phone_number: b.phone_number,
    website: b.website,
    legal_address: addressInput(b.legal_address),
    compliance_restrictions: b.compliance_restrictions,
    metadata: b.metadata,
  });
  return { input: validated(() => parseWith(createBusinessSchema, input)), notes: [] };
};

/** Accounts that have ended are history at the old bank, not something to re-open. */
export const ENDED_STATUSES = ['CLOSED', 'CHARGED_OFF', 'IN_CLOSING'];

export interface AccountLinks {
  /** The new id of a migrated person or business. */
  holder(kind: HolderRole['kind'], oldId: string): string | undefined;
  /** The new id of a migrated account. */
  account(oldId: string): string | undefined;
}

export const accountInput = (a: AccountRecord, roles: readonly HolderRole[], links: AccountLinks): Prepared<CreateAccountInput> => {
  const notes: string[] = [];
  const relationships = roles.map((role) => {
    const id = links.holder(role.kind, role.id);
    if (!id) throw new NotCopyable(`holder ${role.kind} ${role.id} was not migrated`);
    return { relationship_type: role.relationship_type, ...(role.kind === 'PERSON' ? { customer_id: id } : { business_id: id }) };
  });
  const linked = (oldId: string | undefined, what: string): string | undefined => {
    if (!oldId) return undefined;
    const id = links.account(oldId);
    if (!id) notes.push(`${what} ${oldId} was not migrated; the link was left out`);
    return id;
  };
  let security: CreateAccountInput['security'];
  if (a.security) {
    const id = links.account(a.security.linked_account_id);
    if (!id) throw new NotCopyable(`its security account ${a.security.linked_account_id} was not migrated`);
    security = { linked_account_id: id };
  }
  const floorLink = linked(a.balance_floor?.linked_account_id, 'balance_floor account');
  const ceilingLink = linked(a.balance_ceiling?.linked_account_id, 'balance_ceiling account');
  if (a.interest_product_id)
    notes.push('interest product not copied: products belong to each tenant (set interest_product_id on the new account)');
  const rails = Object.fromEntries(RAIL_FLAGS.map((flag) => [flag, a[flag]]));
  const input = defined({
    account_type: a.account_type,
    currency: a.currency,
    relationships,
    nickname: a.nickname,
    account_purpose: a.account_purpose,
    metadata: a.metadata,
    is_account_pool: a.is_account_pool || undefined,
    credit_limit: a.credit_limit,
    grace_period: a.grace_period,
    auto_payment_period: a.auto_payment_period,
    minimum_payment: a.minimum_payment,
    billing_period: a.billing_period,
    is_system_auto_pay_enabled: a.is_system_auto_pay_enabled,
    security,
    balance_floor: a.balance_floor ? defined({ balance: a.balance_floor.balance, linked_account_id: floorLink }) : undefined,
    balance_ceiling: a.balance_ceiling ? defined({ balance: a.balance_ceiling.balance, linked_account_id: ceilingLink }) : undefined,
    ...defined(rails),
  });
  return { input: validated(() => parseWith(createAccountSchemaV2, input)), notes };
};
