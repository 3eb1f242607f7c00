import { clientFor, DYNAMODB_ENDPOINT, TEST_TABLE, type ApiClient } from '../../helpers/api.js';
import type { Clock } from '../../../functions/shared/clock.js';
import { WebhookTwin } from '../../../local/streams/webhook-twin.js';
import { createTestTenant, type TestTenant } from '../../helpers/tenants.js';

/**
 * A clock the test moves forward: real time (the API's own clock) plus what the test added, so
 * nothing the API stamps is ever in the pipeline's future by accident.
 */
export class TestClock implements Clock {
  private offset = 0;
  now(): Date {
    return new Date(Date.now() + this.offset);
  }
  advance(seconds: number): void {
    this.offset += seconds * 1000;
  }
}

export interface Setup {
  tenant: TestTenant;
  api: ApiClient;
  secret: string;
  clock: TestClock;
  twin: WebhookTwin;
}

/** A tenant with a webhook secret, and the twin's pipeline reading the stream from now on. */
export const setup = async (label: string): Promise<Setup> => {
  const tenant = await createTestTenant({ label });
  const api = clientFor(tenant.key);
  const created = await api.post('/v0/webhook_secrets');
  if (created.status !== 201) throw new Error(`secret: ${created.status} ${created.rawBody}`);
  const clock = new TestClock();
  const twin = new WebhookTwin({ endpoint: DYNAMODB_ENDPOINT, tableName: TEST_TABLE, clock, random: () => 0.5 });
  await twin.start();
  return { tenant, api, secret: created.body.secret, clock, twin };
};

export const subscribe = async (api: ApiClient, url: string, enabled_events: string[] = ['ACCOUNT.*', 'PERSON.*', 'CUSTOMER.*']) => {
  const res = await api.post('/v0/webhooks', { url, enabled_events, is_enabled: true, metadata: 'integration' });
  if (res.status !== 201) throw new Error(`webhook: ${res.status} ${res.rawBody}`);
  return res.body as { id: string; url: string };
};

export const trigger = async (api: ApiClient, event = 'ACCOUNT.UPDATED'): Promise<string> => {
  const res = await api.post('/v0/webhooks/trigger', { event });
  if (res.status !== 200) throw new Error(`trigger: ${res.status} ${res.rawBody}`);
  return res.body.id;
};
