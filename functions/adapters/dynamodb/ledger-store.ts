import type { LedgerStore } from '../../ledger/ports.js';
import { dynamoAchStore } from './ledger-ach-store.js';
import { dynamoBalanceStore } from './ledger-balance-store.js';
import { dynamoSandboxClockStore } from './ledger-clock-store.js';
import { dynamoDisputeStore } from './ledger-dispute-store.js';
import { dynamoDueWorkStore } from './ledger-due-work-store.js';
import { dynamoInterestStore } from './ledger-interest-store.js';
import { dynamoInternalAccountStore } from './ledger-internal-account-store.js';
import { dynamoLineStore } from './ledger-line-store.js';
import { dynamoPostingStore } from './ledger-posting-store.js';
import { dynamoPaymentScheduleStore } from './ledger-schedule-store.js';
import { dynamoStatementStore } from './ledger-statement-store.js';
import { dynamoTransactionStore } from './ledger-transaction-store.js';

// The DynamoDB adapter of the ledger's LedgerStore port (ledger/ports.ts), composed of one module per concern.

export const dynamoLedgerStore: LedgerStore = {
  ...dynamoDisputeStore,
  ...dynamoPaymentScheduleStore,
  ...dynamoPostingStore,
  ...dynamoBalanceStore,
  ...dynamoTransactionStore,
  ...dynamoLineStore,
  ...dynamoInternalAccountStore,
  ...dynamoAchStore,
  ...dynamoDueWorkStore,
  ...dynamoSandboxClockStore,
  ...dynamoInterestStore,
  ...dynamoStatementStore,
};
