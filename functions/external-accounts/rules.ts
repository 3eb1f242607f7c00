import { badRequest, conflict, unprocessable } from '../shared/errors.js';
import type { ExternalAccountRecord, Owner, Verification } from './model.js';
import type { CreateExternalAccountInput, PatchExternalAccountInput } from './schemas.js';

// Pure rules of external accounts: ownership, identity for duplicates, what may change.

/** Exactly one of customer_id / business_id (contract §9.2). */
export const ownerFrom = (input: { customer_id?: string | undefined; business_id?: string | undefined }): Owner => {
  if (input.customer_id && input.business_id) throw badRequest('send exactly one of customer_id and business_id, not both');
  if (input.customer_id) return { kind: 'PERSON', id: input.customer_id };
  if (input.business_id) return { kind: 'BUSINESS', id: input.business_id };
  throw badRequest('customer_id or business_id is required (exactly one)');
};

export const ownerFields = (owner: Owner) => (owner.kind === 'PERSON' ? { customer_id: owner.id } : { business_id: owner.id });

/**
 * What makes two live accounts the same: the owner, the routing number and the account number
 * (or IBAN). The store turns it into a one-way claim key, never a plain number in a key.
 */
export const identityOf = (a: Pick<ExternalAccountRecord, 'customer_id' | 'business_id' | 'routing_identifiers' | 'account_identifiers'>) =>
  [
    a.customer_id ? `PERSON:${a.customer_id}` : `BUSINESS:${a.business_id}`,
    a.routing_identifiers.ach_routing_number ?? a.routing_identifiers.international_wire_details?.swift_code ?? '',
    a.account_identifiers.number ?? '',
    a.account_identifiers.iban ?? '',
  ].join('|');

const manualVerification = (input: CreateExternalAccountInput['verification'], now: string): Verification => {
  if (input && input.vendor !== 'MANUAL')
    throw badRequest('verification.vendor: only MANUAL can be set on a manual account; PLAID and FINICITY come from add_vendor_accounts');
  return { vendor: 'MANUAL', status: input?.status ?? 'UNVERIFIED', creation_time: now, last_updated_time: now };
};

export const checkIdentifiers = (a: Pick<ExternalAccountRecord, 'account_identifiers' | 'routing_identifiers'>) => {
  if (!a.account_identifiers.number && !a.account_identifiers.iban) throw badRequest('account_identifiers: send number (domestic) or iban');
  if (
    a.routing_identifiers.bank_countries.includes('US') &&
    a.account_identifiers.number &&
    !a.routing_identifiers.ach_routing_number &&
    !a.routing_identifiers.wire_routing_number
  )
    throw badRequest('routing_identifiers.ach_routing_number is required for a US account number');
};

export const newManualAccount = (
  tenant: string,
  owner: Owner,
  input: CreateExternalAccountInput,
  { id, now }: { id: string; now: string },
): ExternalAccountRecord => {
  const account: ExternalAccountRecord = {
    id,
    tenant,
    ...ownerFields(owner),
    customer_type: input.customer_type,
    type: input.type,
    status: 'ACTIVE',
    account_owner_names: input.account_owner_names,
    account_identifiers: input.account_identifiers,
    routing_identifiers: input.routing_identifiers,
    verification: manualVerification(input.verification, now),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(input.nickname ? { nickname: input.nickname } : {}),
    ...(input.metadata ? { metadata: input.metadata } : {}),
    ...(input.vendor_account_id ? { vendor_account_id: input.vendor_account_id } : {}),
    creation_time: now,
    last_updated_time: now,
    version: 1,
  };
  checkIdentifiers(account);
  return account;
};

/** Only unverified, live accounts change (contract §9.4; verified → 422). */
export const patchAccount = (current: ExternalAccountRecord, input: PatchExternalAccountInput, now: string): ExternalAccountRecord => {
  if (current.status === 'DELETED') throw unprocessable('this external account is deleted and cannot be changed');
  if (current.verification.status === 'VERIFIED')
    throw unprocessable('only an UNVERIFIED external account can be edited; this one is VERIFIED (delete it and add it again)');
  if (input.verification && input.verification.vendor !== current.verification.vendor)
    throw badRequest(`verification.vendor must stay ${current.verification.vendor}`);
  if (input.verification?.status === 'VERIFIED' && current.verification.vendor !== 'MANUAL')
    throw unprocessable(`a ${current.verification.vendor} account is verified through its vendor, not by PATCH`);
  if (input.status === 'DELETED') throw badRequest('status: use DELETE to delete an external account');
  const next: ExternalAccountRecord = {
    ...current,
    ...(input.account_owner_names ? { account_owner_names: input.account_owner_names } : {}),
    ...(input.account_identifiers ? { account_identifiers: { ...current.account_identifiers, ...input.account_identifiers } } : {}),
    ...(input.routing_identifiers ? { routing_identifiers: { ...current.routing_identifiers, ...input.routing_identifiers } } : {}),
    ...(input.type ? { type: input.type } : {}),
    ...(input.currency ? { currency: input.currency } : {}),
    ...(typeof input.nickname === 'string' ? { nickname: input.nickname } : {}),
    ...(input.status ? { status: input.status } : {}),
    ...(input.status_reason ? { status_reason: input.status_reason } : {}),
    ...(input.verification ? { verification: { ...current.verification, status: input.verification.status, last_updated_time: now } } : {}),
    last_updated_time: now,
    version: current.version + 1,
  };
  if (input.nickname === null) delete next.nickname;
  checkIdentifiers(next);
  return next;
};

export const deletedAccount = (current: ExternalAccountRecord, now: string): ExternalAccountRecord => ({
  ...current,
  status: 'DELETED',
  deletion_time: now,
  last_updated_time: now,
  version: current.version + 1,
});

export const duplicateConflict = () =>
  conflict('an external account with this owner, routing number and account number already exists', 'ALREADY_EXISTS');
