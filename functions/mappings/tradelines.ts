import type { MappingRecord, TradelineTransferRecord } from './model.js';
import type { AccountFacts } from './ports.js';

// Tradeline transfer records (Metro 2). When a credit account moves banks, the old bank (the
// seller) reports the account as transferred (status 05) and the new bank (the buyer) reports it
// with a K2 "purchased from" segment naming the seller, carrying the original open date and the
// credit limit, so the consumer's credit history continues unbroken. Undoing a transfer is a new
// REVERSAL record pointing at the original: reported history is corrected, never erased.

export interface TransferInput {
  mapping: MappingRecord;
  oldAccount: AccountFacts;
  newAccount: AccountFacts;
  sellerBankName: string;
  buyerBankName: string;
  ids: { sale: string; purchase: string };
  now: string;
}

/** The SALE (old tenant) and PURCHASE (new tenant) records of a credit mapping. */
export const transferRecords = (input: TransferInput): [sale: TradelineTransferRecord, purchase: TradelineTransferRecord] => {
  const { mapping, oldAccount } = input;
  const common = {
    kind: 'TRANSFER' as const,
    mapping_id: mapping.id,
    account_type: oldAccount.account_type,
    original_open_date: oldAccount.open_date,
    credit_limit: oldAccount.credit_limit ?? null,
    highest_credit: oldAccount.credit_limit ?? Math.max(oldAccount.amount_owed, 0),
    currency: oldAccount.currency,
    seller_bank_name: input.sellerBankName,
    buyer_bank_name: input.buyerBankName,
    transfer_date: input.now.slice(0, 10),
    creation_time: input.now,
  };
  return [
    {
      ...common,
      id: input.ids.sale,
      tenant: mapping.old_tenant,
      direction: 'SALE',
      account_id: mapping.old_resource_id,
      counterparty_tenant: mapping.tenant,
      counterparty_account_id: mapping.resource_id,
      metro2: {
        account_status: '05',
        k2_segment: { segment_identifier: 'K2', purchased_from_sold_to_indicator: '2', purchased_from_sold_to_name: input.buyerBankName },
      },
    },
    {
      ...common,
      id: input.ids.purchase,
      tenant: mapping.tenant,
      direction: 'PURCHASE',
      account_id: mapping.resource_id,
      counterparty_tenant: mapping.old_tenant,
      counterparty_account_id: mapping.old_resource_id,
      metro2: {
        k2_segment: { segment_identifier: 'K2', purchased_from_sold_to_indicator: '1', purchased_from_sold_to_name: input.sellerBankName },
      },
    },
  ];
};

/**
 * Undoes one side: same account and parties, K2 indicator 9 (remove the previously reported K2
 * information); the seller stops reporting status 05 and reports the account's own status again.
 */
export const reversalRecord = (original: TradelineTransferRecord, meta: { id: string; now: string }): TradelineTransferRecord => ({
  ...original,
  id: meta.id,
  kind: 'REVERSAL',
  reverses_id: original.id,
  transfer_date: meta.now.slice(0, 10),
  creation_time: meta.now,
  metro2: {
    ...(original.direction === 'SALE' ? { account_status: null } : {}),
    k2_segment: { ...original.metro2.k2_segment, purchased_from_sold_to_indicator: '9' },
  },
});
