import { VendorFailure } from '../../../external-accounts/vendor-ports.js';

// An axios failure of the Plaid SDK as the port's VendorFailure. Plaid says to branch on
// error_code, not on the HTTP status; the status only tells a Plaid outage (5xx) apart.

interface PlaidErrorBody {
  error_type?: string;
  error_code?: string;
  error_message?: string;
  display_message?: string | null;
  request_id?: string;
}

interface AxiosLike {
  isAxiosError?: boolean;
  code?: string;
  response?: { status: number; data?: unknown };
}

const USER_ACTION_TYPES = new Set(['ITEM_ERROR', 'INSTITUTION_ERROR']);

export const plaidFailure = (error: unknown): VendorFailure | unknown => {
  const e = error as AxiosLike;
  if (e?.isAxiosError !== true) return error;
  if (!e.response) {
    const timedOut = e.code === 'ECONNABORTED' || e.code === 'ETIMEDOUT';
    return new VendorFailure(
      'PLAID',
      timedOut ? 'TIMEOUT' : 'UNAVAILABLE',
      e.code ?? 'NETWORK_ERROR',
      timedOut ? 'Plaid did not answer in time' : 'Plaid could not be reached',
    );
  }
  const body = (e.response.data ?? {}) as PlaidErrorBody;
  const code = body.error_type === 'RATE_LIMIT_EXCEEDED' ? 'VENDOR_RATE_LIMITED' : (body.error_code ?? `HTTP_${e.response.status}`);
  const kind =
    e.response.status >= 500 || body.error_type === 'API_ERROR'
      ? 'UNAVAILABLE'
      : USER_ACTION_TYPES.has(body.error_type ?? '')
        ? 'USER_ACTION'
        : 'INPUT';
  return new VendorFailure(
    'PLAID',
    kind,
    code,
    body.error_message ?? 'Plaid refused the request',
    body.request_id,
    body.display_message ?? undefined,
  );
};
