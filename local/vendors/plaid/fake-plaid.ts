import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { linkPage } from './link-page.js';
import {
  FORCIBLE_ERRORS,
  GOOD_USER,
  INSTITUTIONS,
  type Institution,
  MICRO_DEPOSIT,
  SANDBOX_OWNER,
  SANDBOX_TRANSACTIONS,
  type SandboxAccount,
} from './sandbox-data.js';

// A stateful fake of Plaid's API on node:http, speaking Plaid's wire format (every call a POST of
// JSON, credentials in the PLAID-CLIENT-ID / PLAID-SECRET headers or the body), so the production
// adapter (functions/adapters/vendors/plaid/, the official SDK) runs against it unchanged. State
// lives in memory: items, link tokens, public tokens. Also serves the Link test page (GET /link)
// and the two calls it makes (POST /link/bankline/login, /link/bankline/complete): Bankline's
// stand-in for Plaid Link, which has no public API.

export interface FakePlaidOptions {
  port?: number;
  clientId: string;
  secret: string;
}

interface Item {
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

interface LinkToken {
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
type Body = Record<string, any>;

class PlaidError extends Error {
  constructor(
    readonly status: number,
    readonly error_type: string,
    readonly error_code: string,
    readonly error_message: string,
    readonly display_message: string | null = null,
  ) {
    super(error_message);
  }
}

const requestId = () => randomBytes(8).toString('hex').toUpperCase().slice(0, 15);

export interface FakePlaid {
  url: string;
  close(): Promise<void>;
  /** Test hook: how many calls each path received. */
  calls: Map<string, number>;
}

export const startFakePlaid = async (options: FakePlaidOptions): Promise<FakePlaid> => {
  const items = new Map<string, Item>();
  const linkTokens = new Map<string, LinkToken>();
  const publicTokens = new Map<string, { item: Item; expires: number }>();
  const hanging = new Set<ServerResponse>();
  const calls = new Map<string, number>();

  const institution = (id: string | undefined) => {
    const found = INSTITUTIONS.find((i) => i.institution_id === id);
    if (!found) throw new PlaidError(400, 'INVALID_INPUT', 'INVALID_INSTITUTION', `institution ${id} does not exist`);
    return found;
  };

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

  /** Login at an institution with sandbox credentials: what kind of item it gives. */
  const login = (username: string | undefined, password: string | undefined): Partial<Item> => {
    if (username === MICRO_DEPOSIT.username) return { micro: { pending: true, attempts: 0, automated: false } };
    if (username !== GOOD_USER.username)
      throw new PlaidError(
        400,
        'ITEM_ERROR',
        'INVALID_CREDENTIALS',
        'the provided credentials were not correct',
        'The provided credentials were not correct. Please try again.',
      );
    if (password === GOOD_USER.password) return {};
    if (password === GOOD_USER.microdeposits_password) return { micro: { pending: true, attempts: 0, automated: true } };
    const forced = password?.startsWith('error_') ? password.slice('error_'.length) : undefined;
    if (forced && FORCIBLE_ERRORS[forced]) return { forced };
    throw new PlaidError(
      400,
      'ITEM_ERROR',
      'INVALID_CREDENTIALS',
      'the provided credentials were not correct',
      'The provided credentials were not correct. Please try again.',
    );
  };

  const microAccounts = (routing: string = MICRO_DEPOSIT.routing, account: string = MICRO_DEPOSIT.account): SandboxAccount[] => [
    {
      account_id_suffix: 'mdp',
      name: 'Checking',
      official_name: 'Checking',
      type: 'depository',
      subtype: 'checking',
      mask: account.slice(-4),
      account,
      routing,
      available: 500,
      current: 500,
      limit: null,
    },
  ];

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

  const verificationStatus = (item: Item) =>
    item.micro
      ? item.micro.pending
        ? item.micro.automated
          ? 'pending_automatic_verification'
          : 'pending_manual_verification'
        : item.micro.automated
          ? 'automatically_verified'
          : 'manually_verified'
      : undefined;

  const accountBase = (item: Item, a: Item['accounts'][number]) => ({
    account_id: a.account_id,
    balances: {
      available: a.available,
      current: a.current,
      limit: a.limit,
      iso_currency_code: 'USD',
      unofficial_currency_code: null,
      last_updated_datetime: null,
    },
    mask: a.mask,
    name: a.name,
    official_name: a.official_name,
    type: a.type,
    subtype: a.subtype,
    ...(item.micro ? { verification_status: verificationStatus(item) } : {}),
    holder_category: 'personal',
  });

  const itemView = (item: Item) => ({
    item_id: item.item_id,
    institution_id: item.institution?.institution_id ?? null,
    institution_name: item.institution?.name ?? null,
    webhook: null,
    error: null,
    available_products: ['balance', 'identity', 'transactions'],
    billed_products: ['auth'],
    products: ['auth'],
    consent_expiration_time: null,
    update_type: 'background',
  });

  const selected = (item: Item, body: Body) => {
    const ids: string[] | undefined = body.options?.account_ids;
    return ids ? item.accounts.filter((a) => ids.includes(a.account_id)) : item.accounts;
  };

  const transactionsOf = (_item: Item, accounts: Item['accounts']) =>
    accounts
      .filter((a) => a.type === 'depository')
      .flatMap((a) =>
        SANDBOX_TRANSACTIONS.map((t) => ({
          account_id: a.account_id,
          transaction_id: `${a.account_id}${t.suffix}`,
          amount: t.amount,
          iso_currency_code: 'USD',
          unofficial_currency_code: null,
          category: [...t.category],
          category_id: null,
          check_number: null,
          date: t.date,
          authorized_date: t.date,
          authorized_datetime: null,
          datetime: null,
          location: {},
          name: t.name,
          merchant_name: t.merchant_name,
          payment_meta: { payment_method: t.suffix === 't2' ? 'ACH' : null },
          payment_channel: t.channel,
          pending: t.pending,
          pending_transaction_id: null,
          account_owner: null,
          transaction_type: t.channel === 'in store' ? 'place' : 'special',
          transaction_code: null,
        })),
      );

  const routes: Record<string, (body: Body) => unknown> = {
    '/link/token/create': (body) => {
      if (!body.client_name || !body.user?.client_user_id || !Array.isArray(body.country_codes) || !body.language)
        throw new PlaidError(
          400,
          'INVALID_REQUEST',
          'MISSING_FIELDS',
          'the following required fields are missing: client_name, user, country_codes, language',
        );
      const update = typeof body.access_token === 'string';
      if (update) itemOf(body, { data: false });
      else if (!Array.isArray(body.products) || body.products.length === 0)
        throw new PlaidError(400, 'INVALID_REQUEST', 'MISSING_FIELDS', 'the following required fields are missing: products');
      const token = `link-sandbox-${randomUUID()}`;
      // Plaid: 4 hours for a new item, 30 minutes in update mode.
      const expires = Date.now() + (update ? 30 : 240) * 60_000;
      linkTokens.set(token, {
        token,
        user: body.user.client_user_id,
        ...(update ? { access_token: body.access_token } : {}),
        micro: body.auth?.same_day_microdeposits_enabled === true,
        expires,
        created: Date.now(),
        products: update ? [] : body.products,
        account_filters: body.account_filters ?? null,
      });
      return { link_token: token, expiration: new Date(expires).toISOString().replace(/\.\d{3}Z$/, 'Z'), request_id: requestId() };
    },
    '/link/token/get': (body) => {
      const link = liveLinkToken(body.link_token);
      const time = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
      return {
        link_token: link.token,
        created_at: time(link.created),
        expiration: time(link.expires),
        metadata: { initial_products: link.products, account_filters: link.account_filters },
        request_id: requestId(),
      };
    },
    '/item/public_token/exchange': (body) => {
      const found = publicTokens.get(body.public_token);
      if (!found || found.expires < Date.now())
        throw new PlaidError(
          400,
          'INVALID_INPUT',
          'INVALID_PUBLIC_TOKEN',
          'provided public token is expired. Public tokens expire 30 minutes after creation at which point they can no longer be exchanged',
        );
      publicTokens.delete(body.public_token);
      return { access_token: found.item.access_token, item_id: found.item.item_id, request_id: requestId() };
    },
    '/accounts/get': (body) => {
      const item = itemOf(body, { data: true });
      return { accounts: selected(item, body).map((a) => accountBase(item, a)), item: itemView(item), request_id: requestId() };
    },
    '/auth/get': (body) => {
      const item = itemOf(body, { data: true });
      const accounts = selected(item, body);
      if (!accounts.some((a) => a.type === 'depository'))
        throw new PlaidError(400, 'ITEM_ERROR', 'NO_AUTH_ACCOUNTS', FORCIBLE_ERRORS.NO_AUTH_ACCOUNTS?.message ?? 'no auth accounts');
      return {
        accounts: accounts.map((a) => accountBase(item, a)),
        numbers: {
          ach: accounts
            .filter((a) => a.account)
            .map((a) => ({
              account_id: a.account_id,
              account: a.account,
              routing: a.routing,
              wire_routing: a.wire_routing ?? null,
              can_transfer_in: true,
              can_transfer_out: true,
            })),
          eft: [],
          international: [],
          bacs: [],
        },
        item: itemView(item),
        request_id: requestId(),
      };
    },
    '/identity/get': (body) => {
      const item = itemOf(body, { data: true });
      if (item.micro && !item.micro.automated)
        throw new PlaidError(400, 'ITEM_ERROR', 'PRODUCTS_NOT_SUPPORTED', 'identity is not available for a micro-deposit item');
      return {
        accounts: selected(item, body).map((a) => ({ ...accountBase(item, a), owners: [SANDBOX_OWNER] })),
        item: itemView(item),
        request_id: requestId(),
      };
    },
    '/accounts/balance/get': (body) => {
      const item = itemOf(body, { data: true });
      // The institution's data is 10 minutes old: a min_last_updated_datetime newer than that fails, as at Plaid.
      const asOf = new Date(Date.now() - 600_000);
      const min = body.options?.min_last_updated_datetime;
      if (min && Date.parse(min) > asOf.getTime())
        throw new PlaidError(
          400,
          'INVALID_INPUT',
          'LAST_UPDATED_DATETIME_OUT_OF_RANGE',
          'requested datetime out of range, most recently updated balance is older',
        );
      return {
        accounts: selected(item, body).map((a) => {
          const base = accountBase(item, a);
          return { ...base, balances: { ...base.balances, last_updated_datetime: asOf.toISOString() } };
        }),
        item: itemView(item),
        request_id: requestId(),
      };
    },
    '/transactions/get': (body) => {
      const item = itemOf(body, { data: true });
      if (!body.start_date || !body.end_date)
        throw new PlaidError(400, 'INVALID_REQUEST', 'MISSING_FIELDS', 'start_date and end_date are required');
      const all = transactionsOf(item, selected(item, body)).filter((t) => t.date >= body.start_date && t.date <= body.end_date);
      const count = Math.min(body.options?.count ?? 100, 500);
      const offset = body.options?.offset ?? 0;
      return {
        accounts: selected(item, body).map((a) => accountBase(item, a)),
        transactions: all.slice(offset, offset + count),
        total_transactions: all.length,
        item: itemView(item),
        request_id: requestId(),
      };
    },
    '/transactions/refresh': (body) => {
      const item = itemOf(body, { data: true });
      item.transactionsRefreshed += 1;
      return { request_id: requestId() };
    },
    '/item/remove': (body) => {
      const item = itemOf(body, { data: false });
      item.removed = true;
      return { request_id: requestId() };
    },
    '/sandbox/public_token/create': (body) => {
      const inst = institution(body.institution_id);
      const username = body.options?.override_username ?? GOOD_USER.username;
      const password = body.options?.override_password ?? GOOD_USER.password;
      const kind = login(username, password);
      const item = newItem(inst, kind.micro && !kind.micro.automated ? microAccounts() : inst.accounts, kind);
      return { public_token: publicTokenFor(item), request_id: requestId() };
    },
    '/sandbox/item/reset_login': (body) => {
      const item = itemOf(body, { data: false });
      item.error = 'ITEM_LOGIN_REQUIRED';
      return { reset_login: true, request_id: requestId() };
    },
    '/sandbox/item/set_verification_status': (body) => {
      const item = itemOf(body, { data: false });
      if (item.micro) item.micro.pending = body.verification_status !== 'automatically_verified';
      return { request_id: requestId() };
    },

    // Link stand-in (the test page and headless tests): log in, list the accounts to choose from.
    '/link/bankline/login': (body) => {
      const link = liveLinkToken(body.link_token);
      if (link.access_token) {
        const item = itemOf({ access_token: link.access_token }, { data: false });
        return {
          mode: item.micro?.pending && !item.micro.automated ? 'verify_micro_deposits' : 'update',
          accounts: (item.institution?.accounts ?? item.accounts).map(choice),
        };
      }
      if (link.micro && body.micro_deposit)
        return { mode: 'micro_deposit', accounts: microAccounts(body.micro_deposit.routing, body.micro_deposit.account).map(choice) };
      const inst = institution(body.institution_id);
      login(body.username, body.password);
      return { mode: 'new', accounts: inst.accounts.map(choice) };
    },
    // ... and finish: Link's onSuccess, a public_token and the chosen accounts.
    '/link/bankline/complete': (body) => {
      const link = liveLinkToken(body.link_token);
      const pick = (accounts: SandboxAccount[]) =>
        Array.isArray(body.account_ids) && body.account_ids.length > 0
          ? accounts.filter((a) => body.account_ids.includes(a.account_id_suffix))
          : accounts;
      let item: Item;
      if (link.access_token) {
        item = itemOf({ access_token: link.access_token }, { data: false });
        if (item.micro?.pending && !item.micro.automated) {
          if (item.micro.attempts >= 3)
            throw new PlaidError(400, 'INVALID_INPUT', 'TOO_MANY_VERIFICATION_ATTEMPTS', 'too many verification attempts');
          if (body.verification_code !== MICRO_DEPOSIT.code) {
            item.micro.attempts += 1;
            throw new PlaidError(
              400,
              'INVALID_INPUT',
              'INCORRECT_DEPOSIT_VERIFICATION',
              'incorrect deposit verification code',
              'The code you entered is incorrect.',
            );
          }
          item.micro.pending = false;
        } else {
          if (item.error || body.username !== undefined) login(body.username, body.password);
          item.error = null;
          if (Array.isArray(body.account_ids) && item.institution) {
            // Account selection in update mode: keep the ids of accounts still shared, add the new ones.
            const keep = item.accounts.filter((a) => body.account_ids.includes(a.account_id_suffix));
            const added = itemAccounts(
              item.item_id,
              pick(item.institution.accounts).filter((a) => !keep.some((k) => k.account_id_suffix === a.account_id_suffix)),
            );
            item.accounts = [...keep, ...added];
          }
        }
      } else if (link.micro && body.micro_deposit) {
        item = newItem(null, microAccounts(body.micro_deposit.routing, body.micro_deposit.account), {
          micro: { pending: true, attempts: 0, automated: false },
        });
      } else {
        const inst = institution(body.institution_id);
        const kind = login(body.username, body.password);
        item = newItem(inst, pick(inst.accounts), kind);
      }
      return {
        public_token: publicTokenFor(item),
        institution: item.institution ? { institution_id: item.institution.institution_id, name: item.institution.name } : null,
        accounts: item.accounts.map((a) => ({
          id: a.account_id,
          name: a.name,
          mask: a.mask,
          type: a.type,
          subtype: a.subtype,
          verification_status: verificationStatus(item) ?? null,
        })),
      };
    },
  };

  const choice = (a: SandboxAccount) => ({ id: a.account_id_suffix, name: a.name, mask: a.mask, type: a.type, subtype: a.subtype });

  const liveLinkToken = (token: string | undefined) => {
    const link = token ? linkTokens.get(token) : undefined;
    if (!link || link.expires < Date.now())
      throw new PlaidError(400, 'INVALID_INPUT', 'INVALID_LINK_TOKEN', 'provided link token is invalid or expired');
    return link;
  };

  const LINK_CALLS = new Set(['/link/bankline/login', '/link/bankline/complete']);

  const authorised = (req: IncomingMessage, body: Body) =>
    (req.headers['plaid-client-id'] ?? body.client_id) === options.clientId &&
    (req.headers['plaid-secret'] ?? body.secret) === options.secret;

  const readBody = async (req: IncomingMessage): Promise<Body> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Body) : {};
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    calls.set(path, (calls.get(path) ?? 0) + 1);
    if (req.method === 'GET' && (path === '/link' || path === '/link/')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(linkPage(INSTITUTIONS.map((i) => ({ id: i.institution_id, name: i.name }))));
      return;
    }
    const handler = routes[path];
    if (req.method !== 'POST' || !handler)
      return send(res, 404, {
        error_type: 'INVALID_REQUEST',
        error_code: 'NOT_FOUND',
        error_message: `no route ${req.method} ${path}`,
        request_id: requestId(),
      });
    try {
      const body = await readBody(req);
      if (!LINK_CALLS.has(path) && !authorised(req, body))
        throw new PlaidError(400, 'INVALID_INPUT', 'INVALID_API_KEYS', 'invalid client_id or secret provided');
      // Tortoise Bank: the data call never answers; the client's timeout ends it.
      const item = typeof body.access_token === 'string' ? items.get(body.access_token) : undefined;
      if (
        item?.institution?.behaviour === 'slow' &&
        path !== '/item/remove' &&
        !path.startsWith('/sandbox/') &&
        path !== '/link/token/create'
      ) {
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      }
      send(res, 200, handler(body));
    } catch (error) {
      if (error instanceof PlaidError)
        return send(res, error.status, {
          error_type: error.error_type,
          error_code: error.error_code,
          error_message: error.error_message,
          display_message: error.display_message,
          request_id: requestId(),
          causes: [],
          status: error.status,
          documentation_url: `https://plaid.com/docs/errors/#${error.error_code.toLowerCase()}`,
          suggested_action: null,
        });
      send(res, 400, {
        error_type: 'INVALID_REQUEST',
        error_code: 'INVALID_BODY',
        error_message: 'request body is not valid JSON',
        request_id: requestId(),
      });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
