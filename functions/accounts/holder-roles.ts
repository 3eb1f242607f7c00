import type { RelationshipType } from './enums.js';
import type { AccountRecord, HolderRole, RelationshipRecord } from './model.js';
import type { AccountStore, HolderKey } from './ports.js';
import { KYC_RELATIONSHIPS } from './relationship-rules.js';

// Who holds an account and how (model.ts HolderRole), and the subsets the rules ask about:
// owners and signers (KYC), and owners (whose money the account holds).

/** The primary holder (and its deprecated alias) and joint holders own the account's funds. */
export const OWNER_RELATIONSHIPS: readonly RelationshipType[] = ['PRIMARY_ACCOUNT_HOLDER', 'ACCOUNT_HOLDER', 'JOINT_ACCOUNT_HOLDER'];

export const holderRolesOf = (relationships: readonly RelationshipRecord[]): HolderRole[] =>
  relationships.map((r) => ({ kind: r.holder_kind, id: r.holder_id, relationship_type: r.relationship_type }));

export const kycHoldersOf = (roles: readonly HolderRole[]): HolderRole[] =>
  roles.filter((r) => KYC_RELATIONSHIPS.includes(r.relationship_type));

export const ownersOf = (roles: readonly HolderRole[]): HolderRole[] =>
  roles.filter((r) => OWNER_RELATIONSHIPS.includes(r.relationship_type));

export const holderKeyOf = (tenant: string, role: Pick<HolderRole, 'kind' | 'id'>): HolderKey => ({ tenant, kind: role.kind, id: role.id });

export const sameHolder = (a: Pick<HolderRole, 'kind' | 'id'>, b: Pick<HolderRole, 'kind' | 'id'>): boolean =>
  a.kind === b.kind && a.id === b.id;

/** The account's roles; an account written before `holder_roles` existed reads its relationships. */
export const storedHolderRoles = async (store: Pick<AccountStore, 'relationshipsOf'>, account: AccountRecord): Promise<HolderRole[]> =>
  account.holder_roles ?? holderRolesOf(await store.relationshipsOf(account.tenant, account.id));
