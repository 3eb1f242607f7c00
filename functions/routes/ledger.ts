// The ledger: internal accounts, transfers, transactions, ACH, statements and the sandbox, in the one route table (functions/routes.ts).
import { route, type Route } from './route.js';

export const LEDGER_ROUTES: readonly Route[] = [
  // The ledger (issue 9, contract §12): money moves on accounts, so the account permissions guard it.
  route('POST', '/v0/internal_accounts', 'ledger', 'createInternalAccount', 'account:write'),
  route('GET', '/v0/internal_accounts', 'ledger', 'listInternalAccounts', 'account:read'),
  route('GET', '/v0/internal_accounts/{internal_account_id}', 'ledger', 'getInternalAccount', 'account:read'),
  route('PATCH', '/v0/internal_accounts/{internal_account_id}', 'ledger', 'patchInternalAccount', 'account:write'),
  route('POST', '/v0/transactions/internal_transfer', 'ledger', 'createInternalTransfer', 'account:write'),
  route('GET', '/v0/transactions/internal_transfer/{transaction_id}', 'ledger', 'getInternalTransfer', 'account:read'),
  route('PATCH', '/v0/transactions/internal_transfer/{transaction_id}', 'ledger', 'patchInternalTransfer', 'account:write'),
  route('GET', '/v0/transactions/posted', 'ledger', 'listPostedTransactions', 'account:read'),
  route('GET', '/v0/transactions/posted/{posted_transaction_id}', 'ledger', 'getPostedTransaction', 'account:read'),
  route('GET', '/v0/transactions/pending', 'ledger', 'listPendingTransactions', 'account:read'),
  route('GET', '/v0/transactions/pending/{pending_transaction_id}', 'ledger', 'getPendingTransaction', 'account:read'),
  route('GET', '/v0/ach/incoming', 'ledger', 'listIncomingAch', 'account:read'),
  route('POST', '/v0/ach', 'ledger', 'createAch', 'account:write'),
  route('GET', '/v0/ach', 'ledger', 'listAch', 'account:read'),
  route('GET', '/v0/ach/{ach_id}', 'ledger', 'getAch', 'account:read'),
  route('PATCH', '/v0/ach/{ach_id}', 'ledger', 'patchAch', 'account:write'),
  route('POST', '/v0/ach/transaction_simulations/receiving_return', 'ledger', 'simulateAchReturn', 'account:write'),
  // Sandbox only (403 elsewhere): the incoming ACH simulation, and the tenant's clock (Bankline extension).
  route('POST', '/v0/ach/transaction_simulations/receiving_transaction', 'ledger', 'simulateReceivingAch', 'account:write'),
  route('GET', '/v0/statements', 'ledger', 'listStatements', 'account:read'),
  route('GET', '/v0/statements/{statement_id}', 'ledger', 'getStatement', 'account:read'),
  route('GET', '/v0/statements/{statement_id}/transactions', 'ledger', 'listStatementTransactions', 'account:read'),
  route('POST', '/v0/wipe', 'ledger', 'wipeTenant', 'account:write'),
  route('GET', '/v0/sandbox/clock', 'ledger', 'getSandboxClock', 'account:read'),
  route('POST', '/v0/sandbox/clock', 'ledger', 'moveSandboxClock', 'account:write', { consoleAction: true }),
  // Sandbox disputes and payment schedules (ledger, round 3).
  route('POST', '/v0/sandbox/disputes', 'ledger', 'createDispute', 'account:write'),
  route('GET', '/v0/sandbox/disputes', 'ledger', 'listDisputes', 'account:read'),
  route('GET', '/v0/sandbox/disputes/{dispute_id}', 'ledger', 'getDispute', 'account:read'),
  route('PATCH', '/v0/sandbox/disputes/{dispute_id}', 'ledger', 'patchDispute', 'account:write'),
  route('POST', '/v0/payment_schedules', 'ledger', 'createPaymentSchedule', 'account:write'),
  route('GET', '/v0/payment_schedules', 'ledger', 'listPaymentSchedules', 'account:read'),
  route('GET', '/v0/payment_schedules/payments', 'ledger', 'listPayments', 'account:read'),
  route('GET', '/v0/payment_schedules/{payment_schedule_id}', 'ledger', 'getPaymentSchedule', 'account:read'),
  route('PATCH', '/v0/payment_schedules/{payment_schedule_id}', 'ledger', 'patchPaymentSchedule', 'account:write'),
];
