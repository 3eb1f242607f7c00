import { badRequest } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { AddressInput } from '../shared/schemas/common.js';
import type { PersonRecord, StoredAddress } from './model.js';
import type { CreatePersonInput, PatchPersonInput } from './schemas.js';

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

export const patchPerson = (current: PersonRecord, input: PatchPersonInput, meta: { now: string; today: string }): PersonRecord => {
  assertDob(input.dob, meta.today);
  if (input.ban_status !== undefined && input.ban_status !== current.ban_status) {
    if (current.ban_status === 'BANNED') throw badRequest('ban_status BANNED is set by the platform and cannot be changed');
    if (!input.note) throw badRequest(`note is required when ban_status changes from ${current.ban_status} to ${input.ban_status}`);
  }
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
