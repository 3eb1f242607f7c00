// Migration mappings (contract §10) and the tradeline transfers credit accounts carry across a
// bank migration. The mappings domain knows the resources it links only by type and id; what it
// needs to know about them (existence, account type, credit terms) comes through its ports.

export const RESOURCE_TYPES = ['PERSON', 'BUSINESS', 'ACCOUNT'] as const;
export type ResourceType = (typeof RESOURCE_TYPES)[number];

/** Account types reported to the credit bureaus: their mapping moves a tradeline (Metro 2). */
export const CREDIT_ACCOUNT_TYPES = ['LINE_OF_CREDIT', 'CHARGE_SECURED', 'CHARGE_UNSECURED', 'CREDIT_CARD'] as const;

export const isCreditAccountType = (accountType: string | undefined): boolean =>
  accountType !== undefined && (CREDIT_ACCOUNT_TYPES as readonly string[]).includes(accountType);

/** The linked accounts' tradeline records, one per side, kept so a delete or re-point can reverse them. */
export interface TradelineLink {
  sale_id: string;
  purchase_id: string;
}

/**
 * One mapping as stored. The authoritative copy lives under the new tenant (`tenant`); the old
 * tenant holds a replica written in the same transaction, so each tenant reads it with its own
 * key. `version` and `tradeline` are internal.
 */
export interface MappingRecord {
  id: string;
  tenant: string;
  resource_id: string;
  old_tenant: string;
  old_resource_id: string;
  resource_type: ResourceType;
  creation_time: string;
  last_updated_time: string;
  deletion_time?: string;
  version: number;
  tradeline?: TradelineLink;
}

export const TRADELINE_DIRECTIONS = ['SALE', 'PURCHASE'] as const;
export type TradelineDirection = (typeof TRADELINE_DIRECTIONS)[number];

/** A transfer, or the record that undoes one (never an erasure: credit reporting keeps history). */
export type TradelineKind = 'TRANSFER' | 'REVERSAL';

/**
 * Metro 2 K2 segment ("Purchased From / Sold To"): indicator 1 purchased from, 2 sold to,
 * 9 remove previously reported K2 information; the name is the other institution's.
 */
export interface K2Segment {
  segment_identifier: 'K2';
  purchased_from_sold_to_indicator: '1' | '2' | '9';
  purchased_from_sold_to_name: string;
}

/** What the side's furnisher reports from the transfer date on. */
export interface Metro2Fields {
  /** Base segment account status: 05 = transferred (seller). Null when a reversal restores the account's own status. */
  account_status?: '05' | null;
  k2_segment: K2Segment;
}

/**
 * One side of a tradeline transfer, under that side's tenant: a SALE on the old tenant, a
 * PURCHASE on the new. Each carries what its furnisher needs to keep the history unbroken.
 */
export interface TradelineTransferRecord {
  id: string;
  tenant: string;
  direction: TradelineDirection;
  kind: TradelineKind;
  mapping_id: string;
  /** This side's account. */
  account_id: string;
  account_type: string;
  counterparty_tenant: string;
  counterparty_account_id: string;
  /** The tradeline's original open date: the old account's. */
  original_open_date: string;
  /** Credit limit of the old account, in minor units; null when it has none. */
  credit_limit: number | null;
  /** Highest credit in minor units: the credit limit, or the amount owed when there is no limit. */
  highest_credit: number;
  currency: string;
  seller_bank_name: string;
  buyer_bank_name: string;
  transfer_date: string;
  metro2: Metro2Fields;
  /** A REVERSAL names the record it undoes. */
  reverses_id?: string;
  creation_time: string;
}
