import type { GatewayResponse } from './integration.js';

// One line per request on the twin's console: what was asked, what came back, how long it took,
// the id to find the handler's own log lines by, and the error's `detail` when it failed. Never
// headers or bodies: they carry API keys and personal data.

export interface RequestLogEntry {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly durationMs: number;
  readonly correlationId?: string;
  readonly detail?: string;
}

const headerValue = (headers: GatewayResponse['headers'], name: string): string | undefined => {
  const found = Object.entries(headers).find(([n]) => n.toLowerCase() === name)?.[1];
  return Array.isArray(found) ? found[0] : found;
};

const detailOf = (response: GatewayResponse): string | undefined => {
  if (response.statusCode < 400) return undefined;
  try {
    const detail = (JSON.parse(response.body.toString('utf8')) as { detail?: unknown }).detail;
    return typeof detail === 'string' ? detail : undefined;
  } catch {
    return undefined;
  }
};

export const requestLogEntry = (method: string, url: string, response: GatewayResponse, durationMs: number): RequestLogEntry => {
  const correlationId = headerValue(response.headers, 'x-correlation-id') ?? headerValue(response.headers, 'x-amzn-requestid');
  const detail = detailOf(response);
  return {
    method,
    // The query string may carry filters with personal data (emails, names): the path is enough.
    path: url.split('?', 1)[0] ?? url,
    status: response.statusCode,
    durationMs: Math.round(durationMs * 10) / 10,
    ...(correlationId ? { correlationId } : {}),
    ...(detail ? { detail } : {}),
  };
};

/** `GET /v0/customers 200 12.3 ms  corr 5f0c…` (readable) or one JSON object (with --json-logs). */
export const formatRequestLine = (entry: RequestLogEntry, json = false): string => {
  if (json) {
    // Keys spelled as the handlers' Powertools lines spell them, so one query finds both.
    const { correlationId, durationMs, ...rest } = entry;
    return JSON.stringify({
      level: entry.status >= 500 ? 'ERROR' : 'INFO',
      message: 'request',
      timestamp: new Date().toISOString(),
      ...rest,
      duration_ms: durationMs,
      ...(correlationId ? { correlation_id: correlationId } : {}),
    });
  }
  const parts = [`${entry.method} ${entry.path}`, String(entry.status), `${entry.durationMs.toFixed(1)} ms`];
  if (entry.correlationId) parts.push(`corr ${entry.correlationId}`);
  if (entry.detail) parts.push(`- ${entry.detail}`);
  return parts.join('  ');
};
