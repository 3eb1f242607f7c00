import { notFound } from '../shared/errors.js';
import type { Page } from '../shared/page.js';
import type { MappingsContext } from './context.js';
import type { TradelineTransferRecord } from './model.js';
import type { TradelineListCriteria } from './ports.js';

// Tradeline transfers are read-only (a Bankline extension): recorded by mapping changes, each
// tenant sees its own side (SALE on the old bank, PURCHASE on the new).

export const getTradelineTransfer = async (ctx: MappingsContext, id: string): Promise<TradelineTransferRecord> => {
  const record = await ctx.mappings.getTradeline(ctx.tenantId, id);
  if (!record) throw notFound('tradeline transfer');
  return record;
};

export const listTradelineTransfers = (ctx: MappingsContext, criteria: TradelineListCriteria): Promise<Page<TradelineTransferRecord>> =>
  ctx.mappings.listTradelines(ctx.tenantId, criteria);
