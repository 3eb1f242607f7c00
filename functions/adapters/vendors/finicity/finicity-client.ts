import { VendorFailure } from '../../../external-accounts/vendor-ports.js';

// A small typed client of Finicity's REST API (Mastercard Open Finance US): only the calls
// Bankline makes, their shapes from Finicity's OpenAPI spec. There is no official server SDK.
// The partner token lasts 2 hours; it is cached and renewed after 90 minutes, before it expires.

export interface FinicitySettings {
  baseUrl: string;
  /** Sandbox (Test Drive): customers are created as testing customers. */
  testing: boolean;
  partner_id: string;
  partner_secret: string;
  app_key: string;
  timeoutMs: number;
}

export interface FinicityCustomer {
  id: string;
  username: string;
  createdDate: string | number;
}

export interface FinicityAccount {
  id: string;
  number?: string;
  accountNumberDisplay?: string;
  realAccountNumberLast4?: string;
  name: string;
  balance?: number;
  type: string;
  status: string;
  customerId: string;
  institutionId: string;
  institutionLoginId: string | number;
  currency?: string;
}

export interface FinicityAchDetails {
  routingNumber: string;
  realAccountNumber: string;
}

export interface FinicityOwnerHolder {
  ownerName: string;
  addresses?: { ownerAddress?: string; line1?: string; postalCode?: string }[];
  emails?: { email: string }[];
  phones?: { phone: string }[];
}

export interface FinicityAvailableBalance {
  id: string;
  availableBalance: number;
  availableBalanceDate: number;
  clearedBalance: number;
  clearedBalanceDate: number;
  currency: string;
}

export interface FinicityTransaction {
  id: string | number;
  amount: number;
  accountId: string | number;
  status: string;
  description: string;
  memo?: string;
  type?: string;
  transactionDate?: number;
  postedDate?: number;
  createdDate: number;
  checkNum?: string | number;
  categorization?: { normalizedPayeeName: string; category: string };
}

/** Renew this long before the 2-hour expiry. */
export const TOKEN_RENEW_AFTER_MS = 90 * 60 * 1000;

export const finicityClient = (s: FinicitySettings, now: () => number = Date.now) => {
  let token: { value: string; at: number } | undefined;

  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    withToken = true,
    renewed = false,
  ): Promise<{ status: number; data: T }> => {
    const headers: Record<string, string> = {
      'Finicity-App-Key': s.app_key,
      Accept: 'application/json',
      'Content-Type': 'application/json',
    };
    if (withToken) headers['Finicity-App-Token'] = await partnerToken();
    let response: Response;
    try {
      response = await fetch(`${s.baseUrl}${path}`, {
        method,
        headers,
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(s.timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      throw new VendorFailure(
        'FINICITY',
        timedOut ? 'TIMEOUT' : 'UNAVAILABLE',
        timedOut ? 'TIMEOUT' : 'NETWORK_ERROR',
        timedOut ? 'Finicity did not answer in time' : 'Finicity could not be reached',
      );
    }
    const text = await response.text();
    const data = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
    if (response.status === 401 && withToken && !renewed) {
      // A token Finicity no longer honours: renew once.
      token = undefined;
      return send(method, path, body, withToken, true);
    }
    if (response.status >= 400) {
      const code = String(data.code ?? `HTTP_${response.status}`);
      const message = String(data.message ?? 'Finicity refused the request');
      throw new VendorFailure(
        'FINICITY',
        response.status >= 500 ? 'UNAVAILABLE' : 'INPUT',
        `FINICITY_${code}`,
        message,
        undefined,
        data.user_message as string | undefined,
      );
    }
    return { status: response.status, data: data as T };
  };

  const partnerToken = async (): Promise<string> => {
    if (token && now() - token.at < TOKEN_RENEW_AFTER_MS) return token.value;
    const { data } = await send<{ token: string }>(
      'POST',
      '/aggregation/v2/partners/authentication',
      { partnerId: s.partner_id, partnerSecret: s.partner_secret },
      false,
    );
    token = { value: data.token, at: now() };
    return data.token;
  };

  const c = (id: string) => encodeURIComponent(id);

  return {
    partnerToken,
    addTestingCustomer: async (username: string, firstName: string, lastName: string) =>
      (await send<FinicityCustomer>('POST', '/aggregation/v2/customers/testing', { username, firstName, lastName })).data,
    addCustomer: async (username: string, firstName: string, lastName: string) =>
      (await send<FinicityCustomer>('POST', '/aggregation/v2/customers/active', { username, firstName, lastName })).data,
    findCustomers: async (username: string) =>
      (await send<{ customers: FinicityCustomer[] }>('GET', `/aggregation/v1/customers?username=${c(username)}`)).data.customers ?? [],
    generateConnectUrl: async (customerId: string, redirectUri?: string) =>
      (
        await send<{ link: string }>('POST', '/connect/v2/generate', {
          partnerId: s.partner_id,
          customerId,
          ...(redirectUri ? { redirectUri } : {}),
        })
      ).data,
    customerAccounts: async (customerId: string) =>
      (await send<{ accounts: FinicityAccount[] }>('GET', `/aggregation/v1/customers/${c(customerId)}/accounts`)).data.accounts ?? [],
    achDetails: async (customerId: string, accountId: string) =>
      (await send<FinicityAchDetails>('GET', `/aggregation/v1/customers/${c(customerId)}/accounts/${c(accountId)}/details`)).data,
    ownerDetails: async (customerId: string, accountId: string) =>
      (await send<{ holders: FinicityOwnerHolder[] }>('GET', `/aggregation/v3/customers/${c(customerId)}/accounts/${c(accountId)}/owner`))
        .data.holders ?? [],
    availableBalanceLive: async (customerId: string, accountId: string) =>
      (
        await send<FinicityAvailableBalance>(
          'GET',
          `/aggregation/v1/customers/${c(customerId)}/accounts/${c(accountId)}/availableBalance/live?balance_cache_interval=0`,
        )
      ).data,
    transactions: async (customerId: string, accountId: string, fromDate: number, toDate: number, limit: number) =>
      (
        await send<{ transactions: FinicityTransaction[]; found: number }>(
          'GET',
          `/aggregation/v4/customers/${c(customerId)}/accounts/${c(accountId)}/transactions?fromDate=${fromDate}&toDate=${toDate}&start=1&limit=${limit}&sort=desc&includePending=true`,
        )
      ).data,
    refreshAccounts: async (customerId: string) =>
      (await send<{ accounts: FinicityAccount[] }>('POST', `/aggregation/v1/customers/${c(customerId)}/accounts`, {})).data.accounts ?? [],
    deleteCustomer: async (customerId: string) => {
      await send('DELETE', `/aggregation/v1/customers/${c(customerId)}`);
    },
  };
};

export type FinicityClient = ReturnType<typeof finicityClient>;
