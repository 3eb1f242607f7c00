import { callCounts, resetCallCounts } from '../functions/adapters/dynamodb/call-counter.js';
import { CUSTOMER_BODY, type Endpoint, withBenchTwin } from './latency.js';
import type { Progress } from './progress.js';

// The ledger's figures through the twin (bench/run.ts `--only ledger`):
// - transfer latency p50/p99 and the DynamoDB calls one transfer makes;
// - throughput of 50 concurrent pairs whose transfers all credit ONE internal (GL) account,
//   next to 50 pairs that touch no GL: the sharded GL balance (GL_SHARDS items) is what keeps
//   the first close to the second.

const WARMUP = 100;
const SAMPLES = 500;
const PAIRS = 50;
const TRANSFERS_PER_PAIR = 20;
const SCHEDULES = 50;
const SCHEDULE_DAYS = 5;

export interface LedgerFigures {
  transfer: { p50: number; p99: number; samples: number; dynamoCalls: Record<string, number> };
  throughput: { name: string; transfers: number; seconds: number; perSecond: number; refused: number }[];
  schedules: { schedules: number; days: number; payments: number; seconds: number; perSecond: number };
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

const call = async (endpoint: Endpoint, method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> => {
  const response = await fetch(`${endpoint.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${endpoint.apiKey}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, body: await response.json().catch(() => undefined) };
};

const must = async (endpoint: Endpoint, method: string, path: string, body?: unknown) => {
  const res = await call(endpoint, method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
};

const transfer = (endpoint: Endpoint, body: Record<string, unknown>) =>
  call(endpoint, 'POST', '/v0/transactions/internal_transfer', { currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', amount: 1, ...body });

const openFunded = async (endpoint: Endpoint, holder: string, amount: number): Promise<string> => {
  const body = { account_type: 'CHECKING', relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: holder }] };
  const id = (await must(endpoint, 'POST', '/v0/accounts', body)).id as string;
  await must(endpoint, 'POST', '/v0/transactions/internal_transfer', {
    currency: 'USD',
    type: 'ACCOUNT_TO_ACCOUNT',
    amount,
    originating_account_alias: 'funding',
    receiving_account_id: id,
  });
  return id;
};

export const measureLedger = async (endpoint: Endpoint): Promise<LedgerFigures> => {
  const holder = (await must(endpoint, 'POST', '/v0/customers', CUSTOMER_BODY)).id as string;
  await must(endpoint, 'POST', '/v0/verifications/verify', { customer_consent: true, person_id: holder });

  const a = await openFunded(endpoint, holder, 1_000_000);
  const b = await openFunded(endpoint, holder, 1_000_000);
  for (let i = 0; i < WARMUP; i++) await transfer(endpoint, { originating_account_id: i % 2 ? a : b, receiving_account_id: i % 2 ? b : a });
  resetCallCounts();
  await transfer(endpoint, { originating_account_id: a, receiving_account_id: b });
  const dynamoCalls = callCounts();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const start = process.hrtime.bigint();
    await transfer(endpoint, { originating_account_id: i % 2 ? a : b, receiving_account_id: i % 2 ? b : a });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((x, y) => x - y);

  const gl = (await must(endpoint, 'POST', '/v0/internal_accounts', { currency: 'USD', alias: 'bench_hot', description: 'one hot GL' })).id;
  const pairs = await Promise.all(
    Array.from(
      { length: PAIRS },
      async () => [await openFunded(endpoint, holder, 100_000), await openFunded(endpoint, holder, 100_000)] as const,
    ),
  );
  const run = async (name: string, to: (pair: readonly [string, string]) => string) => {
    let refused = 0;
    const start = process.hrtime.bigint();
    await Promise.all(
      pairs.map(async (pair) => {
        for (let i = 0; i < TRANSFERS_PER_PAIR; i++) {
          const res = await transfer(endpoint, { originating_account_id: pair[0], receiving_account_id: to(pair) });
          if (res.status !== 200) refused += 1;
        }
      }),
    );
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const transfers = PAIRS * TRANSFERS_PER_PAIR;
    return { name, transfers, seconds, perSecond: (transfers - refused) / seconds, refused };
  };
  const noGl = await run(`${PAIRS} pairs, customer to customer (no GL)`, (pair) => pair[1]);
  const hotGl = await run(`${PAIRS} pairs, every transfer credits one GL`, () => gl);
  return {
    transfer: { p50: percentile(times, 50), p99: percentile(times, 99), samples: SAMPLES, dynamoCalls },
    throughput: [noGl, hotGl],
    schedules: await measureSchedules(endpoint, pairs),
  };
};

/**
 * Payment schedules run by the due work: SCHEDULES daily schedules (one per pair) paying for
 * SCHEDULE_DAYS days, the tenant's sandbox clock moved a day per request (each answers once the
 * day's work has run: one payment per schedule). A last move finds nothing left to pay.
 */
const measureSchedules = async (endpoint: Endpoint, pairs: readonly (readonly [string, string])[]) => {
  const today = ((await must(endpoint, 'GET', '/v0/sandbox/clock')).now as string).slice(0, 10);
  const start = new Date(Date.parse(`${today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const ids: string[] = [];
  for (const [from, to] of pairs.slice(0, SCHEDULES)) {
    const created = await must(endpoint, 'POST', '/v0/payment_schedules', {
      description: 'bench',
      payment_instruction: {
        type: 'INTERNAL_TRANSFER',
        request: { amount: 1, currency: 'USD', type: 'ACCOUNT_TO_ACCOUNT', originating_account_id: from, receiving_account_id: to },
      },
      schedule: { frequency: 'DAILY', interval: 1, start_date: start, count: SCHEDULE_DAYS },
    });
    ids.push(created.id as string);
  }
  const began = process.hrtime.bigint();
  for (let day = 0; day <= SCHEDULE_DAYS; day++) await must(endpoint, 'POST', '/v0/sandbox/clock', { advance_seconds: 86_400 });
  const seconds = Number(process.hrtime.bigint() - began) / 1e9;
  await must(endpoint, 'POST', '/v0/sandbox/clock', { advance_seconds: 86_400 });
  let payments = 0;
  for (const id of ids) {
    const list = await must(endpoint, 'GET', `/v0/payment_schedules/payments?schedule_id=${id}&limit=100`);
    const completed = (list.payments as { status: string }[]).filter((p) => p.status === 'COMPLETED').length;
    if (completed !== SCHEDULE_DAYS) throw new Error(`schedule ${id} made ${completed} payments, not ${SCHEDULE_DAYS}`);
    payments += completed;
  }
  return { schedules: ids.length, days: SCHEDULE_DAYS, payments, seconds, perSecond: payments / seconds };
};

/** `npm run bench -- --only ledger`: a twin of its own, the figures printed as tables. */
export const runLedgerBench = async (progress: Progress): Promise<void> => {
  const figures = await withBenchTwin(progress, (twin) =>
    measureLedger({ url: `http://${twin.host}:${twin.port}`, apiKey: twin.apiKey, tenantId: twin.tenantId }),
  );
  const ms = (v: number) => `${v.toFixed(2)} ms`;
  console.log('Ledger: internal transfer through the local twin');
  console.table([
    {
      path: 'POST /v0/transactions/internal_transfer',
      samples: figures.transfer.samples,
      p50: ms(figures.transfer.p50),
      p99: ms(figures.transfer.p99),
      'DynamoDB calls per transfer': Object.entries(figures.transfer.dynamoCalls)
        .map(([c, n]) => `${c.replace('Command', '')}: ${n}`)
        .join(', '),
    },
  ]);
  console.log('Ledger: throughput, 50 concurrent pairs');
  console.table(
    figures.throughput.map((t) => ({
      run: t.name,
      transfers: t.transfers,
      refused: t.refused,
      seconds: t.seconds.toFixed(2),
      'transfers/s': t.perSecond.toFixed(1),
    })),
  );
  const s = figures.schedules;
  console.log('Ledger: payment schedules run by the due work (the sandbox clock moved a day per request)');
  console.table([
    {
      schedules: s.schedules,
      days: s.days,
      payments: s.payments,
      'seconds (all moves)': s.seconds.toFixed(2),
      'payments/s': s.perSecond.toFixed(1),
    },
  ]);
};
