import {
  Configuration,
  type CountryCode,
  DepositoryAccountSubtype,
  Products,
  PlaidApi,
  type AccountBase,
  type LinkTokenCreateRequest,
} from 'plaid';
import type { ExternalAccountType } from '../../../external-accounts/model.js';
import type { LinkTokenRequest, VendorAccount, VendorGateway, VendorOwner } from '../../../external-accounts/vendor-ports.js';
import { toMinorUnits, toMinorUnitsOrNull } from '../amounts.js';
import { plaidFailure } from './plaid-errors.js';

// Plaid through its official SDK (plaid@47). The SDK is only ever imported here, and only the
// external-accounts-vendor function imports this module. Every request and response is Plaid's
// own wire format, so the twin's fake Plaid (local/vendors/plaid/) runs this code unchanged.

export interface PlaidSettings {
  basePath: string;
  clientId: string;
  secret: string;
  /** Milliseconds before a call counts as timed out (a 503 to the client). */
  timeoutMs: number;
}

const SUBTYPE_TYPES: Record<string, ExternalAccountType> = {
  checking: 'CHECKING',
  savings: 'SAVINGS',
  'money market': 'MONEY_MARKET',
  'credit card': 'CREDIT_CARD',
  '529': 'INVESTMENT_529',
};

const typeOf = (a: AccountBase): ExternalAccountType => SUBTYPE_TYPES[a.subtype ?? ''] ?? 'OTHER';

/** Checking, savings and money market (cash management too) can move money by ACH. */
const supported = (a: AccountBase) =>
  a.type === 'depository' && ['checking', 'savings', 'money market', 'cash management'].includes(a.subtype ?? '');

const verified = (a: AccountBase) =>
  a.verification_status === undefined ||
  ['automatically_verified', 'manually_verified', 'database_matched'].includes(a.verification_status);

const LANGUAGES: Record<string, string> = { DE: 'de', EN: 'en', ES: 'es', FR: 'fr', NL: 'nl' };

const linkTokenBody = (_clientId: string, r: LinkTokenRequest): LinkTokenCreateRequest => {
  const base: LinkTokenCreateRequest = {
    client_name: r.clientName,
    language: LANGUAGES[r.language] ?? 'en',
    country_codes: r.countryCodes as CountryCode[],
    user: { client_user_id: r.userId },
    ...(r.redirectUri ? { redirect_uri: r.redirectUri } : {}),
    ...(r.customizationName ? { link_customization_name: r.customizationName } : {}),
  };
  // Update mode: the item's access token and no products (Plaid's rule); account selection on.
  if (r.accessToken) return { ...base, access_token: r.accessToken, update: { account_selection_enabled: true } };
  switch (r.type) {
    case 'MICRO_DEPOSIT':
      return { ...base, products: [Products.Auth], auth: { same_day_microdeposits_enabled: true, auth_type_select_enabled: true } };
    case 'CREDIT':
      return { ...base, products: [Products.Transactions], account_filters: { credit: { account_subtypes: ['credit card' as never] } } };
    case 'INVESTMENT':
      return { ...base, products: [Products.Investments] };
    default:
      return {
        ...base,
        products: [Products.Auth],
        additional_consented_products: [Products.Identity, Products.Transactions],
        account_filters: { depository: { account_subtypes: [DepositoryAccountSubtype.Checking, DepositoryAccountSubtype.Savings] } },
      };
  }
};

