import type { IncomingAchRecord } from '../../ledger/incoming-ach.js';
import type { LedgerStore } from '../../ledger/ports.js';
import { stripKeys } from './keys.js';
import { queryDue } from './ledger-due-index.js';

// The scheduled job's reads of work due (the due index, ledger-due-index.ts): scheduled incoming
// ACH entries, expiring holds and outgoing ACH settlements.

type DueWorkStore = Pick<LedgerStore, 'dueIncomingAch' | 'expiringHolds' | 'dueAchSettlements'>;

export const dynamoDueWorkStore: DueWorkStore = {
  async dueIncomingAch(day, tenant) {
    const items = await queryDue('INCOMING_ACH', `${day}#~`, tenant);
    return items.map((item) => ({ record: stripKeys<IncomingAchRecord>(item), account_number: item.account_number as string }));
  },

  async expiringHolds(at, tenant) {
    const items = await queryDue('HOLD_EXPIRY', `${at}#~`, tenant);
    return items.map((item) => ({ tenant: item.tenant as string, id: item.id as string }));
  },

  async dueAchSettlements(at, tenant) {
    const items = await queryDue('ACH_SETTLEMENT', `${at}#~`, tenant);
    return items.map((item) => ({ tenant: item.tenant as string, id: item.id as string }));
  },
};
