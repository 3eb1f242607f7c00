import { Agent, request } from 'node:http';

// What a real API client does: one kept-alive connection, reused. (`fetch` costs another half
// millisecond per request here, which would be charged to the twin.)

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
}

export interface KeepAliveClient {
  send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<HttpAnswer>;
  close(): void;
}

export const keepAliveClient = (host: string, port: number): KeepAliveClient => {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  return {
    send: (method, path, headers, body) =>
      new Promise((resolve, reject) => {
        const req = request(
          {
            host,
            port,
            method,
            path,
            agent,
            headers: body === undefined ? headers : { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      }),
    close: () => agent.destroy(),
  };
};
