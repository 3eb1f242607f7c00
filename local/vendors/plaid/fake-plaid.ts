import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accountRoutes } from './account-routes.js';
import { LINK_STAND_IN_CALLS, linkStandInRoutes } from './link-stand-in-routes.js';
import { linkPage } from './link-page.js';
import { linkTokenRoutes } from './link-token-routes.js';
import { invalidRequestBody, PlaidError, plaidErrorBody } from './plaid-error.js';
import { type Body, createPlaidStore, type PlaidRoutes } from './plaid-store.js';
import { INSTITUTIONS } from './sandbox-data.js';
import { sandboxRoutes } from './sandbox-routes.js';
import { transactionRoutes } from './transaction-routes.js';

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

export interface FakePlaid {
  url: string;
  close(): Promise<void>;
  /** Test hook: how many calls each path received. */
  calls: Map<string, number>;
}

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

export const startFakePlaid = async (options: FakePlaidOptions): Promise<FakePlaid> => {
  const store = createPlaidStore();
  const hanging = new Set<ServerResponse>();
  const calls = new Map<string, number>();
  const routes: PlaidRoutes = {
    ...linkTokenRoutes(store),
    ...accountRoutes(store),
    ...transactionRoutes(store),
    ...sandboxRoutes(store),
    ...linkStandInRoutes(store),
  };

  const authorised = (req: IncomingMessage, body: Body) =>
    (req.headers['plaid-client-id'] ?? body.client_id) === options.clientId &&
    (req.headers['plaid-secret'] ?? body.secret) === options.secret;

  const server: Server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0] as string;
    calls.set(path, (calls.get(path) ?? 0) + 1);
    if (req.method === 'GET' && (path === '/link' || path === '/link/')) {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(linkPage(INSTITUTIONS.map((i) => ({ id: i.institution_id, name: i.name }))));
      return;
    }
    const handler = routes[path];
    if (req.method !== 'POST' || !handler) return send(res, 404, invalidRequestBody('NOT_FOUND', `no route ${req.method} ${path}`));
    try {
      const body = await readBody(req);
      if (!LINK_STAND_IN_CALLS.has(path) && !authorised(req, body))
        throw new PlaidError(400, 'INVALID_INPUT', 'INVALID_API_KEYS', 'invalid client_id or secret provided');
      // Tortoise Bank: the data call never answers; the client's timeout ends it.
      const item = typeof body.access_token === 'string' ? store.items.get(body.access_token) : undefined;
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
      if (error instanceof PlaidError) return send(res, error.status, plaidErrorBody(error));
      send(res, 400, invalidRequestBody('INVALID_BODY', 'request body is not valid JSON'));
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
