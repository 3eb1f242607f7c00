import type { ExternalAccountType } from '../../../external-accounts/model.js';
import { type VendorAccount, type VendorGateway, VendorFailure } from '../../../external-accounts/vendor-ports.js';
import { toMinorUnits } from '../amounts.js';
import { type FinicitySettings, finicityClient } from './finicity-client.js';

// Finicity behind the same port as Plaid. Its "access token" is the Finicity customer id: every
// account the user linked in Connect belongs to that customer (contract §9.6, vendor_customer_id).

const TYPES: Record<string, ExternalAccountType> = {
  checking: 'CHECKING',
  savings: 'SAVINGS',
  moneyMarket: 'MONEY_MARKET',
  creditCard: 'CREDIT_CARD',
};
const ACH_TYPES = new Set(['checking', 'savings', 'moneyMarket']);

const isoDay = (epochSeconds: number) => new Date(epochSeconds * 1000).toISOString().slice(0, 10);
const epochOf = (day: string, endOfDay: boolean) => Math.floor(Date.parse(`${day}T${endOfDay ? '23:59:59' : '00:00:00'}Z`) / 1000);

const splitName = (names: string[]) => {
  const [first = 'Customer', ...rest] = (names[0] ?? 'Bankline Customer').split(/\s+/);
  return { first, last: rest.join(' ') || 'Customer' };
};

export const finicityGateway = (settings: FinicitySettings): VendorGateway => {
  const client = finicityClient(settings);

  return {
    vendor: 'FINICITY',

    async ensureCustomer(owner) {
      // One Finicity customer per Bankline owner; the username is the owner id, so a retry finds it.
      const [existing] = await client.findCustomers(owner.id);
      if (existing) return { vendor_customer_id: String(existing.id) };
      const { first, last } = splitName(owner.names);
      const created = settings.testing
        ? await client.addTestingCustomer(owner.id, first, last)
        : await client.addCustomer(owner.id, first, last);
      return { vendor_customer_id: String(created.id) };
    },

    async createLinkToken(request) {
      if (!request.vendorCustomerId) throw new Error('a Finicity link needs the vendor customer');
      const { link } = await client.generateConnectUrl(request.vendorCustomerId, request.redirectUri);
      // Connect links live 2 hours (Finicity); the link itself is the "link token" clients open.
      return { link_token: link, expiration: new Date(Date.now() + 2 * 3_600_000).toISOString(), request_id: '' };
    },

    async exchangePublicToken() {
      throw new VendorFailure('FINICITY', 'INPUT', 'VENDOR_ERROR', 'Finicity has no public token');
    },

    async getAccounts(customerId, { withOwners }) {
      const accounts = await client.customerAccounts(customerId);
      const result: VendorAccount[] = [];
      for (const a of accounts) {
        const ach = ACH_TYPES.has(a.type);
        const details = ach ? await client.achDetails(customerId, a.id) : undefined;
        const holders = withOwners ? await client.ownerDetails(customerId, a.id) : undefined;
        result.push({
          vendor_account_id: String(a.id),
          name: a.name,
          ...(a.realAccountNumberLast4 || a.accountNumberDisplay
            ? { mask: (a.realAccountNumberLast4 ?? a.accountNumberDisplay ?? '').slice(-4) }
            : {}),
          type: TYPES[a.type] ?? 'OTHER',
          supported: ach,
          ...(details ? { account_number: details.realAccountNumber, routing_number: details.routingNumber } : {}),
          currency: a.currency ?? 'USD',
          verified: true,
          ...(holders
            ? {
                owners: holders.map((h) => ({
                  names: [h.ownerName],
                  emails: (h.emails ?? []).map((e) => e.email),
                  phone_numbers: (h.phones ?? []).map((p) => p.phone),
                  addresses: (h.addresses ?? []).map((x) => ({ street: x.line1 ?? x.ownerAddress ?? '', postal_code: x.postalCode ?? '' })),
                })),
              }
            : {}),
          institution_id: String(a.institutionId),
        });
      }
      return {
        accounts: result,
        request_id: '',
        institution_name: accounts[0] ? `Finicity institution ${accounts[0].institutionId}` : 'Unknown',
      };
    },

    async getBalance(customerId, accountId) {
      const b = await client.availableBalanceLive(customerId, accountId);
      const currency = b.currency || 'USD';
      return {
        currency,
        available: toMinorUnits(b.availableBalance, currency),
        current: toMinorUnits(b.clearedBalance, currency),
        limit: null,
        last_updated_time_vendor: new Date(b.availableBalanceDate * 1000).toISOString(),
      };
    },

    async getTransactions(customerId, accountId, start, endInclusive, limit) {
      const data = await client.transactions(customerId, accountId, epochOf(start, false), epochOf(endInclusive, true), limit);
      return data.transactions.map((t) => {
        const posted = t.postedDate ?? t.transactionDate ?? t.createdDate;
        return {
          transaction_id: String(t.id),
          // Finicity: negative = money out, as the contract: no sign change.
          amount: toMinorUnits(t.amount, 'USD'),
          currency: 'USD',
          date: isoDay(posted),
          authorized_date: t.transactionDate ? isoDay(t.transactionDate) : null,
          is_pending: t.status === 'pending',
          ...(t.categorization?.normalizedPayeeName ? { merchant_name: t.categorization.normalizedPayeeName } : {}),
          category: t.categorization ? [t.categorization.category] : [],
          ...(t.checkNum !== undefined ? { check_number: String(t.checkNum) } : {}),
          payment_channel: 'OTHER' as const,
          ...(t.type ? { transaction_type: t.type } : {}),
        };
      });
    },

    async refreshTransactions(customerId) {
      const accounts = await client.refreshAccounts(customerId);
      return accounts.length;
    },

    async removeItem(customerId) {
      await client.deleteCustomer(customerId);
    },
  };
};
