import { KEY_TENANT, type Organization, type Session } from './session.js';

// The console reaches Bankline only through the public API (same origin, /v0/...), with the
// operator key and the tenant chosen per request.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    detail: string,
  ) {
    super(detail);
  }
}

export const UNAUTHORIZED_EVENT = 'bankline:unauthorized';

type Query = Record<string, string | undefined>;

export interface Page<T> {
  readonly items: T[];
  readonly next?: string;
}

const withQuery = (path: string, query: Query = {}): string => {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(name, value);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
};

async function send(key: string, tenant: string | undefined, method: string, path: string, body?: unknown): Promise<any> {
  const headers: Record<string, string> = { Authorization: `Bearer ${key}`, Accept: 'application/json' };
  if (tenant && tenant !== KEY_TENANT) headers['X-Bankline-Tenant'] = tenant;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  const parsed = text ? JSON.parse(text) : {};
  // A key revoked mid-session: the app signs out (main.tsx) instead of showing errors page by page.
  if (response.status === 401) dispatchEvent(new Event(UNAUTHORIZED_EVENT));
  if (!response.ok) throw new ApiError(response.status, parsed.detail ?? parsed.title ?? `HTTP ${response.status}`);
  return parsed;
}

export interface Api {
  get<T = any>(path: string, query?: Query): Promise<T>;
  post<T = any>(path: string, body?: unknown, query?: Query): Promise<T>;
  /** One page of a list: `listKey` names the array in the body (`customers`, `accounts`...). */
  page<T = any>(path: string, listKey: string, query: Query, token?: string): Promise<Page<T>>;
}

export const apiFor = (session: Pick<Session, 'key'>, tenant?: string): Api => ({
  get: (path, query) => send(session.key, tenant, 'GET', withQuery(path, query)),
  post: (path, body, query) => send(session.key, tenant, 'POST', withQuery(path, query), body ?? {}),
  page: async (path, listKey, query, token) => {
    const body = await send(session.key, tenant, 'GET', withQuery(path, { ...query, page_token: token }));
    return { items: body[listKey] ?? [], ...(body.next_page_token ? { next: body.next_page_token } : {}) };
  },
});

/**
 * Signs in: an operator key answers its organization. Until a deployment has operator keys, a
 * tenant API key is accepted too (one tenant, no organization view across tenants).
 */
export async function signIn(key: string): Promise<Session> {
  try {
    const organization = await send(key, undefined, 'GET', '/v0/operator/organization');
    return { key, operator: true, organization: organization as Organization };
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 401) throw error;
  }
  await send(key, undefined, 'GET', '/v0/customers?limit=1');
  return { key, operator: false, organization: { id: '', name: 'API key', tenants: [{ id: KEY_TENANT, name: "this key's tenant" }] } };
}

/** The local twin's demo operator key (served on localhost only); null elsewhere. */
export async function localOperatorKey(): Promise<string | null> {
  if (!['localhost', '127.0.0.1', '[::1]'].includes(location.hostname)) return null;
  try {
    const response = await fetch('local-operator-key', { headers: { Accept: 'application/json' } });
    if (!response.ok) return null;
    const body = (await response.json()) as { api_key?: string };
    return body.api_key ?? null;
  } catch {
    return null;
  }
}
