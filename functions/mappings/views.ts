import type { MappingRecord, TradelineTransferRecord } from './model.js';

// Wire representations. Internal bookkeeping (version, the tradeline link) never leaves.

export const mappingView = (m: MappingRecord) => ({
  id: m.id,
  tenant: m.tenant,
  resource_id: m.resource_id,
  old_tenant: m.old_tenant,
  old_resource_id: m.old_resource_id,
  resource_type: m.resource_type,
  creation_time: m.creation_time,
  last_updated_time: m.last_updated_time,
  ...(m.deletion_time ? { deletion_time: m.deletion_time } : {}),
});

/** Synctera's delete answer (contract §10.1). */
export const deletedView = (m: MappingRecord) => ({ id: m.id, resource: 'migration_mapping' });

export const tradelineView = (t: TradelineTransferRecord) => ({
  id: t.id,
  tenant: t.tenant,
  direction: t.direction,
  kind: t.kind,
  ...(t.reverses_id ? { reverses_id: t.reverses_id } : {}),
  mapping_id: t.mapping_id,
  account_id: t.account_id,
  account_type: t.account_type,
  counterparty_tenant: t.counterparty_tenant,
  counterparty_account_id: t.counterparty_account_id,
  original_open_date: t.original_open_date,
  credit_limit: t.credit_limit,
  highest_credit: t.highest_credit,
  currency: t.currency,
  seller_bank_name: t.seller_bank_name,
  buyer_bank_name: t.buyer_bank_name,
  transfer_date: t.transfer_date,
  metro2: t.metro2,
  creation_time: t.creation_time,
});
