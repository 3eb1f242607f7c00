import { badRequest, NotFound, RuleViolation } from '../shared/errors.js';
import type { AccountsContext } from './context.js';
import type { CustomerType, RelationshipType } from './enums.js';
import type { RelationshipRecord } from './model.js';
import { screenBusiness, screenPerson } from './ofac-sandbox.js';
import type { Holder } from './ports.js';
import type { RelationshipInput } from './schemas.js';

// Who may be related to an account, and how (contract §2.3 relationship_type, §4.3).

/** Owners and signers must have passed KYC/KYB; an AUTHORIZED_USER is OFAC-screened instead. */
export const KYC_RELATIONSHIPS: readonly RelationshipType[] = [
  'PRIMARY_ACCOUNT_HOLDER',
  'ACCOUNT_HOLDER',
  'JOINT_ACCOUNT_HOLDER',
  'AUTHORIZED_SIGNER',
];

/** ACCOUNT_HOLDER is Synctera's deprecated alias of PRIMARY_ACCOUNT_HOLDER. */
export const isPrimary = (type: RelationshipType): boolean => type === 'PRIMARY_ACCOUNT_HOLDER' || type === 'ACCOUNT_HOLDER';

export interface HolderRef {
  kind: 'PERSON' | 'BUSINESS';
  id: string;
  /** Wire field that named it, for error details (`relationships.0.customer_id`). */
  field: string;
}

/** `customer_id` (or its deprecated alias `person_id`) for a person, `business_id` for a business. */
export const holderRefOf = (input: Omit<RelationshipInput, 'relationship_type'>, path: string): HolderRef => {
  const prefix = path ? `${path}.` : '';
  if (input.customer_id && input.person_id && input.customer_id.toLowerCase() !== input.person_id.toLowerCase()) {
    throw badRequest(`${prefix}person_id is a deprecated alias of customer_id and must not differ from it`);
  }
  const personId = input.customer_id ?? input.person_id;
  if ((personId === undefined) === (input.business_id === undefined)) {
    throw badRequest(`${path || 'body'}: exactly one of customer_id or business_id is required`);
  }
  return personId !== undefined
    ? { kind: 'PERSON', id: personId.toLowerCase(), field: `${prefix}${input.customer_id ? 'customer_id' : 'person_id'}` }
    : { kind: 'BUSINESS', id: input.business_id!.toLowerCase(), field: `${prefix}business_id` };
};

const noun = (kind: HolderRef['kind']) => (kind === 'PERSON' ? 'customer' : 'business');

/** Another tenant's person or business is indistinguishable from a missing one. */
export const loadHolder = async (ctx: AccountsContext, ref: HolderRef): Promise<Holder> => {
  const holder = await ctx.holders.getHolder(ctx.tenantId, ref.kind, ref.id);
  if (holder) return holder;
  throw new NotFound(`${ref.field}: ${noun(ref.kind)} ${ref.id} not found`);
};

/** KYC for owners and signers, the sandbox OFAC screen for authorized users. */
export const assertEligible = (holder: Holder, type: RelationshipType, ref: HolderRef): void => {
  const who = `${ref.field}: ${noun(ref.kind)} ${ref.id}`;
  if (KYC_RELATIONSHIPS.includes(type)) {
    const status = holder.record.verification_status;
    if (status !== 'ACCEPTED') {
      throw new RuleViolation(`${who} has verification_status ${status}; a ${type} must be ACCEPTED`);
    }
    return;
  }
  const screen = holder.kind === 'PERSON' ? screenPerson(holder.record) : screenBusiness(holder.record);
  if (screen.outcome === 'INCOMPLETE') {
    throw new RuleViolation(`${who} needs ${screen.missing.join(', ')} for the OFAC screen an AUTHORIZED_USER requires`, {
      code: 'PREREQUISITES_MISSING',
    });
  }
  if (screen.outcome === 'MATCH') {
    throw new RuleViolation(`${who} matched the OFAC sanctions screen and cannot be an AUTHORIZED_USER`);
  }
};

export const newRelationship = (
  meta: { id: string; tenant: string; accountId: string; now: string },
  type: RelationshipType,
  holder: Holder,
): RelationshipRecord => ({
  id: meta.id,
  tenant: meta.tenant,
  account_id: meta.accountId,
  relationship_type: type,
  holder_kind: holder.kind,
  holder_id: holder.record.id,
  ...(type === 'AUTHORIZED_USER' ? { ofac_screen: { result: 'CLEAR' as const, screened_at: meta.now } } : {}),
  created_at: meta.now,
  updated_at: meta.now,
});

/** Contract §4.3: exactly one primary holder per account. */
export const assertOnePrimary = (
  relationships: readonly { relationship_type: RelationshipType }[],
  where: string,
  status: 400 | 422,
): void => {
  const primaries = relationships.filter((r) => isPrimary(r.relationship_type)).length;
  if (primaries !== 1) {
    const detail = `${where} must have exactly one PRIMARY_ACCOUNT_HOLDER (found ${primaries})`;
    throw status === 400 ? badRequest(detail) : new RuleViolation(detail);
  }
};

/** Account-level holder lists are derived from the relationships (contract §4.3). */
export const holderIdsOf = (relationships: readonly RelationshipRecord[]) => ({
  customer_ids: [...new Set(relationships.filter((r) => r.holder_kind === 'PERSON').map((r) => r.holder_id))],
  business_ids: [...new Set(relationships.filter((r) => r.holder_kind === 'BUSINESS').map((r) => r.holder_id))],
});

/** A business primary holder makes a BUSINESS account; a person, a PERSONAL one. */
export const customerTypeOf = (relationships: readonly RelationshipRecord[]): CustomerType =>
  relationships.find((r) => isPrimary(r.relationship_type))?.holder_kind === 'BUSINESS' ? 'BUSINESS' : 'PERSONAL';