export const plaidGateway = (settings: PlaidSettings): VendorGateway => {
  const api = new PlaidApi(
    new Configuration({
      basePath: settings.basePath,
      baseOptions: { headers: { 'PLAID-CLIENT-ID': settings.clientId, 'PLAID-SECRET': settings.secret }, timeout: settings.timeoutMs },
    }),
  );

  const call = async <T>(run: () => Promise<{ data: T }>): Promise<T> => {
    try {
      return (await run()).data;
    } catch (error) {
      throw plaidFailure(error);
    }
  };

  return {
    vendor: 'PLAID',

    ensureCustomer: async () => undefined,

    async createLinkToken(request) {
      const data = await call(() => api.linkTokenCreate(linkTokenBody(settings.clientId, request)));
      return { link_token: data.link_token, expiration: data.expiration, request_id: data.request_id };
    },

    async exchangePublicToken(publicToken) {
      const data = await call(() => api.itemPublicTokenExchange({ public_token: publicToken }));
      return { access_token: data.access_token, item_id: data.item_id, request_id: data.request_id };
    },

    async getAccounts(accessToken, { withOwners }) {
      const auth = await call(() => api.authGet({ access_token: accessToken }));
      const identity = withOwners ? await call(() => api.identityGet({ access_token: accessToken })) : undefined;
      const ownersOf = (id: string): VendorOwner[] | undefined =>
        identity?.accounts
          .find((a) => a.account_id === id)
          ?.owners.map((o) => ({
            names: o.names,
            emails: o.emails.map((e) => e.data),
            phone_numbers: o.phone_numbers.map((p) => p.data),
            addresses: o.addresses.map((a) => ({ street: a.data.street ?? '', postal_code: a.data.postal_code ?? '' })),
          }));
      const accounts: VendorAccount[] = auth.accounts.map((a) => {
        const ach = auth.numbers.ach.find((n) => n.account_id === a.account_id);
        const owners = ownersOf(a.account_id);
        return {
          vendor_account_id: a.account_id,
          name: a.official_name ?? a.name,
          ...(a.mask ? { mask: a.mask } : {}),
          type: typeOf(a),
          supported: supported(a),
          ...(ach ? { account_number: ach.account, routing_number: ach.routing } : {}),
          ...(ach?.wire_routing ? { wire_routing_number: ach.wire_routing } : {}),
          currency: a.balances.iso_currency_code ?? 'USD',
          verified: verified(a),
          ...(owners ? { owners } : {}),
          ...(auth.item.institution_id ? { institution_id: auth.item.institution_id } : {}),
        };
      });
      return {
        accounts,
        request_id: auth.request_id,
        ...(auth.item.institution_name ? { institution_name: auth.item.institution_name } : {}),
      };
    },

    async getBalance(accessToken, accountId, maxAgeSeconds) {
      const data = await call(() =>
        api.accountsBalanceGet({
          access_token: accessToken,
          options: {
            account_ids: [accountId],
            ...(maxAgeSeconds !== undefined
              ? { min_last_updated_datetime: new Date(Date.now() - maxAgeSeconds * 1000).toISOString() }
              : {}),
          },
        }),
      );
      const a = data.accounts.find((x) => x.account_id === accountId);
      if (!a)
        throw plaidFailure({
          isAxiosError: true,
          response: {
            status: 400,
            data: { error_type: 'ITEM_ERROR', error_code: 'ITEM_NOT_FOUND', error_message: 'the account is no longer in the item' },
          },
        });
      const currency = a.balances.iso_currency_code ?? 'USD';
      return {
        currency,
        available: toMinorUnitsOrNull(a.balances.available, currency),
        current: toMinorUnitsOrNull(a.balances.current, currency),
        limit: toMinorUnitsOrNull(a.balances.limit, currency),
        ...(a.balances.last_updated_datetime ? { last_updated_time_vendor: a.balances.last_updated_datetime } : {}),
      };
    },

    async getTransactions(accessToken, accountId, start, endInclusive, limit) {
      const data = await call(() =>
        api.transactionsGet({
          access_token: accessToken,
          start_date: start,
          end_date: endInclusive,
          options: { account_ids: [accountId], count: limit, offset: 0 },
        }),
      );
      return data.transactions.map((t) => {
        const currency = t.iso_currency_code ?? 'USD';
        return {
          transaction_id: t.transaction_id,
          // Plaid: positive = money out of the account. The contract: positive = money in.
          amount: -toMinorUnits(t.amount, currency),
          currency,
          date: t.date,
          authorized_date: t.authorized_date,
          is_pending: t.pending,
          ...(t.merchant_name ? { merchant_name: t.merchant_name } : {}),
          category: t.category ?? [],
          ...(t.check_number ? { check_number: t.check_number } : {}),
          payment_channel: t.payment_channel === 'in store' ? 'IN_STORE' : t.payment_channel === 'online' ? 'ONLINE' : 'OTHER',
          ...(t.payment_meta?.payment_method ? { payment_method: t.payment_meta.payment_method } : {}),
          ...(t.transaction_type ? { transaction_type: t.transaction_type } : {}),
        };
      });
    },

    async refreshTransactions(accessToken) {
      await call(() => api.transactionsRefresh({ access_token: accessToken }));
      const today = new Date().toISOString().slice(0, 10);
      const since = new Date(Date.now() - 730 * 86_400_000).toISOString().slice(0, 10);
      const data = await call(() =>
        api.transactionsGet({ access_token: accessToken, start_date: since, end_date: today, options: { count: 1 } }),
      );
      return data.total_transactions;
    },

    async removeItem(accessToken) {
      await call(() => api.itemRemove({ access_token: accessToken }));
    },
  };
};
