import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connectPage } from './connect-page.js';

// A stateful fake of Finicity's REST API (Mastercard Open Finance US) on node:http, in its wire
// format (Finicity-App-Key / Finicity-App-Token headers, JSON, epoch-second dates, decimal
// dollars), for the calls Bankline's client makes, plus Finicity's Test Drive conventions: testing
// customers, FinBank Profiles – A (institution 102105) with login profile_03 / profile_03, and the
// headless `accounts/addall` call. Also the Connect page (GET /connect) and its completion call.

export interface FakeFinicityOptions {
  port?: number;
  partnerId: string;
  partnerSecret: string;
  appKey: string;
  /** Test hook: how long a partner token lives (Finicity: 2 hours). */
  tokenLifetimeMs?: number;
}

export const FINBANK = { institutionId: '102105', username: 'profile_03', password: 'profile_03' } as const;

interface Account {
  id: string;
  number: string;
  routing: string;
  name: string;
  type: string;
  balance: number;
  available: number;
}

interface Customer {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  createdDate: number;
  accounts: Account[];
}

const PROFILE_ACCOUNTS = [
  {
    suffix: '01',
    number: '8000008888',
    routing: '091000022',
    name: 'FinBank Checking',
    type: 'checking',
    balance: 1250.5,
    available: 1200.25,
  },
  { suffix: '02', number: '8000009999', routing: '091000022', name: 'FinBank Savings', type: 'savings', balance: 5000, available: 5000 },
  { suffix: '03', number: '4111000011112222', routing: '', name: 'FinBank Card', type: 'creditCard', balance: -321.09, available: 1678.91 },
];

const OWNER = {
  ownerName: 'Alberta Charleson',
  firstName: 'Alberta',
  lastName: 'Charleson',
  nameClassification: 'person',
  addresses: [
    {
      ownerAddress: '2992 Cameron Road, Malakoff, NY 14236',
      line1: '2992 Cameron Road',
      city: 'Malakoff',
      state: 'NY',
      postalCode: '14236',
      country: 'USA',
    },
  ],
  emails: [{ email: 'accountholder0@example.com', isPrimary: true }],
  phones: [{ phone: '1112223333', type: 'home' }],
};

const TRANSACTIONS = [
  { suffix: 'a', day: '2026-01-10', amount: -12.34, description: 'STARBUCKS', payee: 'Starbucks', category: 'Coffee Shops' },
  { suffix: 'b', day: '2026-01-15', amount: 500, description: 'PAYROLL ACME', payee: 'Acme', category: 'Paycheck' },
  { suffix: 'c', day: '2026-01-31', amount: -89.4, description: 'UBER', payee: 'Uber', category: 'Rideshare' },
];

class FinicityError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeFinicity {
  url: string;
  close(): Promise<void>;
  /** Test hook: partner authentications made. */
  authentications: () => number;
}

const epoch = (day: string) => Math.floor(Date.parse(`${day}T12:00:00Z`) / 1000);

