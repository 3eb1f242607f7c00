import { createHash } from 'node:crypto';

// The general-ledger (internal) accounts every tenant has. Their ids are derived from the tenant
// and the purpose, so any code can name "this tenant's ACH settlement GL" without a lookup, and
// creating them is an idempotent put (with the tenant, or lazily on the tenant's first posting).

export const TENANT_GLS = [
  'ACH_SETTLEMENT',
  'ACH_SUSPENSE',
  'FUNDING',
  'FEE_INCOME',
  'INTEREST_EXPENSE',
  'NEGATIVE_BALANCE_RESERVE',
  'WRITE_OFF',
  // Lending interest charged (accrual.ts); created lazily for tenants older than it.
  'INTEREST_INCOME',
] as const;
export type TenantGl = (typeof TENANT_GLS)[number];

export type GlType = 'ASSET' | 'EXPENSE' | 'LIABILITY' | 'REVENUE';
export type GlPurpose = 'CORE' | 'PROFIT_AND_LOSS' | 'RESERVE' | 'SETTLEMENT' | 'SUSPENSE' | 'TREASURY';

/** What each platform GL is, in internal_account's gl_type and purpose terms. */
export const TENANT_GL_CLASSES: Readonly<Record<TenantGl, { gl_type: GlType; purpose: GlPurpose }>> = {
  ACH_SETTLEMENT: { gl_type: 'ASSET', purpose: 'SETTLEMENT' },
  ACH_SUSPENSE: { gl_type: 'LIABILITY', purpose: 'SUSPENSE' },
  FUNDING: { gl_type: 'ASSET', purpose: 'TREASURY' },
  FEE_INCOME: { gl_type: 'REVENUE', purpose: 'PROFIT_AND_LOSS' },
  INTEREST_EXPENSE: { gl_type: 'EXPENSE', purpose: 'PROFIT_AND_LOSS' },
  INTEREST_INCOME: { gl_type: 'REVENUE', purpose: 'PROFIT_AND_LOSS' },
  NEGATIVE_BALANCE_RESERVE: { gl_type: 'ASSET', purpose: 'RESERVE' },
  WRITE_OFF: { gl_type: 'EXPENSE', purpose: 'PROFIT_AND_LOSS' },
};

/** GL balances are split over this many items; a posting updates one, a read sums them all. */
export const GL_SHARDS = 8;

export const uuidOf = (text: string): string => {
  const h = createHash('sha256').update(text).digest('hex');
  // Shaped as a version-5-style UUID so it passes the API's uuid validation.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((Number.parseInt(h.slice(16, 17), 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
};

export const tenantGlId = (tenant: string, gl: TenantGl): string => uuidOf(`bankline:gl:${tenant}:${gl}`);

/** The shard a transaction's GL line lands on: fixed by the transaction id, so a retry hits the same item. */
export const glShardOf = (transactionId: string, glId: string): number => {
  const h = createHash('sha256').update(`${transactionId}:${glId}`).digest();
  return (h.readUInt32BE(0) >>> 0) % GL_SHARDS;
};

export interface InternalAccountRecord {
  id: string;
  tenant: string;
  alias: string;
  description?: string;
  currency: string;
  account_type: 'GENERAL_LEDGER';
  status: 'ACTIVE' | 'INACTIVE';
  /** Platform GLs: customer-facing transfers may not touch them directly (contract §12.2). */
  is_system_acc: boolean;
  gl_type?: GlType;
  purpose?: GlPurpose;
  creation_time: string;
  last_updated_time: string;
  version: number;
}

export const tenantGlRecords = (tenant: string, now: string, currency = 'USD'): InternalAccountRecord[] =>
  TENANT_GLS.map((gl) => ({
    id: tenantGlId(tenant, gl),
    tenant,
    alias: gl.toLowerCase(),
    description: `${gl.replaceAll('_', ' ').toLowerCase()} (created with the tenant)`,
    currency,
    account_type: 'GENERAL_LEDGER',
    status: 'ACTIVE',
    is_system_acc: gl !== 'FUNDING',
    ...TENANT_GL_CLASSES[gl],
    creation_time: now,
    last_updated_time: now,
    version: 1,
  }));
