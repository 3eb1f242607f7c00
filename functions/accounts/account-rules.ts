import { badRequest, conflict, NonZeroBalance, RuleViolation } from '../shared/errors.js';
import { inapplicableFields, TYPE_FIELDS, TYPE_RULES } from './account-types.js';
import { isSettledToZero } from './balances.js';
import { RAIL_FLAGS, type AccountType } from './enums.js';
import { holderRolesOf } from './holder-roles.js';
import type { AccountRecord, RelationshipRecord, TemplateRecord } from './model.js';
import { maskAccountNumber } from './numbers.js';
import { normalizeCeiling, normalizeFloor } from './references.js';
import { customerTypeOf, holderIdsOf } from './relationship-rules.js';
import type { CreateAccountInput, PatchAccountInput } from './schemas.js';
import { checkTransition, INITIAL_STATUSES, statusDates } from './status-rules.js';

// Pure account rules: building a new account from its template and request, and applying a
// PATCH. No I/O here; the use-cases read what these need and write what they return.

/** Fields copied one-to-one from a request (and, for the type fields, from the template). */
const COPIED = [
  ...TYPE_FIELDS,
  ...RAIL_FLAGS,
  'nickname',
  'account_purpose',
  'metadata',
  'iban',
  'swift_code',
  'exchange_rate_type',
  'is_account_pool',
  'application_id',
  'account_program_id',
] as const;

type Writable = Partial<Pick<AccountRecord, (typeof COPIED)[number]>>;

const copyPresent = (source: Record<string, unknown>, target: Record<string, unknown>, fields: readonly string[]): void => {
  for (const field of fields) if (source[field] !== undefined) target[field] = source[field];
};

export const assertApplicable = (type: AccountType, input: Record<string, unknown>, forTemplate = false): void => {
  const bad = inapplicableFields(type, input, forTemplate).map((field) => (forTemplate ? `template.${field}` : field));
  if (bad.length > 0) {
    const why = forTemplate ? `on a template of account_type ${type}` : `to account_type ${type}`;
    throw badRequest(`${bad.join(', ')} ${bad.length > 1 ? 'are' : 'is'} not applicable ${why}`);
  }
};

/** Cross-field rules that hold for the merged result, whatever supplied each value. */
export const assertCoherent = (fields: Writable & { account_type: AccountType }, where: 'account' | 'template' = 'account'): void => {
  const rules = TYPE_RULES[fields.account_type];
  const at = where === 'template' ? 'template.' : '';
  if (fields.minimum_payment && rules.minimumPayment && !rules.minimumPayment.includes(fields.minimum_payment.type)) {
    throw badRequest(`${at}minimum_payment.type must be ${rules.minimumPayment.join(' or ')} for account_type ${fields.account_type}`);
  }
  if (where === 'template' && rules.minimumPayment && !fields.minimum_payment) {
    throw badRequest(`${at}minimum_payment is required for account_type ${fields.account_type}`);
  }
  if (fields.auto_payment_period !== undefined && fields.auto_payment_period > (fields.grace_period ?? 21)) {
    throw badRequest(`${at}auto_payment_period must be lower than or equal to grace_period`);
  }
  if (fields.balance_floor && fields.balance_ceiling && fields.balance_floor.balance > fields.balance_ceiling.balance) {
    throw badRequest(`${at}balance_floor.balance must not exceed balance_ceiling.balance`);
  }
  if (where === 'account' && fields.account_type === 'CHARGE_SECURED' && !fields.security) {
    throw badRequest('security.linked_account_id is required for account_type CHARGE_SECURED');
  }
};

export interface NewAccountMeta {
  id: string;
  tenant: string;
  now: string;
  today: string;
  bankRouting: string;
  accountNumber: string;
  generatedNumber: boolean;
}

