import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { deliveryBody, trimmedBody, withAttempt } from '../../../functions/webhooks/delivery-body.js';
import { isEventPattern, isSubscribed } from '../../../functions/webhooks/event-matching.js';
import { isPaused, PAUSE_AFTER_FAILURES, pauseAfterFailure } from '../../../functions/webhooks/pause-rule.js';
import { JITTER, MAX_ATTEMPTS, nextDelaySeconds, RETRY_DELAYS_S } from '../../../functions/webhooks/retry-schedule.js';
import { liveSecrets, revoked, rolled } from '../../../functions/webhooks/secrets.js';
import { newSecretValue, signedHeaders } from '../../../functions/webhooks/signing.js';
import { forbiddenAddress, urlProblem } from '../../../functions/webhooks/url-rules.js';

const at = (iso: string) => new Date(iso);

describe('enabled_events', () => {
  it('matches explicit types and RESOURCE.* wildcards, never another resource', () => {
    expect(isSubscribed('ACCOUNT.UPDATED', ['ACCOUNT.*'])).toBe(true);
    expect(isSubscribed('ACCOUNT.UPDATED', ['ACCOUNT.CREATED'])).toBe(false);
    expect(isSubscribed('INTERNAL_ACCOUNT.UPDATED', ['ACCOUNT.*'])).toBe(false);
    expect(isSubscribed('ACCOUNT_TEMPLATE.CREATED', ['ACCOUNT.*'])).toBe(false);
    expect(isSubscribed('CUSTOMER.KYC_OUTCOME.UPDATED', ['CUSTOMER.*'])).toBe(true);
    expect(isSubscribed('TRANSACTION.POSTED.CREATED', ['TRANSACTION.POSTED.CREATED'])).toBe(true);
  });
  it('accepts only event-shaped patterns', () => {
    expect(['ACCOUNT.*', 'ACCOUNT.UPDATED', 'RESOURCE_MAPPING.*'].every(isEventPattern)).toBe(true);
    expect(['*', 'ACCOUNT', 'account.*', 'ACCOUNT.**', 'ACCOUNT.*.X', ''].some(isEventPattern)).toBe(false);
  });
});

describe('retry schedule', () => {
  it('spans about three days, with bounded jitter, then stops', () => {
    const total = RETRY_DELAYS_S.reduce((a, b) => a + b, 0);
    expect(total / 3600).toBeGreaterThan(70);
    expect(total / 3600).toBeLessThan(73);
    expect(nextDelaySeconds(1, () => 0)).toBe(Math.round(30 * (1 - JITTER)));
    expect(nextDelaySeconds(1, () => 0.999999)).toBe(Math.round(30 * (1 + JITTER)));
    expect(nextDelaySeconds(MAX_ATTEMPTS - 1, () => 0.5)).toBe(RETRY_DELAYS_S.at(-1));
    expect(nextDelaySeconds(MAX_ATTEMPTS, () => 0.5)).toBeUndefined();
  });
});

describe('pause rule', () => {
  it('pauses after every PAUSE_AFTER_FAILURES failures in a row, for a while', () => {
    const now = at('2026-01-01T00:00:00Z');
    expect(pauseAfterFailure(PAUSE_AFTER_FAILURES - 1, now)).toBeUndefined();
    const until = pauseAfterFailure(PAUSE_AFTER_FAILURES, now)!;
    expect(isPaused({ paused_until: until }, now)).toBe(true);
    expect(isPaused({ paused_until: until }, at('2026-01-01T01:00:00Z'))).toBe(false);
    expect(pauseAfterFailure(PAUSE_AFTER_FAILURES + 1, now)).toBeUndefined();
  });
});

