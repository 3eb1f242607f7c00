import type { PaymentDate, ScheduleConfig } from './schedule-dates.js';

// Payment schedules (Synctera's /v0/payment_schedules): a recurring internal transfer or outgoing
// ACH from a customer account, run by the ledger's due work on each occurrence's execution date.

export type PaymentScheduleStatus = 'ACTIVE' | 'CANCELLED' | 'ERRORED' | 'EXPIRED';

export interface TransferInstruction {
  type: 'INTERNAL_TRANSFER';
  request: {
    amount: number;
    currency: string;
    type: string;
    originating_account_id: string;
    receiving_account_id: string;
    originating_account_customer_id?: string;
    memo?: string;
    reference_id?: string;
  };
}

export interface AchInstruction {
  type: 'ACH';
  request: {
    amount: number;
    currency: string;
    customer_id: string;
    dc_sign: 'credit' | 'debit';
    originating_account_id: string;
    receiving_account_id: string;
    is_same_day?: boolean;
    sec_code?: 'WEB' | 'CCD' | 'PPD';
    memo?: string;
    company_name?: string;
    company_entry_description?: string;
    reference_info?: string;
  };
}

export type PaymentInstruction = TransferInstruction | AchInstruction;

export interface PaymentScheduleRecord {
  id: string;
  tenant: string;
  description: string;
  metadata?: Record<string, unknown>;
  payment_instruction: PaymentInstruction;
  schedule: ScheduleConfig;
  status: PaymentScheduleStatus;
  /** The customer accounts the instruction names: the schedule is ended when one of them closes. */
  account_ids: string[];
  /** The originating account (the list's account_id filter). */
  account_id: string;
  customer_id?: string;
  /** Index of the next occurrence to pay (0-based): the number of occurrences run so far. */
  next_occurrence: number;
  /** Set while ACTIVE. */
  next_payment_date?: PaymentDate;
  cancellation_reason?: string;
  creation_time: string;
  last_updated_time: string;
  version: number;
}

export interface PaymentRecord {
  id: string;
  tenant: string;
  payment_schedule_id: string;
  occurrence: number;
  account_id: string;
  customer_id?: string;
  description: string;
  metadata?: Record<string, unknown>;
  payment_date: PaymentDate;
  payment_instruction: PaymentInstruction;
  status: 'COMPLETED' | 'ERROR';
  transaction_id?: string;
  error_details?: { code: string; details: string };
  creation_time: string;
}

/** `payment_schedule` as the API answers it. */
export const paymentScheduleView = (s: PaymentScheduleRecord) => ({
  id: s.id,
  description: s.description,
  ...(s.metadata ? { metadata: s.metadata } : {}),
  payment_instruction: s.payment_instruction,
  schedule: s.schedule,
  status: s.status,
  ...(s.next_payment_date ? { next_payment_date: s.next_payment_date } : {}),
  ...(s.cancellation_reason ? { cancellation_reason: s.cancellation_reason } : {}),
  creation_time: s.creation_time,
  last_updated_time: s.last_updated_time,
});

/** `payment`: one executed occurrence. */
export const paymentView = (p: PaymentRecord) => ({
  id: p.id,
  payment_schedule_id: p.payment_schedule_id,
  description: p.description,
  ...(p.metadata ? { metadata: p.metadata } : {}),
  payment_date: p.payment_date,
  payment_instruction: p.payment_instruction,
  status: p.status,
  ...(p.transaction_id ? { transaction_id: p.transaction_id } : {}),
  ...(p.error_details ? { error_details: p.error_details } : {}),
});