export const startFakeFinicity = async (options: FakeFinicityOptions): Promise<FakeFinicity> => {
  const lifetime = options.tokenLifetimeMs ?? 2 * 3_600_000;
  const tokens = new Map<string, number>();
  const customers = new Map<string, Customer>();
  let authentications = 0;
  let nextId = 1_000_000;
  let url = '';

  const customerOf = (id: string | undefined) => {
    const c = id ? customers.get(id) : undefined;
    if (!c) throw new FinicityError(404, 14001, 'Customer not found.');
    return c;
  };
  const accountOf = (c: Customer, id: string | undefined) => {
    const a = c.accounts.find((x) => x.id === id);
    if (!a) throw new FinicityError(404, 38000, 'Account not found.');
    return a;
  };

  const link = (customerId: string, institutionId: string, username: unknown, password: unknown) => {
    const c = customerOf(customerId);
    if (institutionId !== FINBANK.institutionId)
      throw new FinicityError(400, 10000, `Test Drive customers can only link FinBank profiles (${FINBANK.institutionId})`);
    if (username !== FINBANK.username || password !== FINBANK.password) throw new FinicityError(400, 103, 'Invalid credentials');
    for (const p of PROFILE_ACCOUNTS) {
      const id = `${c.id}${p.suffix}`;
      if (!c.accounts.some((a) => a.id === id))
        c.accounts.push({
          id,
          number: p.number,
          routing: p.routing,
          name: p.name,
          type: p.type,
          balance: p.balance,
          available: p.available,
        });
    }
    return c.accounts.map((a) => accountView(c, a));
  };

  const accountView = (c: Customer, a: Account) => ({
    id: a.id,
    number: `xxxx${a.number.slice(-4)}`,
    accountNumberDisplay: a.number.slice(-4),
    realAccountNumberLast4: a.number.slice(-4),
    name: a.name,
    balance: a.balance,
    type: a.type,
    status: 'active',
    customerId: c.id,
    institutionId: FINBANK.institutionId,
    institutionLoginId: Number(`${c.id}9`),
    currency: 'USD',
    createdDate: c.createdDate,
    aggregationStatusCode: 0,
  });

  type Route = {
    method: string;
    pattern: RegExp;
    run: (m: string[], body: Record<string, unknown>, query: URLSearchParams) => [number, unknown];
  };
  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/aggregation\/v2\/customers\/(testing|active)$/,
      run: (_m, body) => {
        if (typeof body.username !== 'string' || !body.username) throw new FinicityError(400, 10000, 'username is required');
        if ([...customers.values()].some((c) => c.username === body.username))
          throw new FinicityError(409, 11000, 'A username already exists.');
        const customer: Customer = {
          id: String((nextId += 1)),
          username: body.username,
          firstName: String(body.firstName ?? ''),
          lastName: String(body.lastName ?? ''),
          createdDate: Math.floor(Date.now() / 1000),
          accounts: [],
        };
        customers.set(customer.id, customer);
        return [201, { id: customer.id, username: customer.username, createdDate: String(customer.createdDate) }];
      },
    },
    {
      method: 'GET',
      pattern: /^\/aggregation\/v1\/customers$/,
      run: (_m, _b, q) => {
        const found = [...customers.values()].filter((c) => !q.get('username') || c.username === q.get('username'));
        return [
          200,
          { found: found.length, displaying: found.length, moreAvailable: false, customers: found.map(({ accounts: _, ...c }) => c) },
        ];
      },
    },
    {
      method: 'DELETE',
      pattern: /^\/aggregation\/v1\/customers\/([^/]+)$/,
      run: (m) => {
        customerOf(m[1]);
        customers.delete(m[1] as string);
        return [204, undefined];
      },
    },
    {
      method: 'POST',
      pattern: /^\/connect\/v2\/generate$/,
      run: (_m, body) => {
        if (body.partnerId !== options.partnerId) throw new FinicityError(400, 10000, 'partnerId does not match');
        const c = customerOf(String(body.customerId));
        return [
          200,
          { link: `${url}/connect?customerId=${c.id}&partnerId=${options.partnerId}&signature=${randomBytes(16).toString('hex')}` },
        ];
      },
    },
    {
      method: 'POST',
      pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/institutions\/([^/]+)\/accounts\/addall$/,
      run: (m, body) => {
        const credentials = (body.credentials ?? []) as { name?: string; value?: string; id?: string }[];
        const user = credentials.find((x) => /userid/i.test(x.name ?? '') || x.id === `${FINBANK.institutionId}001`)?.value;
        const pass = credentials.find((x) => /password/i.test(x.name ?? '') || x.id === `${FINBANK.institutionId}002`)?.value;
        return [200, { accounts: link(m[1] as string, m[2] as string, user, pass) }];
      },
    },
    {
      method: 'GET',
      pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts$/,
      run: (m) => {
        const c = customerOf(m[1]);
        return [200, { accounts: c.accounts.map((a) => accountView(c, a)) }];
      },
    },
    {
      method: 'POST',
      pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts$/,
      run: (m) => {
        const c = customerOf(m[1]);
        return [200, { accounts: c.accounts.map((a) => accountView(c, a)) }];
      },
    },
    {
      method: 'GET',
      pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts\/([^/]+)\/details$/,
      run: (m) => {
        const a = accountOf(customerOf(m[1]), m[2]);
        if (!a.routing) throw new FinicityError(400, 38010, 'ACH details are not available for this account type');
        return [200, { routingNumber: a.routing, realAccountNumber: a.number }];
      },
    },
    {
      method: 'GET',
      pattern: /^\/aggregation\/v3\/customers\/([^/]+)\/accounts\/([^/]+)\/owner$/,
      run: (m) => {
        accountOf(customerOf(m[1]), m[2]);
        return [200, { holders: [OWNER] }];
      },
    },
    {
      method: 'GET',
      pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/accounts\/([^/]+)\/availableBalance\/live$/,
      run: (m) => {
        const a = accountOf(customerOf(m[1]), m[2]);
        const now = Math.floor(Date.now() / 1000);
        return [
          200,
          {
            id: a.id,
            realAccountNumberLast4: a.number.slice(-4),
            availableBalance: a.available,
            availableBalanceDate: now,
            clearedBalance: a.balance,
            clearedBalanceDate: now,
            aggregationStatusCode: 0,
            currency: 'USD',
          },
        ];
      },
    },
    {
      method: 'GET',
      pattern: /^\/aggregation\/v4\/customers\/([^/]+)\/accounts\/([^/]+)\/transactions$/,
      run: (m, _b, q) => {
        const c = customerOf(m[1]);
        const a = accountOf(c, m[2]);
        const from = Number(q.get('fromDate'));
        const to = Number(q.get('toDate'));
        if (!Number.isFinite(from) || !Number.isFinite(to) || !q.get('fromDate') || !q.get('toDate'))
          throw new FinicityError(400, 10000, 'fromDate and toDate are required');
        const limit = Math.min(Number(q.get('limit') ?? 25), 1000);
        const start = Number(q.get('start') ?? 1);
        const all = TRANSACTIONS.filter(() => a.routing)
          .map((t) => ({
            id: Number(`${a.id}${t.suffix.charCodeAt(0)}`),
            amount: t.amount,
            accountId: Number(a.id),
            customerId: Number(c.id),
            status: 'active',
            description: t.description,
            postedDate: epoch(t.day),
            transactionDate: epoch(t.day),
            createdDate: epoch(t.day),
            categorization: { normalizedPayeeName: t.payee, category: t.category, country: 'USA' },
          }))
          .filter((t) => t.postedDate >= from && t.postedDate <= to);
        const page = all.slice(start - 1, start - 1 + limit);
        return [
          200,
          {
            found: all.length,
            displaying: page.length,
            moreAvailable: start - 1 + limit < all.length,
            fromDate: String(from),
            toDate: String(to),
            sort: 'desc',
            transactions: page,
          },
        ];
      },
    },
  ];

  const send = (res: ServerResponse, status: number, body: unknown) => {
    if (body === undefined) {
      res.writeHead(status);
      res.end();
      return;
    }
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const readBody = async (req: IncomingMessage): Promise<Record<string, unknown>> => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };

  const server = createServer(async (req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://fake');
    try {
      if (req.method === 'GET' && parsed.pathname === '/connect') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(connectPage(parsed.searchParams.get('customerId') ?? ''));
        return;
      }
      const body = await readBody(req);
      // The Connect page's own call: it stands in for the user linking FinBank in Connect.
      if (req.method === 'POST' && parsed.pathname === '/connect/bankline/complete')
        return send(res, 200, { accounts: link(String(body.customerId), String(body.institutionId), body.username, body.password) });
      if (req.headers['finicity-app-key'] !== options.appKey) throw new FinicityError(401, 10022, 'Invalid App Key');
      if (req.method === 'POST' && parsed.pathname === '/aggregation/v2/partners/authentication') {
        if (body.partnerId !== options.partnerId || body.partnerSecret !== options.partnerSecret)
          throw new FinicityError(401, 10023, 'Invalid Partner credentials');
        authentications += 1;
        const token = randomBytes(18).toString('base64url');
        tokens.set(token, Date.now() + lifetime);
        return send(res, 200, { token });
      }
      const token = req.headers['finicity-app-token'];
      const expires = typeof token === 'string' ? tokens.get(token) : undefined;
      if (!expires || expires < Date.now()) throw new FinicityError(401, 10024, 'Token is invalid or expired');
      for (const route of routes) {
        const m = route.method === req.method ? route.pattern.exec(parsed.pathname) : null;
        if (m) {
          const [status, answer] = route.run([...m], body, parsed.searchParams);
          return send(res, status, answer);
        }
      }
      throw new FinicityError(404, 404, `no route ${req.method} ${parsed.pathname}`);
    } catch (error) {
      if (error instanceof FinicityError)
        return send(res, error.status, {
          code: error.code,
          status: String(error.status),
          message: error.message,
          user_message: error.message,
        });
      send(res, 400, { code: 10000, message: 'invalid request body' });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    authentications: () => authentications,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
