// What outgoing ACH needs to know about an external account (the external-accounts domain owns
// them; the wiring binds this port to a reader of their items).

export interface ExternalAccountRef {
  id: string;
  tenant: string;
  owner: { customer_id?: string; business_id?: string };
  /** Debit-eligible: ownership verified (verification.status VERIFIED). */
  verified: boolean;
  /** ACTIVE, or another status that refuses payments. */
  status: string;
  routing: string;
  /** Full number: used to build the entry, never logged, never in events or responses. */
  account_number: string;
}

export interface ExternalAccountDirectory {
  get(tenant: string, id: string): Promise<ExternalAccountRef | undefined>;
}
