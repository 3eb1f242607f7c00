import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes } from './account-routes.js';
import { connectPage } from './connect-page.js';
import { customerRoutes } from './customer-routes.js';
import { FinicityError, finicityErrorBody } from './finicity-error.js';
import { createFinicityStore, type FinicityRoute } from './finicity-store.js';
import { createPartnerTokens } from './partner-tokens.js';
import { transactionRoutes } from './transaction-routes.js';

// A stateful fake of Finicity's REST API (Mastercard Open Finance US) on node:http, in its wire
// format (Finicity-App-Key / Finicity-App-Token headers, JSON, epoch-second dates, decimal
// dollars), for the calls Bankline's client makes, plus Finicity's Test Drive conventions: testing
// customers, FinBank Profiles – A (institution 102105) with login profile_03 / profile_03, and the
// headless `accounts/addall` call. Also the Connect page (GET /connect) and its completion call.

export { FINBANK } from './test-drive-data.js';

export interface FakeFinicityOptions {
  port?: number;
  partnerId: string;
  partnerSecret: string;
  appKey: string;
  /** Test hook: how long a partner token lives (Finicity: 2 hours). */
  tokenLifetimeMs?: number;
}

export interface FakeFinicity {
  url: string;
  close(): Promise<void>;
  /** Test hook: partner authentications made. */
  authentications: () => number;
}

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

export const startFakeFinicity = async (options: FakeFinicityOptions): Promise<FakeFinicity> => {
  const partner = createPartnerTokens({
    partnerId: options.partnerId,
    partnerSecret: options.partnerSecret,
    lifetimeMs: options.tokenLifetimeMs ?? 2 * 3_600_000,
  });
  const store = createFinicityStore();
  let url = '';
  const routes: FinicityRoute[] = [
    ...customerRoutes(store, { partnerId: options.partnerId, url: () => url }),
    ...accountRoutes(store),
    ...transactionRoutes(store),
  ];

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
        return send(res, 200, { accounts: store.link(String(body.customerId), String(body.institutionId), body.username, body.password) });
      if (req.headers['finicity-app-key'] !== options.appKey) throw new FinicityError(401, 10022, 'Invalid App Key');
      if (req.method === 'POST' && parsed.pathname === '/aggregation/v2/partners/authentication')
        return send(res, 200, { token: partner.authenticate(body) });
      partner.check(req.headers['finicity-app-token']);
      for (const route of routes) {
        const m = route.method === req.method ? route.pattern.exec(parsed.pathname) : null;
        if (m) {
          const [status, answer] = route.run([...m], body, parsed.searchParams);
          return send(res, status, answer);
        }
      }
      throw new FinicityError(404, 404, `no route ${req.method} ${parsed.pathname}`);
    } catch (error) {
      if (error instanceof FinicityError) return send(res, error.status, finicityErrorBody(error));
      send(res, 400, { code: 10000, message: 'invalid request body' });
    }
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    authentications: partner.authentications,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
};
