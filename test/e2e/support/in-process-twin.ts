// The twin started inside the test process: the shared DynamoDB Local from globalSetup, demo
// tenants seeded through the real tenancy use-cases (a fresh organization per test file, so files
// running in parallel never see each other's data), and the HTTP server on a free port.
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { dynamoTenancyStore } from '../../../functions/adapters/dynamodb/tenancy-repository.js';
import { seedDemoData, type DemoData } from '../../../local/seed.js';
import { type StartServerOptions, startServer } from '../../../local/server.js';
import { useTestTable } from '../../helpers/dynamodb-local.js';
import { assertMatchesDocument } from '../../helpers/response-contract.js';

export interface InProcessTwin extends DemoData {
  readonly url: string;
  readonly oldBank: DemoData['tenants'][number];
  readonly newBank: DemoData['tenants'][number];
  close(): Promise<void>;
}

export async function startInProcessTwin(options: StartServerOptions = {}): Promise<InProcessTwin> {
  useTestTable();
  const demo = await seedDemoData(dynamoTenancyStore, `e2e ${randomUUID()}`);
  // Every answer the twin serves, whoever asked (call() below, curl in the README tours), must be
  // what the OpenAPI document says; a drift fails the file when the twin closes.
  const drift: string[] = [];
  const onResponse = (
    method: string,
    url: string,
    response: { statusCode: number; headers: Record<string, string | string[]>; body: Buffer },
  ) => {
    const raw = response.body.toString('utf8');
    let body: unknown;
    try {
      body = raw === '' ? undefined : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const contentType = [Object.entries(response.headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1] ?? []].flat()[0];
    try {
      assertMatchesDocument({ method, path: url.split('?', 1)[0]!, status: response.statusCode, contentType, body });
    } catch (error) {
      drift.push((error as Error).message);
    }
  };
  const server = await startServer({ port: 0, onResponse, ...options });
  const [oldBank, newBank] = demo.tenants;
  const close = async () => {
    await server.close();
    if (drift.length > 0) throw new Error(drift.join('\n'));
  };
  return { ...demo, oldBank: oldBank!, newBank: newBank!, url: server.url, close };
}

/** fetch with the twin's conventions: JSON in, parsed JSON (or text) out. */
export async function call(
  url: string,
  init: { method?: string; key?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; body: any; text: string }> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.key) headers.Authorization = `Bearer ${init.key}`;
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const response = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text.
  }
  // Every answer must be what the OpenAPI document says the route answers (response-contract.ts).
  const method = (init.method ?? 'GET').toUpperCase();
  assertMatchesDocument({
    method,
    path: new URL(url).pathname,
    status: response.status,
    contentType: response.headers.get('content-type') ?? undefined,
    body: parsed,
  });
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** Writes `payload` as is on a new connection and returns everything the server sends until it closes. */
export function rawExchange(url: string, payload: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname, () => socket.write(payload));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('utf8')));
    socket.on('error', reject);
  });
}
