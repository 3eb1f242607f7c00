import { createHash } from 'node:crypto';
import type { VendorLinkStore } from '../../external-accounts/ports.js';
import { tableName } from './client.js';
import { toVendorLinkRecord, vendorLinkItem } from './external-account-items.js';
import { EXTERNAL_ACCOUNT_KEYS } from './external-account-keys.js';
import { getItem } from './external-account-store.js';
import { transact } from './transact.js';

// Vendor links: one item per access token (Plaid) or vendor customer (Finicity). The key is a
// digest of the token, so a token presented later finds its link without ever being a key; the
// item holds the token only encrypted (adapters/vendors/token-cipher.ts).

export const dynamoVendorLinkStore: VendorLinkStore = {
  linkIdOf: (vendor, token) => createHash('sha256').update(`${vendor}:${token}`).digest('hex').slice(0, 40),

  async getLink(tenantId, id) {
    const item = await getItem(EXTERNAL_ACCOUNT_KEYS.vendorLink(tenantId, id));
    return item ? toVendorLinkRecord(item) : undefined;
  },

  async putLink(link) {
    // A transaction so the request's Idempotency-Key is marked committed with it.
    await transact('vendor link', [{ Put: { TableName: tableName(), Item: vendorLinkItem(link) } }]);
  },
};
