import { randomBytes, randomUUID } from 'node:crypto';
import { PlaidError } from './plaid-error.js';
import { FORCIBLE_ERRORS, type Institution, type SandboxAccount } from './sandbox-data.js';

// The fake's in-memory state: items (keyed by access token), link tokens and public tokens, and
// the lookups every call makes, failing as Plaid does for an unknown, removed or broken item.

export interface Item {
  item_id: string;
  access_token: string;
  institution: Institution | null;
  accounts: (SandboxAccount & { account_id: string })[];
  /** Set by /sandbox/item/reset_login; cleared by Link update mode. */
  error: string | null;
  /** Forced by password error_<CODE>: every data call fails with it. */
  forced: string | null;
  /** Same-day micro-deposits: pending until the code is confirmed in Link. */
  micro: { pending: boolean; attempts: number; automated: boolean } | null;
  removed: boolean;
  transactionsRefreshed: number;
}

export interface LinkToken {
  token: string;
  user: string;
  access_token?: string;
  micro: boolean;
  expires: number;
  created: number;
  /** What /link/token/get reports back: the link's products and account filters. */
  products: string[];
  account_filters: Body | null;
}

// biome-ignore lint/suspicious/noExplicitAny: request bodies are read field by field and checked there, as Plaid does.
export type Body = Record<string, any>;

/** A group of POST endpoints, by path. */
export type PlaidRoutes = Record<string, (body: Body) => unknown>;

export type PlaidStore = ReturnType<typeof createPlaidStore>;

export const createPlaidStore = () => {
  const items = new Map<string, Item>();
  const linkTokens = new Map<string, LinkToken>();
  const publicTokens = new Map<string, { item: Item; expires: number }>();

  const itemAccounts = (item_id: string, accounts: SandboxAccount[]) =>
    accounts.map((a) => ({ ...a, account_id: `${item_id.slice(0, 12)}${a.account_id_suffix}${randomBytes(4).toString('hex')}` }));

  const newItem = (inst: Institution | null, accounts: SandboxAccount[], extra: Partial<Item> = {}): Item => {
    const item_id = randomBytes(16).toString('hex');
    const item: Item = {
      item_id,
      access_token: `access-sandbox-${randomUUID()}`,
      institution: inst,
      accounts: itemAccounts(item_id, accounts),
      error: null,
      forced: null,
      micro: null,
      removed: false,
      transactionsRefreshed: 0,
      ...extra,
    };
    items.set(item.access_token, item);
    return item;
  };

  const publicTokenFor = (item: Item) => {
    const token = `public-sandbox-${randomUUID()}`;
    publicTokens.set(token, { item, expires: Date.now() + 30 * 60_000 });
    return token;
  };

  const itemOf = (body: Body, { data }: { data: boolean }) => {
    const item = items.get(body.access_token);
    if (!item)
      throw new PlaidError(
        400,
        'INVALID_INPUT',
        'INVALID_ACCESS_TOKEN',
        'provided access token is in an invalid format. expected format: access-<environment>-<identifier>',
      );
    if (item.removed) throw new PlaidError(400, 'ITEM_ERROR', 'ITEM_NOT_FOUND', 'the requested item was not found');
    if (data) {
      if (item.institution?.behaviour === 'failing')
        throw new PlaidError(500, 'API_ERROR', 'INTERNAL_SERVER_ERROR', 'an unexpected error occurred');
      if (item.error)
        throw new PlaidError(
          400,
          'ITEM_ERROR',
          item.error,
          FORCIBLE_ERRORS[item.error]?.message ?? item.error,
          'Please update your credentials.',
        );
      if (item.forced) {
        const e = FORCIBLE_ERRORS[item.forced] as { type: string; message: string };
        throw new PlaidError(400, e.type, item.forced, e.message);
      }
    }
    return item;
  };

  const liveLinkToken = (token: string | undefined) => {
    const link = token ? linkTokens.get(token) : undefined;
    if (!link || link.expires < Date.now())
      throw new PlaidError(400, 'INVALID_INPUT', 'INVALID_LINK_TOKEN', 'provided link token is invalid or expired');
    return link;
  };

  return { items, linkTokens, publicTokens, itemAccounts, newItem, publicTokenFor, itemOf, liveLinkToken };
};
