import { createDomainHandler } from './create-domain-handler.js';
import { achOperations } from './ledger/ach-operations.js';
import { disputeOperations } from './ledger/dispute-operations.js';
import { internalAccountOperations } from './ledger/internal-account-operations.js';
import { paymentScheduleOperations } from './ledger/payment-schedule-operations.js';
import { sandboxOperations } from './ledger/sandbox-operations.js';
import { statementOperations } from './ledger/statement-operations.js';
import { transactionOperations } from './ledger/transaction-operations.js';
import { transferOperations } from './ledger/transfer-operations.js';

// Ledger domain Lambda: internal (GL) accounts, internal transfers and the transaction lists.
export const handler = createDomainHandler('ledger', {
  createInternalAccount: internalAccountOperations.create,
  listInternalAccounts: internalAccountOperations.list,
  getInternalAccount: internalAccountOperations.get,
  patchInternalAccount: internalAccountOperations.patch,
  createInternalTransfer: transferOperations.create,
  getInternalTransfer: transferOperations.get,
  patchInternalTransfer: transferOperations.patch,
  listPostedTransactions: transactionOperations.listPosted,
  getPostedTransaction: transactionOperations.getPosted,
  listPendingTransactions: transactionOperations.listPending,
  getPendingTransaction: transactionOperations.getPending,
  getSandboxClock: sandboxOperations.getClock,
  moveSandboxClock: sandboxOperations.moveClock,
  simulateReceivingAch: sandboxOperations.receivingTransaction,
  listIncomingAch: sandboxOperations.listIncoming,
  wipeTenant: sandboxOperations.wipe,
  createAch: achOperations.create,
  listAch: achOperations.list,
  getAch: achOperations.get,
  patchAch: achOperations.patch,
  simulateAchReturn: achOperations.simulateReturn,
  listStatements: statementOperations.list,
  getStatement: statementOperations.get,
  listStatementTransactions: statementOperations.transactions,
  createDispute: disputeOperations.create,
  listDisputes: disputeOperations.list,
  getDispute: disputeOperations.get,
  patchDispute: disputeOperations.patch,
  createPaymentSchedule: paymentScheduleOperations.create,
  listPaymentSchedules: paymentScheduleOperations.list,
  listPayments: paymentScheduleOperations.payments,
  getPaymentSchedule: paymentScheduleOperations.get,
  patchPaymentSchedule: paymentScheduleOperations.patch,
});