describe('subscriber URLs', () => {
  it('requires https in AWS; the twin also allows http://localhost', () => {
    expect(urlProblem('https://example.com/hook', 'aws')).toBeUndefined();
    expect(urlProblem('http://example.com/hook', 'aws')).toMatch(/https/);
    expect(urlProblem('http://localhost:4000/hook', 'aws')).toMatch(/https/);
    expect(urlProblem('http://localhost:4000/hook', 'twin')).toBeUndefined();
    expect(urlProblem('http://example.com/hook', 'twin')).toMatch(/https/);
    expect(urlProblem('https://user:pw@example.com/', 'aws')).toMatch(/credentials/);
    expect(urlProblem('not a url', 'aws')).toMatch(/absolute/);
    expect(urlProblem(`https://example.com/${'a'.repeat(1000)}`, 'aws')).toMatch(/1000/);
  });
  it('refuses private, loopback, link-local and metadata IP literals in AWS', () => {
    for (const host of [
      '10.1.2.3',
      '127.0.0.1',
      '169.254.169.254',
      '192.168.0.1',
      '172.16.5.5',
      '[::1]',
      '[fd00:ec2::254]',
      '[::ffff:127.0.0.1]',
    ])
      expect(urlProblem(`https://${host}/hook`, 'aws'), host).toMatch(/private/);
  });
  it('classifies resolved addresses', () => {
    const blocked = ['127.0.0.1', '10.0.0.1', '172.31.255.255', '192.168.1.1', '169.254.170.2', '100.64.0.1', '0.0.0.0', '224.0.0.1'];
    const blocked6 = [
      '::1',
      '::',
      'fe80::1',
      'fc00::1',
      'fd12:3456::1',
      '::ffff:10.0.0.1',
      '::ffff:7f00:1',
      '64:ff9b::a9fe:a9fe',
      'ff02::1',
    ];
    for (const ip of [...blocked, ...blocked6]) expect(forbiddenAddress(ip), ip).toBe(true);
    for (const ip of ['8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])
      expect(forbiddenAddress(ip), ip).toBe(false);
    expect(forbiddenAddress('not-an-ip')).toBe(true);
  });
});

describe('signatures', () => {
  const body = deliveryBody(
    { id: 'evt-1', type: 'ACCOUNT.UPDATED', event_time: '2026-01-01T00:00:00.000Z', resource_id: 'r-1', event_resource: '{"id":"r-1"}' },
    { id: 'wh-1', url: 'https://example.com/hook', metadata: 'm' },
  );
  const ts = 1767225600;

  it('Synctera-Signature is hex HMAC-SHA256 of "<timestamp>.<body>", checked with Node crypto', () => {
    const secret = newSecretValue();
    expect(secret).toHaveLength(64);
    const headers = signedHeaders([secret], 'evt-1', ts, body);
    const expected = createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex');
    expect(headers['Synctera-Signature']).toBe(expected);
    expect(timingSafeEqual(Buffer.from(headers['Synctera-Signature']), Buffer.from(expected))).toBe(true);
    expect(headers['Request-Timestamp']).toBe(String(ts));
  });

  it('a fixed vector', () => {
    const headers = signedHeaders(['a'.repeat(64)], 'evt-1', 1700000000, '{"a":1}');
    expect(headers['Synctera-Signature']).toBe(createHmac('sha256', 'a'.repeat(64)).update('1700000000.{"a":1}').digest('hex'));
    expect(headers['webhook-signature']).toBe(
      `v1,${createHmac('sha256', 'a'.repeat(64)).update('evt-1.1700000000.{"a":1}').digest('base64')}`,
    );
  });

  it('the Standard Webhooks headers verify with the standardwebhooks package, under either secret while rolling', () => {
    const [next, old] = [newSecretValue(), newSecretValue()];
    const now = Math.floor(Date.now() / 1000);
    const headers = signedHeaders([next, old], 'evt-1', now, body);
    for (const secret of [next, old]) {
      const verified = new Webhook(secret, { format: 'raw' }).verify(body, headers as unknown as Record<string, string>);
      expect(verified).toMatchObject({ id: 'evt-1', event_resource: '{"id":"r-1"}' });
    }
    expect(() => new Webhook(newSecretValue(), { format: 'raw' }).verify(body, headers as unknown as Record<string, string>)).toThrow();
    const parts = headers['Synctera-Signature'].split('.');
    expect(parts).toEqual([
      signedHeaders([next], 'evt-1', now, body)['Synctera-Signature'],
      signedHeaders([old], 'evt-1', now, body)['Synctera-Signature'],
    ]);
  });

  it('the body follows §11.3: event_resource is a JSON string', () => {
    const parsed = JSON.parse(body);
    expect(parsed).toEqual({
      id: 'evt-1',
      type: 'ACCOUNT.UPDATED',
      event_time: '2026-01-01T00:00:00.000Z',
      webhook_id: 'wh-1',
      url: 'https://example.com/hook',
      metadata: 'm',
      resource_id: 'r-1',
      event_resource: '{"id":"r-1"}',
    });
  });
});

describe('rolling secrets', () => {
  const t0 = at('2026-01-01T00:00:00Z');
  const base = { tenant: 't', current: { value: 'old', created_at: t0.toISOString() } };
  it('keeps the old secret 24 h when rolling, drops it otherwise', () => {
    const set = rolled(base, 'new', true, t0);
    expect(liveSecrets(set, at('2026-01-01T23:59:59Z'))).toEqual(['new', 'old']);
    expect(liveSecrets(set, at('2026-01-02T00:00:00Z'))).toEqual(['new']);
    expect(liveSecrets(rolled(base, 'new', false, t0), t0)).toEqual(['new']);
  });
  it('DELETE revokes both, or only the old one', () => {
    const set = rolled(base, 'new', true, t0);
    expect(revoked(set, false, t0)).toBeUndefined();
    expect(liveSecrets(revoked(set, true, t0), t0)).toEqual(['new']);
  });
});

describe('response history', () => {
  it('trims bodies to 1 KB', () => {
    expect(trimmedBody('x'.repeat(5000))).toHaveLength(1024);
    const history = withAttempt([], { code: 500, response_body: 'y'.repeat(2000), sent_time: 'a', response_time: 'b' });
    expect(history[0]!.response_body).toHaveLength(1024);
  });
});
