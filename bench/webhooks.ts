import { systemClock } from '../functions/shared/clock.js';
import { WebhookTwin } from '../local/streams/webhook-twin.js';
import { startReceiver } from '../test/helpers/webhook-receiver.js';
import { CUSTOMER_BODY, type Endpoint, type LatencyFigure } from './latency.js';

// Webhook delivery latency on the twin, from commit to receipt: the event's own event_time
// (stamped in the transaction that commits it) to the moment the receiver has the request, with
// the pipeline exactly as `npm start` runs it (stream polled every 250 ms, in-process queue).
// Closed loop: one change at a time, the next once the previous was received, so the figure is
// the pipeline's own latency, not a backlog behind a burst of API calls sharing the process.

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

const call = async (endpoint: Endpoint, method: string, path: string, body?: unknown) => {
  const res = await fetch(`${endpoint.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${endpoint.apiKey}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${await res.text()}`);
  return res.json() as Promise<Record<string, unknown>>;
};

export const measureWebhookLatency = async (endpoint: Endpoint, samples = 100): Promise<LatencyFigure> => {
  const receiver = await startReceiver();
  const twin = new WebhookTwin({ endpoint: process.env.DYNAMODB_ENDPOINT!, tableName: process.env.TABLE_NAME!, clock: systemClock });
  await twin.start();
  twin.run();
  try {
    await call(endpoint, 'POST', '/v0/webhook_secrets');
    await call(endpoint, 'POST', '/v0/webhooks', { url: receiver.url, enabled_events: ['PERSON.CREATED'], is_enabled: true });
    for (let i = 0; i < samples; i++) {
      await call(endpoint, 'POST', '/v0/persons', { ...CUSTOMER_BODY, first_name: `Bench${i}` });
      const deadline = Date.now() + 10_000;
      while (receiver.received.length <= i && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const latencies = receiver.received.map((r) => r.at - Date.parse(String(r.json.event_time))).sort((a, b) => a - b);
    return {
      name: 'webhook: commit → receipt (twin)',
      samples: latencies.length,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
    };
  } finally {
    await twin.stop();
    await receiver.close();
  }
};
