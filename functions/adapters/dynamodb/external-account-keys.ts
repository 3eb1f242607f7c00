import type { Owner } from '../../external-accounts/model.js';

// Key patterns of external accounts and vendor links (beside keys.ts, same conventions):
//   pk TENANT#<t>#EXTERNAL_ACCOUNT#<id>  sk EXTERNAL_ACCOUNT        the account (full numbers; the ledger reads it for ACH)
//     gsi1 TENANT#<t>#EXTERNAL_ACCOUNTS                               <creation_time>#<id>   every account of t
//     gsi2 TENANT#<t>#PERSON|BUSINESS#<owner id>#EXTERNAL_ACCOUNTS    <creation_time>#<id>   one owner's accounts
//     gsi3 TENANT#<t>#VENDOR_LINK#<link id>#EXTERNAL_ACCOUNTS         <creation_time>#<id>   accounts sharing an access token
// Uniqueness of live accounts (owner + routing + number), claimed and released in the account's
// transactions; the claim key is a SHA-256 of the identity, so no account number is in a key:
//   pk TENANT#<t>#EXTERNAL_ACCOUNT_CLAIM#<sha256>  sk CLAIM
// A vendor link: one aggregator access token (encrypted) and the owner it was issued for:
//   pk TENANT#<t>#VENDOR_LINK#<id>  sk VENDOR_LINK
// The tenant's aggregator choice (Plaid by default):
//   pk TENANT#<t>#SETTINGS  sk EXTERNAL_ACCOUNTS_VENDOR

export const EXTERNAL_ACCOUNT_KEYS = {
  account: (tenantId: string, id: string) => ({ pk: `TENANT#${tenantId}#EXTERNAL_ACCOUNT#${id}`, sk: 'EXTERNAL_ACCOUNT' }),
  accountsIndex: (tenantId: string) => `TENANT#${tenantId}#EXTERNAL_ACCOUNTS`,
  ownerIndex: (tenantId: string, owner: Owner) => `TENANT#${tenantId}#${owner.kind}#${owner.id}#EXTERNAL_ACCOUNTS`,
  linkIndex: (tenantId: string, linkId: string) => `TENANT#${tenantId}#VENDOR_LINK#${linkId}#EXTERNAL_ACCOUNTS`,
  claim: (tenantId: string, identityHash: string) => ({ pk: `TENANT#${tenantId}#EXTERNAL_ACCOUNT_CLAIM#${identityHash}`, sk: 'CLAIM' }),
  vendorLink: (tenantId: string, id: string) => ({ pk: `TENANT#${tenantId}#VENDOR_LINK#${id}`, sk: 'VENDOR_LINK' }),
  vendorSetting: (tenantId: string) => ({ pk: `TENANT#${tenantId}#SETTINGS`, sk: 'EXTERNAL_ACCOUNTS_VENDOR' }),
} as const;
