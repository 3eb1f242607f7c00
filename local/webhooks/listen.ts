import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyStandard, verifySynctera } from './verify.js';

// `npm run webhooks -- listen`: a receiver on this machine that prints each delivery and both
// verification results, and forwards it (raw body, original headers) to the developer's own
// endpoint, answering with that endpoint's status. Like `stripe listen`.

export interface ListenOptions {
  /** The signing secrets to accept (the tenant's live ones). */
  secrets: () => Promise<string[]>;
  forwardTo?: string;
  print: (line: string) => void;
}

export interface Listener {
  url: string;
  close: () => Promise<void>;
}

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const FORWARDED = ['content-type', 'synctera-signature', 'request-timestamp', 'webhook-id', 'webhook-timestamp', 'webhook-signature'];

export const startListener = async (options: ListenOptions): Promise<Listener> => {
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const secrets = await options.secrets();
    const pick = (verify: (s: string) => string) => secrets.map(verify).find((v) => v === 'ok') ?? secrets.map(verify)[0] ?? 'no secret';
    const synctera = pick((s) => verifySynctera(s, req.headers, raw));
    const standard = pick((s) => verifyStandard(s, req.headers, raw));
    let summary = '';
    try {
      const event = JSON.parse(raw) as { id?: string; type?: string; resource_id?: string };
      summary = `${event.type} ${event.id}${event.resource_id ? ` resource ${event.resource_id}` : ''}`;
    } catch {
      summary = 'unparsable body';
    }
    let status = synctera === 'ok' ? 200 : 400;
    if (options.forwardTo && synctera === 'ok') {
      try {
        const headers = Object.fromEntries(FORWARDED.filter((h) => req.headers[h]).map((h) => [h, String(req.headers[h])]));
        status = (await fetch(options.forwardTo, { method: 'POST', headers, body: raw, signal: AbortSignal.timeout(5000) })).status;
      } catch (error) {
        status = 502;
        summary += ` (forward failed: ${(error as Error).message})`;
      }
    }
    options.print(`${new Date().toISOString()}  ${summary}  Synctera-Signature: ${synctera}  webhook-signature: ${standard}  -> ${status}`);
    res.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'rejected');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
};
