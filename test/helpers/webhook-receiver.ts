import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

// A webhook endpoint for tests: records every request and checks both signatures the way a
// receiver should (Synctera's with Node crypto, the standard ones with the standardwebhooks
// package). `respond` picks each answer (default 200).

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: Record<string, unknown>;
  at: number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** `undefined` from the handler: never answer (a hanging receiver). */
  respond: (
    handler: (count: number, req: Received) => { status: number; body?: string; headers?: Record<string, string> } | undefined,
  ) => void;
  close: () => Promise<void>;
}

export const startReceiver = async (path = '/hook'): Promise<Receiver> => {
  const received: Received[] = [];
  let handler: Parameters<Receiver['respond']>[0] = () => ({ status: 200, body: 'ok' });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const entry = { headers: req.headers, body, json: JSON.parse(body || '{}'), at: Date.now() };
      received.push(entry);
      const answer = handler(received.length, entry);
      if (!answer) return;
      res.writeHead(answer.status, answer.headers ?? { 'content-type': 'text/plain' });
      res.end(answer.body ?? '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${path}`,
    received,
    respond: (h) => {
      handler = h;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};

/** Synctera's check: any of the `.`-joined hex signatures matches HMAC(secret, `<ts>.<body>`). */
export const syncteraVerifies = (secret: string, r: Received): boolean => {
  const ts = String(r.headers['request-timestamp']);
  const expected = Buffer.from(createHmac('sha256', secret).update(`${ts}.${r.body}`).digest('hex'));
  return String(r.headers['synctera-signature'])
    .split('.')
    .some((sig) => sig.length === expected.length && timingSafeEqual(Buffer.from(sig), expected));
};

/** The Standard Webhooks check, by the reference library. */
export const standardVerifies = (secret: string, r: Received): boolean => {
  try {
    new Webhook(secret, { format: 'raw' }).verify(r.body, r.headers as Record<string, string>);
    return true;
  } catch {
    return false;
  }
};
