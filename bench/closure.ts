import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../functions/adapters/dynamodb/client.js';
import { externalAccountKey } from '../functions/adapters/dynamodb/external-account-directory.js';
import { executionNameOf } from '../functions/closures/rules.js';
import { tenantGlId } from '../functions/ledger/gl.js';
import { createTransfer } from '../functions/ledger/transfers.js';
import { systemClock } from '../functions/shared/clock.js';
import { ledgerContext } from '../functions/wiring/ledger.js';
import { ClosureTwin } from '../local/workflows/closure-twin.js';
import { CUSTOMER_BODY, withBenchTwin } from './latency.js';
import type { Progress } from './progress.js';

// State transitions per closure, counted on the twin from the very definition AWS runs (Step
// Functions Standard bills each one): an internal payout without blockers, an ACH payout with its
// return window, and each blocker poll. A resumed local run replays LoadClosure and ResumeAt (and
// the Wait it woke from) to get back to where it slept; AWS does not, so those are shown apart.

export const CLOSURE_LIMITS = { internal: 15, ach: 25, perPoll: 3 } as const;
/** us-east-1 Standard price: $0.025 per 1,000 state transitions. */
const USD_PER_TRANSITION = 0.025 / 1_000;

export interface ClosureFigure {
  path: string;
  transitions: number;
  replayed: number;
  limit: number;
}

export const measureClosures = async (progress: Progress): Promise<ClosureFigure[]> =>
  withBenchTwin(progress, async (twin) => {
    process.env.SANDBOX = 'true';
    const audit = { request_id: 'bench', api_key_id: 'bench', method: 'BENCH', path: 'closure' };
    const ledger = ledgerContext({ tenantId: twin.tenantId, audit, clock: systemClock });
    const closures = new ClosureTwin({ endpoint: process.env.DYNAMODB_ENDPOINT!, tableName: process.env.TABLE_NAME! });
    await closures.start();
    const call = async (method: string, path: string, body?: unknown) => {
      const headers: Record<string, string> = { Authorization: `Bearer ${twin.apiKey}`, 'Content-Type': 'application/json' };
      const answer = await twin.http.send(method, path, headers, body === undefined ? undefined : JSON.stringify(body));
      if (answer.status >= 300) throw new Error(`${method} ${path} answered ${answer.status}: ${answer.body}`);
      return JSON.parse(answer.body) as Record<string, any>;
    };
    const advance = async (seconds: number) => {
      await call('POST', '/v0/sandbox/clock', { advance_seconds: seconds });
      await closures.settle();
    };
    try {
      const person = (await call('POST', '/v0/persons', CUSTOMER_BODY)).id as string;
      await call('POST', '/v0/verifications/verify', { customer_consent: true, person_id: person });
      const open = async () =>
        (
          await call('POST', '/v0/accounts', {
            account_type: 'CHECKING',
            is_ach_enabled: true,
            is_p2p_enabled: true,
            relationships: [{ relationship_type: 'PRIMARY_ACCOUNT_HOLDER', customer_id: person }],
          })
        ).id as string;
      const fund = (id: string, amount: number) =>
        createTransfer(
          ledger,
          {
            amount,
            currency: 'USD',
            type: 'ACCOUNT_TO_ACCOUNT',
            originating_account_id: tenantGlId(twin.tenantId, 'FUNDING'),
            receiving_account_id: id,
          },
          'PLATFORM',
        );
      const close = async (id: string, body: Record<string, unknown>) => {
        await call('POST', `/v0/accounts/${id}/initiate_closure`, {
          reason: 'CUSTOMER_REQUEST_TRANSFER',
          reason_details: 'bench',
          ...body,
        });
        await closures.settle();
      };
      const counted = (id: string) => {
        const e = closures.runner.execution(executionNameOf(id));
        if (!e?.done) throw new Error(`closure of ${id} did not finish (${e?.status ?? 'not started'})`);
        return { transitions: e.transitions, replayed: e.replayed };
      };

      progress('internal payout');
      const internal = await open();
      const destination = await open();
      await fund(internal, 10_000);
      await close(internal, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
      await advance(4 * 86_400);
      const internalFigure = counted(internal);

      progress('ACH payout');
      const ach = await open();
      await fund(ach, 10_000);
      const external = randomUUID();
      await documentClient().send(
        new PutCommand({
          TableName: process.env.TABLE_NAME!,
          Item: {
            ...externalAccountKey(twin.tenantId, external),
            id: external,
            tenant: twin.tenantId,
            customer_id: person,
            status: 'ACTIVE',
            verification: { status: 'VERIFIED' },
            routing_identifiers: { ach_routing_number: '021000021' },
            account_identifiers: { number: '123456789' },
          },
        }),
      );
      await close(ach, { payment_method: 'ACH', destination_id: external });
      await advance(8 * 86_400);
      const achFigure = counted(ach);

      progress('blocker polls');
      const held = await open();
      await fund(held, 10_000);
      const hold = await call('POST', '/v0/transactions/internal_transfer', {
        amount: 100,
        currency: 'USD',
        type: 'ACCOUNT_TO_ACCOUNT',
        originating_account_id: held,
        receiving_account_id: destination,
        capture_mode: 'MANUAL',
      });
      await close(held, { payment_method: 'INTERNAL_TRANSFER_TO_CUSTOMER_ACCOUNT', destination_id: destination });
      const name = executionNameOf(held);
      const before = closures.runner.execution(name)!;
      const [t0, r0] = [before.transitions, before.replayed];
      const POLLS = 5;
      for (let i = 0; i < POLLS; i++) await advance(3_600);
      const after = closures.runner.execution(name)!;
      const perPoll = (after.transitions - t0) / POLLS;
      const replayPerPoll = (after.replayed - r0) / POLLS;
      await call('PATCH', `/v0/transactions/internal_transfer/${hold.id}`, { status: 'CANCELED' });
      await advance(3_600);
      await advance(4 * 86_400);
      counted(held);

      return [
        { path: 'internal payout, no blockers', ...internalFigure, limit: CLOSURE_LIMITS.internal },
        { path: 'ACH payout, return window', ...achFigure, limit: CLOSURE_LIMITS.ach },
        { path: 'per blocker poll (hold)', transitions: perPoll, replayed: replayPerPoll, limit: CLOSURE_LIMITS.perPoll },
      ];
    } finally {
      await closures.stop();
    }
  });

export const printClosureFigures = (figures: readonly ClosureFigure[]): void => {
  console.log('\nAccount closure: Step Functions state transitions per path (bench/closure.ts, counted on the twin)');
  console.table(
    figures.map((f) => ({
      path: f.path,
      transitions: f.transitions,
      limit: f.limit,
      'replayed locally (not billed in AWS)': f.replayed,
      'cost (us-east-1)': `$${(f.transitions * USD_PER_TRANSITION).toFixed(6)}`,
    })),
  );
};
