import { badRequest } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { AddressInput } from '../shared/schemas/common.js';
import type { PersonRecord, StoredAddress } from './model.js';
import { type CreatePersonInput, type PatchPersonInput, type ReplacePersonInput, replacePersonSchema } from './schemas.js';

export const storeAddress = (input: AddressInput, type: StoredAddress['address_type'], existingId?: string): StoredAddress => ({
  ...input,
  id: existingId ?? newId(),
  address_type: type,
});

/** dob must be on or after 1900-01-01 and before today (contract §7.2). */
export const assertDob = (dob: string | undefined, today: string): void => {
  if (dob === undefined) return;
  if (dob < '1900-01-01' || dob >= today) throw badRequest('dob must be on or after 1900-01-01 and before today');
};

// Identity fields that arrive together on the wire and map one-to-one onto the record.
const COPIED = ['first_name', 'last_name', 'middle_name', 'chosen_name', 'dob', 'email', 'phone_number', 'metadata'] as const;

const copyIdentity = (input: PatchPersonInput, target: Partial<PersonRecord>): void => {
  for (const field of COPIED) {
    if (input[field] !== undefined) (target as Record<string, unknown>)[field] = input[field];
  }
  if (input.ssn !== undefined) {
    target.ssn = input.ssn;
    target.ssn_last_4 = input.ssn.slice(-4);
    target.ssn_source = 'MANUAL';
  }
};

export const newPerson = (input: CreatePersonInput, meta: { id: string; tenant: string; now: string; today: string }): PersonRecord => {
  assertDob(input.dob, meta.today);
  if (input.ban_status === 'SUSPENDED' && !input.note) throw badRequest('note is required when ban_status is SUSPENDED');
  const person: PersonRecord = {
    id: meta.id,
    tenant: meta.tenant,
    status: input.status,
    ban_status: input.ban_status ?? 'ALLOWED',
    is_customer: input.is_customer ?? true,
    is_user: input.is_user ?? false,
    has_accounts: false,
    verification_status: 'UNVERIFIED',
    creation_time: meta.now,
    last_updated_time: meta.now,
    version: 1,
  };
  copyIdentity(input, person);
  if (input.legal_address) person.legal_address = storeAddress(input.legal_address, 'LEGAL');
  // Synctera copies the legal address when no shipping address is given.
  const shipping = input.shipping_address ?? input.legal_address;
  if (shipping) person.shipping_address = storeAddress(shipping, 'SHIPPING');
  return person;
};

/** A ban_status change needs a note; BANNED belongs to the platform (contract §7.2). */
const assertBanChange = (current: PersonRecord, input: Pick<PatchPersonInput, 'ban_status' | 'note'>): void => {
  if (input.ban_status === undefined || input.ban_status === current.ban_status) return;
  if (current.ban_status === 'BANNED') throw badRequest('ban_status BANNED is set by the platform and cannot be changed');
  if (!input.note) throw badRequest(`note is required when ban_status changes from ${current.ban_status} to ${input.ban_status}`);
};

export const patchPerson = (current: PersonRecord, input: PatchPersonInput, meta: { now: string; today: string }): PersonRecord => {
  assertDob(input.dob, meta.today);
  assertBanChange(current, input);
  const next: PersonRecord = { ...current, last_updated_time: meta.now, version: current.version + 1 };
  copyIdentity(input, next);
  if (input.status !== undefined) next.status = input.status;
  if (input.ban_status !== undefined) next.ban_status = input.ban_status;
  if (input.is_customer !== undefined) next.is_customer = input.is_customer;
  if (input.is_user !== undefined) next.is_user = input.is_user;
  if (input.legal_address) next.legal_address = storeAddress(input.legal_address, 'LEGAL', current.legal_address?.id);
  if (input.shipping_address) next.shipping_address = storeAddress(input.shipping_address, 'SHIPPING', current.shipping_address?.id);
  else if (input.legal_address && !current.shipping_address) next.shipping_address = storeAddress(input.legal_address, 'SHIPPING');
  return next;
};

/** The SSN a PUT sends, or undefined to keep the stored one (absent, or its last four echoed back). */
const replacementSsn = (current: PersonRecord, ssn: string | undefined): string | undefined => {
  if (ssn === undefined || ssn.length > 4) return ssn;
  if (ssn === current.ssn_last_4) return undefined;
  throw badRequest('ssn must be the full number (123-45-6789); only the last four digits already on file may be echoed back');
};

// Client fields a PUT leaves alone when the body omits them (see replacedPerson).
const KEPT_UNLESS_SENT: readonly string[] = ['ssn', 'ban_status', 'chosen_name', 'is_customer', 'is_user'];
// Every other field of the PUT body (status aside: it is required) is removed when absent. Read
// from the schema, so a field added to the customer is cleared by omission without touching this.
const CLEARED_UNLESS_SENT = Object.keys(replacePersonSchema.shape).filter(
  (field) => field !== 'status' && !KEPT_UNLESS_SENT.includes(field),
);

/**
 * PUT /v0/customers/{id}: the body is the whole customer, and what it leaves out is cleared,
 * except fields a client does not own or cannot read back:
 * - server-owned (not in the body schema): id, tenant, creation_time, verification status and
 *   last run, has_accounts, ssn_source;
 * - ssn: write-only (a GET shows its last four), so absent or echoed keeps the stored number;
 * - ban_status: absent keeps it, since clearing would lift a suspension without the required note;
 * - chosen_name, is_customer, is_user: persons-only fields the customer view never shows.
 * The shipping copy rule applies: no shipping_address means a copy of legal_address. Address ids
 * are kept for the slots that stay filled, as on PATCH.
 */
export const replacedPerson = (current: PersonRecord, input: ReplacePersonInput, meta: { now: string; today: string }): PersonRecord => {
  assertDob(input.dob, meta.today);
  assertBanChange(current, input);
  const ssn = replacementSsn(current, input.ssn);
  const next: PersonRecord = { ...current, status: input.status, last_updated_time: meta.now, version: current.version + 1 };
  for (const field of CLEARED_UNLESS_SENT) delete (next as unknown as Record<string, unknown>)[field];
  copyIdentity({ ...input, ssn }, next);
  if (input.ban_status !== undefined) next.ban_status = input.ban_status;
  if (input.is_customer !== undefined) next.is_customer = input.is_customer;
  if (input.is_user !== undefined) next.is_user = input.is_user;
  if (input.legal_address) next.legal_address = storeAddress(input.legal_address, 'LEGAL', current.legal_address?.id);
  const shipping = input.shipping_address ?? input.legal_address;
  if (shipping) next.shipping_address = storeAddress(shipping, 'SHIPPING', current.shipping_address?.id);
  return next;
};
