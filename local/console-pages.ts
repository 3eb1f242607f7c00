import { buildConsole, type ConsoleFiles } from '../console/build.js';
import type { GatewayResponse } from './integration.js';

// The operator console on the twin, at /console/: built with esbuild on the first visit and kept
// in memory. In AWS the same files sit in S3 behind CloudFront (the console stack). Besides the
// files, one twin-only answer: the demo operator key, so the sign-in page is pre-filled locally.

export const CONSOLE_PATH = '/console';
const KEY_PATH = `${CONSOLE_PATH}/local-operator-key`;

export interface ConsolePagesOptions {
  /** The demo operator key (local.json `operator.api_key`), read at request time. */
  readonly localOperatorKey?: () => string | undefined;
}

export type ConsolePages = (method: string, url: string, host: string | undefined) => Promise<GatewayResponse | undefined>;

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

const answer = (statusCode: number, contentType: string, body: string | Buffer, headers: Record<string, string> = {}): GatewayResponse => ({
  statusCode,
  headers: { 'Content-Type': contentType, 'Cache-Control': 'no-cache', ...SECURITY_HEADERS, ...headers },
  body: typeof body === 'string' ? Buffer.from(body) : body,
});

/** Only a page the developer opened on this machine may read the key (no DNS-rebinding name). */
const isLoopbackHost = (host: string | undefined): boolean => /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(host ?? '');

export function consolePages(options: ConsolePagesOptions = {}): ConsolePages {
  let files: Promise<ConsoleFiles> | undefined;
  const built = (): Promise<ConsoleFiles> => {
    files ??= buildConsole().catch((error: unknown) => {
      files = undefined; // the next visit tries again (a fixed file in `npm run dev`)
      throw error;
    });
    return files;
  };
  return async (method, url, host) => {
    const path = url.split('?', 1)[0]!;
    if (path !== CONSOLE_PATH && !path.startsWith(`${CONSOLE_PATH}/`)) return undefined;
    if (method !== 'GET' && method !== 'HEAD') return undefined;
    if (path === CONSOLE_PATH) return answer(301, 'text/plain', '', { Location: `${CONSOLE_PATH}/` });
    if (path === KEY_PATH) {
      const key = isLoopbackHost(host) ? options.localOperatorKey?.() : undefined;
      return key
        ? answer(200, 'application/json', JSON.stringify({ api_key: key }), { 'Cache-Control': 'no-store' })
        : answer(404, 'application/json', JSON.stringify({ detail: 'no local operator key' }), { 'Cache-Control': 'no-store' });
    }
    const name = path.slice(CONSOLE_PATH.length + 1) || 'index.html';
    const file = (await built()).get(name);
    if (!file) return answer(404, 'text/plain; charset=utf-8', 'Not found');
    // Asset names carry their content hash; index.html names the current ones.
    return answer(
      200,
      file.contentType,
      file.body,
      name === 'index.html' ? {} : { 'Cache-Control': 'public, max-age=31536000, immutable' },
    );
  };
}
