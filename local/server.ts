import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EDGE_PROBLEMS, PROBLEM_CONTENT_TYPE, problemBody } from '../lib/problem-body.js';
import { apiReferencePages } from './api-reference.js';
import { answerClientError } from './client-errors.js';
import type { ConsolePages } from './console-pages.js';
import { createGateway, type GatewayOptions, type GatewayRequest, type GatewayResponse, MAX_PAYLOAD_BYTES } from './gateway.js';
import { type RequestLogEntry, requestLogEntry } from './request-log.js';

// The twin's HTTP front door: reads a request off node:http, runs API Gateway's pipeline
// (local/gateway.ts) and writes the answer back. Nothing here knows about routes or tenants.

export interface StartServerOptions extends GatewayOptions {
  /** 0 (the default) lets the OS choose, which is what tests want. */
  readonly port?: number;
  /** Loopback by default: the twin prints API keys, it should not listen on the network. */
  readonly host?: string;
  /** Called once per request answered by the gateway (the twin prints a line). */
  readonly onRequest?: (entry: RequestLogEntry) => void;
  /** Sees every answer before it is written (the e2e suite checks each against the OpenAPI document). */
  readonly onResponse?: (method: string, url: string, response: GatewayResponse) => void;
  /** The twin's own `GET /` (an index of links and tenants); without it `/` is API Gateway's 404. */
  readonly index?: () => unknown;
  /** `GET /openapi.json` and the Swagger UI at `/docs` (local/api-reference.ts); on unless false. */
  readonly apiReference?: boolean;
  /** The operator console's files under /console (local/console-pages.ts), answered before the gateway. */
  readonly console?: ConsolePages;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Reads the body; past API Gateway's limit it keeps draining (so the client gets the 413) but stops buffering. */
const readBody = (req: IncomingMessage): Promise<{ body: string | null; tooLarge: boolean }> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: size === 0 ? null : Buffer.concat(chunks).toString('utf8'), tooLarge: size > MAX_PAYLOAD_BYTES }));
    req.on('error', reject);
  });

const pairs = (raw: readonly string[]): Array<readonly [string, string]> => {
  const out: Array<readonly [string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i]!, raw[i + 1]!]);
  return out;
};

const sourceIp = (req: IncomingMessage): string => (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const gateway = createGateway({ ...options, explainUnknownRoutes: options.explainUnknownRoutes ?? true });
  let url = '';
  const reference = options.apiReference === false ? undefined : apiReferencePages(() => url);

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { body, tooLarge } = await readBody(req);
    const request: GatewayRequest = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: pairs(req.rawHeaders),
      body,
      sourceIp: sourceIp(req),
      payloadTooLarge: tooLarge,
    };
    const started = performance.now();
    const [path = '/'] = request.url.split('?', 1);
    const page = (await reference?.(request.method, path)) ?? (await options.console?.(request.method, request.url, req.headers.host));
    const response: GatewayResponse =
      page ??
      (options.index && request.method === 'GET' && path === '/'
        ? { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(options.index(), null, 2)) }
        : await gateway(request));
    options.onRequest?.(requestLogEntry(request.method, request.url, response, performance.now() - started));
    options.onResponse?.(request.method, request.url, response);
    response.headers['Content-Length'] = String(response.body.length);
    res.writeHead(response.statusCode, response.headers);
    res.end(response.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // Only the twin's own bugs land here; handler failures are already gateway errors.
      console.error('[bankline-local] request failed:', error instanceof Error ? error.stack : error);
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': PROBLEM_CONTENT_TYPE });
      res.end(problemBody(EDGE_PROBLEMS.internal));
    });
  });

  // Requests node:http cannot parse (headers over its limit, a garbled request line) never reach
  // the gateway; they still get the Synctera error body.
  server.on('clientError', answerClientError);

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections would otherwise hold close() open for seconds.
        server.closeAllConnections();
      }),
  };
}
