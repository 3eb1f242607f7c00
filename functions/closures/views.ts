import type { ClosureRecord } from './model.js';

/**
 * `account_closure` as the API shows it (contract §3.3), plus Bankline's own `id`, `status`,
 * `payout` and `waiting_until`: where the workflow stands (the progress view).
 */
export const accountClosureView = (c: ClosureRecord) => ({
  id: c.id,
  reason: c.reason,
  reason_details: c.reason_details,
  payment_method: c.payment_method,
  destination_id: c.destination_id,
  cases: [] as { case_id: string; case_reason: string }[],
  validation_responses: c.checks.map((check) => ({ ...check })),
  status: c.step,
  payout: {
    state: c.payout.state,
    attempt: c.payout.attempt,
    ...(c.payout.transaction_id ? { transaction_id: c.payout.transaction_id } : {}),
    ...(c.payout.amount !== undefined ? { amount: c.payout.amount } : {}),
    ...(c.payout.close_at ? { close_at: c.payout.close_at } : {}),
    ...(c.payout.returned ? { returned: c.payout.returned } : {}),
  },
  ...(c.wait_until ? { waiting_until: c.wait_until } : {}),
});
export type AccountClosureView = ReturnType<typeof accountClosureView>;
