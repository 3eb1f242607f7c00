import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookTransport } from '../../../functions/adapters/outbound/webhook-transport.js';
import { type Receiver, startReceiver } from '../../helpers/webhook-receiver.js';

// SSRF refusals at delivery time (AWS mode): the resolved address is what counts, IP literals
// included, and redirects are never followed. The twin (mode 'twin') may post to localhost.

let target: Receiver;
let redirector: Receiver;
const aws = webhookTransport('aws');
const twin = webhookTransport('twin');
const post = (transport: typeof aws, url: string) => transport.post(url, { 'content-type': 'application/json' }, '{}', 2000);

beforeAll(async () => {
  target = await startReceiver();
  redirector = await startReceiver();
  redirector.respond(() => ({ status: 302, headers: { location: target.url } }));
});
afterAll(async () => {
  await target.close();
  await redirector.close();
});

describe('webhook transport', () => {
  it('refuses a private or loopback IP literal in AWS mode without connecting', async () => {
    const port = new URL(target.url).port;
    await expect(post(aws, `http://127.0.0.1:${port}/hook`)).rejects.toThrow(/not a public address/);
    await expect(post(aws, 'https://10.0.0.8/hook')).rejects.toThrow(/not a public address/);
    await expect(post(aws, 'https://169.254.169.254/latest/meta-data')).rejects.toThrow(/not a public address/);
    await expect(post(aws, 'https://[::ffff:127.0.0.1]/hook')).rejects.toThrow(/not a public address/);
    expect(target.received).toHaveLength(0);
  });

  it('refuses a name that resolves to loopback in AWS mode (checked on the resolved address)', async () => {
    const port = new URL(target.url).port;
    await expect(post(aws, `http://localhost:${port}/hook`)).rejects.toThrow(/resolves to a non-public address/);
    expect(target.received).toHaveLength(0);
  });

  it('never follows a redirect (to a private address or anywhere): the 3xx is the answer', async () => {
    const answer = await post(twin, redirector.url);
    expect(answer.code).toBe(302);
    expect(redirector.received).toHaveLength(1);
    expect(target.received).toHaveLength(0);
  });

  it('posts to localhost on the twin, and times out a receiver that does not answer', async () => {
    expect((await post(twin, target.url)).code).toBe(200);
    const slow = await startReceiver();
    slow.respond(() => undefined);
    await expect(twin.post(slow.url, {}, '{}', 200)).rejects.toThrow(/timed out/);
    await slow.close();
  });
});
