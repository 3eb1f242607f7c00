import { afterAll, describe, expect, it } from 'vitest';
import { newSecretValue, signedHeaders } from '../../../functions/webhooks/signing.js';
import { startListener } from '../../../local/webhooks/listen.js';
import { verifySynctera } from '../../../local/webhooks/verify.js';
import { type Receiver, startReceiver } from '../../helpers/webhook-receiver.js';

// `npm run webhooks -- listen` as a reference receiver: verifies both signatures on the raw body,
// prints the verdicts, forwards only verified deliveries.

const secret = newSecretValue();
const body = JSON.stringify({ id: 'evt-1', type: 'ACCOUNT.UPDATED', event_time: '2026-01-01T00:00:00Z' });
const now = () => Math.floor(Date.now() / 1000);
let forward: Receiver;
afterAll(() => forward?.close());

describe('listen', () => {
  it('prints both verdicts and forwards a verified delivery with its signature headers', async () => {
    forward = await startReceiver();
    const lines: string[] = [];
    const listener = await startListener({ secrets: async () => [secret], forwardTo: forward.url, print: (l) => lines.push(l) });
    const ok = await fetch(listener.url, { method: 'POST', headers: { ...signedHeaders([secret], 'evt-1', now(), body) }, body });
    expect(ok.status).toBe(200);
    expect(lines[0]).toMatch(/ACCOUNT\.UPDATED evt-1 .*Synctera-Signature: ok {2}webhook-signature: ok {2}-> 200/);
    expect(forward.received).toHaveLength(1);
    expect(forward.received[0]!.body).toBe(body);
    expect(forward.received[0]!.headers['synctera-signature']).toBeDefined();

    const forged = await fetch(listener.url, {
      method: 'POST',
      headers: { ...signedHeaders([newSecretValue()], 'evt-1', now(), body) },
      body,
    });
    expect(forged.status).toBe(400);
    expect(lines[1]).toMatch(/Synctera-Signature: bad signature {2}webhook-signature: bad signature/);
    expect(forward.received).toHaveLength(1);
    await listener.close();
  });

  it('refuses a stale timestamp', () => {
    const headers = signedHeaders([secret], 'evt-1', now() - 301, body);
    const asSent = headers as unknown as Record<string, string>;
    expect(verifySynctera(secret, asSent, body)).toBe('stale timestamp');
    expect(verifySynctera(secret, asSent, body, now() - 301)).toBe('ok');
    expect(verifySynctera(secret, {}, body)).toBe('missing headers');
  });
});
