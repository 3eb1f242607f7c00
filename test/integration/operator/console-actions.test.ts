import '../../helpers/api.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectProblem } from '../../helpers/api.js';
import { createTestTenant } from '../../helpers/tenants.js';
import { type Receiver, startReceiver } from '../../helpers/webhook-receiver.js';
import { type Setup, setup, subscribe, trigger } from '../webhooks/helpers.js';
import { issueOperatorKey, operatorClient } from './helpers.js';

// The console's webhook action (issue 13): an operator key resends a delivery of a tenant of its
// organization with console:act, through the real pipeline; every other webhook write stays closed.

let s: Setup;
let receiver: Receiver;
let operatorKey: string;

beforeAll(async () => {
  s = await setup('operator-resend');
  receiver = await startReceiver();
  operatorKey = (await issueOperatorKey(s.tenant.organizationId)).apiKey;
});

afterAll(async () => {
  await s.twin.stop();
  await receiver.close();
});

describe('resending a webhook delivery with an operator key', () => {
  it('is allowed (console:act) and the delivery goes out again', async () => {
    const hook = await subscribe(s.api, receiver.url);
    const eventId = await trigger(s.api);
    await s.twin.settle();
    expect(receiver.received).toHaveLength(1);

    const operator = operatorClient(operatorKey, s.tenant.id);
    // The console reads the delivery first, as any GET.
    expect((await operator.get(`/v0/webhooks/${hook.id}/events/${eventId}`)).body.status).toBe('SUCCESS');
    const resent = await operator.post(`/v0/webhooks/${hook.id}/events/${eventId}/resend`);
    expect(resent.status, resent.rawBody).toBe(200);
    expect(resent.body.status).toBe('RUNNING');
    await s.twin.settle();
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1]!.json.id).toBe(eventId);
  });

  it('other webhook writes are refused with the read-only rule', async () => {
    const operator = operatorClient(operatorKey, s.tenant.id);
    expectProblem(await operator.post('/v0/webhooks/trigger', { event: 'ACCOUNT.UPDATED' }), 403, 'FORBIDDEN', 'read-only');
    expectProblem(
      await operator.post('/v0/webhooks', { url: receiver.url, enabled_events: ['ACCOUNT.*'], is_enabled: true }),
      403,
      'FORBIDDEN',
      'read-only',
    );
    expectProblem(await operator.put('/v0/webhook_secrets', { is_rolling_secret: true }), 403, 'FORBIDDEN', 'read-only');
  });

  it("cannot resend in another organization's tenant", async () => {
    const stranger = await createTestTenant({ label: 'operator-resend-stranger' });
    const operator = operatorClient(operatorKey, stranger.id);
    expectProblem(
      await operator.post(`/v0/webhooks/${crypto.randomUUID()}/events/${crypto.randomUUID()}/resend`),
      403,
      'FORBIDDEN',
      'organization',
    );
  });
});
