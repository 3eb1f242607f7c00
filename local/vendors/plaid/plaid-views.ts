import type { Body, Item } from './plaid-store.js';

// How items and their accounts appear on the wire, shared by every data endpoint.

export const verificationStatus = (item: Item) =>
  item.micro
    ? item.micro.pending
      ? item.micro.automated
        ? 'pending_automatic_verification'
        : 'pending_manual_verification'
      : item.micro.automated
        ? 'automatically_verified'
        : 'manually_verified'
    : undefined;

export const accountBase = (item: Item, a: Item['accounts'][number]) => ({
  account_id: a.account_id,
  balances: {
    available: a.available,
    current: a.current,
    limit: a.limit,
    iso_currency_code: 'USD',
    unofficial_currency_code: null,
    last_updated_datetime: null,
  },
  mask: a.mask,
  name: a.name,
  official_name: a.official_name,
  type: a.type,
  subtype: a.subtype,
  ...(item.micro ? { verification_status: verificationStatus(item) } : {}),
  holder_category: 'personal',
});

export const itemView = (item: Item) => ({
  item_id: item.item_id,
  institution_id: item.institution?.institution_id ?? null,
  institution_name: item.institution?.name ?? null,
  webhook: null,
  error: null,
  available_products: ['balance', 'identity', 'transactions'],
  billed_products: ['auth'],
  products: ['auth'],
  consent_expiration_time: null,
  update_type: 'background',
});

/** The accounts a call asks for (options.account_ids), or all of the item's. */
export const selected = (item: Item, body: Body) => {
  const ids: string[] | undefined = body.options?.account_ids;
  return ids ? item.accounts.filter((a) => ids.includes(a.account_id)) : item.accounts;
};
