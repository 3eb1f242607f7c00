import { badRequest, unprocessable } from '../shared/errors.js';
import { retryOnConflict } from '../shared/page.js';
import { accountEvent, loadAccount } from './external-accounts.js';
import type { ExternalAccountRecord } from './model.js';
import type { VendorLinkChange } from './ports.js';
import { deletedAccount } from './rules.js';
import type { VendorFlowsContext } from './vendor-context.js';
import { viaVendor } from './vendor-errors.js';
import { linkOfAccount, tokenOf } from './vendor-links.js';
import { VendorFailure } from './vendor-ports.js';

// Balance, transactions and refresh (contract §9.7, §9.8, §9.1): real vendor calls, nothing
// cached. And DELETE, which removes the item at the vendor when no live account uses it any more.

export const MAX_TRANSACTIONS = 500;

export const getBalance = async (ctx: VendorFlowsContext, id: string, maxAgeSeconds: number | undefined) => {
  const account = await loadAccount(ctx, id);
  const { link, token } = await linkOfAccount(ctx, account);
  const gateway = await ctx.vendors.gateway(link.vendor);
  const balance = await viaVendor(() => gateway.getBalance(token, account.vendor_account_id as string, maxAgeSeconds));
  const now = ctx.clock.now().toISOString();
  return {
    currency: balance.currency,
    available: balance.available,
    current: balance.current,
    limit: balance.limit,
    creation_time: now,
    last_updated_time: now,
    ...(balance.last_updated_time_vendor ? { last_updated_time_vendor: balance.last_updated_time_vendor } : {}),
  };
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const dayBefore = (date: string): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** Synctera's window: start inclusive, end exclusive, both required; 422 otherwise (contract §9.8). */
export const transactionWindow = (start: string | undefined, end: string | undefined) => {
  if (!start || !end) throw unprocessable('start_date and end_date are both required (YYYY-MM-DD; start inclusive, end exclusive)');
  for (const [name, value] of [
    ['start_date', start],
    ['end_date', end],
  ] as const)
    if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) throw unprocessable(`${name} must be a date YYYY-MM-DD`);
  if (start >= end) throw unprocessable('start_date must be before end_date (end_date is exclusive)');
  // Plaid's and Finicity's end dates are inclusive: the last day Synctera includes is the day before.
  return { start, endInclusive: dayBefore(end) };
};

export const listTransactions = async (ctx: VendorFlowsContext, id: string, start: string | undefined, end: string | undefined) => {
  const window = transactionWindow(start, end);
  const account = await loadAccount(ctx, id);
  const { link, token } = await linkOfAccount(ctx, account);
  const gateway = await ctx.vendors.gateway(link.vendor);
  const transactions = await viaVendor(() =>
    gateway.getTransactions(token, account.vendor_account_id as string, window.start, window.endInclusive, MAX_TRANSACTIONS),
  );
  return { transactions: transactions.slice(0, MAX_TRANSACTIONS) };
};

export const refreshTransactions = async (ctx: VendorFlowsContext, id: string, force: boolean) => {
  const account = await loadAccount(ctx, id);
  const { link, token } = await linkOfAccount(ctx, account);
  const synced = await viaVendor(async () => (await ctx.vendors.gateway(link.vendor)).refreshTransactions(token, force));
  return { transactions_synced: synced };
};

/**
 * The link goes with its last live account: removed at the vendor first (a vendor that already
 * forgot it is fine), then the account and the link item in one transaction. A vendor failure
 * writes nothing, so the DELETE can simply be retried.
 */
const dropLinkIfLast = async (ctx: VendorFlowsContext, account: ExternalAccountRecord): Promise<VendorLinkChange[]> => {
  if (!account.vendor_link_id) return [];
  const link = await ctx.links.getLink(ctx.tenantId, account.vendor_link_id);
  if (!link) return [];
  const others = (await ctx.accounts.accountsOfLink(ctx.tenantId, link.id)).filter((a) => a.id !== account.id);
  if (others.length > 0) return [];
  const token = await tokenOf(ctx, link);
  try {
    await (await ctx.vendors.gateway(link.vendor)).removeItem(token);
  } catch (error) {
    if (!(error instanceof VendorFailure) || (error.code !== 'ITEM_NOT_FOUND' && error.code !== 'INVALID_ACCESS_TOKEN'))
      return viaVendor(() => Promise.reject(error));
  }
  return [{ kind: 'delete', link }];
};

export const deleteVendorAwareAccount = (ctx: VendorFlowsContext, id: string) =>
  retryOnConflict(async () => {
    const current = await loadAccount(ctx, id);
    // Deleting twice changes nothing: DELETE takes no Idempotency-Key, a retry must be safe.
    if (current.status === 'DELETED') return current;
    const next = deletedAccount(current, ctx.clock.now().toISOString());
    const dropped = await dropLinkIfLast(ctx, current);
    await ctx.accounts.write(
      [{ account: next, previous: current, events: [accountEvent(ctx, 'EXTERNAL_ACCOUNT.DELETED', next, current)] }],
      dropped,
    );
    return next;
  });

export const parseMaxAge = (raw: string | undefined): number | undefined => {
  if (raw === undefined) return undefined;
  if (!/^\d{1,9}$/.test(raw)) throw badRequest('max_age must be a whole number of seconds, 0 or more', 'BAD_QUERY_PARAMETER');
  return Number(raw);
};