export const newAccount = (
  input: CreateAccountInput,
  template: TemplateRecord,
  relationships: readonly RelationshipRecord[],
  meta: NewAccountMeta,
): AccountRecord => {
  const type = template.template.account_type;
  const status = input.status ?? 'ACTIVE_OR_DISBURSED';
  if (!INITIAL_STATUSES.includes(status)) {
    throw badRequest(`status ${status} cannot be set when creating an account; use one of ${INITIAL_STATUSES.join(', ')}`);
  }
  const customerType = customerTypeOf(relationships);
  if (input.customer_type !== undefined && input.customer_type !== customerType) {
    throw badRequest(`customer_type ${input.customer_type} does not match the primary holder, which makes the account ${customerType}`);
  }
  const fields: Record<string, unknown> = {};
  // Template values first, then the request's: request fields override (contract §2.4).
  copyPresent(template.template as Record<string, unknown>, fields, [...TYPE_FIELDS, ...RAIL_FLAGS]);
  copyPresent(input as Record<string, unknown>, fields, COPIED);
  const writable = fields as Writable;
  writable.balance_floor = normalizeFloor(writable.balance_floor);
  writable.balance_ceiling = normalizeCeiling(writable.balance_ceiling);
  if (writable.balance_floor === undefined) delete writable.balance_floor;
  if (writable.balance_ceiling === undefined) delete writable.balance_ceiling;
  if (TYPE_RULES[type].family !== 'DEPOSIT') writable.grace_period ??= 21;
  // Rails are off unless enabled (contract §2.11); is_eft_ca_enabled alone has no default.
  for (const rail of TYPE_RULES[type].rails) if (rail !== 'is_eft_ca_enabled') writable[rail] ??= false;
  const account: AccountRecord = {
    id: meta.id,
    tenant: meta.tenant,
    account_type: type,
    status,
    access_status: input.access_status ?? 'ACTIVE',
    access_status_last_updated_time: meta.now,
    account_number: meta.accountNumber,
    account_number_masked: maskAccountNumber(meta.accountNumber, meta.generatedNumber),
    bank_routing: meta.bankRouting,
    ...(template.template.bank_account_id ? { bank_account_id: template.template.bank_account_id } : {}),
    currency: input.currency ?? template.template.currency,
    customer_type: customerType,
    ...holderIdsOf(relationships),
    holder_roles: holderRolesOf(relationships),
    account_template_id: template.id,
    funds_ownership: 'FINTECH',
    open_date: meta.today,
    is_account_pool: false,
    is_sar_enabled: template.template.is_sar_enabled ?? false,
    ...writable,
    account_balance: 0,
    pending_debits: 0,
    creation_time: meta.now,
    last_updated_time: meta.now,
    version: 1,
  };
  assertCoherent(account);
  return account;
};

/** What a PATCH needs checked beyond the record itself. */
export interface PatchOutcome {
  next: AccountRecord;
  changed: boolean;
}

const PATCHABLE: readonly string[] = [...COPIED, 'status', 'access_status'];

/** Applies a PATCH (contract §2.7) to `current`; throws the first rule it breaks. */
export const patchAccount = (current: AccountRecord, input: PatchAccountInput, meta: { now: string; today: string }): PatchOutcome => {
  const sent = PATCHABLE.filter((field) => (input as Record<string, unknown>)[field] !== undefined);
  if (input.access_status !== undefined && sent.length > 1) {
    throw badRequest(
      `access_status must be patched on its own; this request also sends ${sent.filter((f) => f !== 'access_status').join(', ')}`,
    );
  }
  if (current.access_status === 'FROZEN' && input.access_status === undefined && sent.length > 0) {
    throw new RuleViolation('the account is FROZEN: only access_status can change until it is set back to ACTIVE');
  }
  assertApplicable(current.account_type, input as Record<string, unknown>);
  const next: AccountRecord = { ...current };
  copyPresent(input as Record<string, unknown>, next as unknown as Record<string, unknown>, COPIED);
  if (input.balance_floor) next.balance_floor = normalizeFloor(input.balance_floor);
  if (input.balance_ceiling) next.balance_ceiling = normalizeCeiling(input.balance_ceiling);
  if (input.status !== undefined && input.status !== current.status) {
    // initiate_closure hands the status to its workflow, which ends it CLOSED (or CHARGED_OFF);
    // a PATCH closing the account underneath would leave the workflow a closed account to close.
    if (current.status === 'IN_CLOSING' && current.account_closure) {
      throw conflict(
        `account ${current.id} is being closed by its closure workflow, which sets its status; ` +
          'follow account_closure, or change the payout with PATCH /v0/accounts/{account_id}/initiate_closure',
      );
    }
    const needs = checkTransition(current.status, input.status, input.note);
    if (needs.zeroBalance && !isSettledToZero(current)) {
      throw new NonZeroBalance(
        `status cannot change from ${current.status} to ${input.status}: the account balance must be zero ` +
          `(ACCOUNT_BALANCE ${current.account_balance}, pending debits ${current.pending_debits})`,
      );
    }
    next.status = input.status;
    delete next.status_before_restriction;
    Object.assign(next, statusDates(input.status, meta.today));
  }
  if (input.access_status !== undefined && input.access_status !== current.access_status) {
    next.access_status = input.access_status;
    next.access_status_last_updated_time = meta.now;
  }
  assertCoherent(next);
  const changed = JSON.stringify({ ...next, last_updated_time: '' }) !== JSON.stringify({ ...current, last_updated_time: '' });
  if (changed) {
    next.last_updated_time = meta.now;
    next.version = current.version + 1;
  }
  return { next, changed };
};
