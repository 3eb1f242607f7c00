import { afterEach, describe, expect, it } from 'vitest';
import { correlation } from '../../../../functions/http/middleware/correlation.js';
import { logger } from '../../../../functions/shared/logger.js';
import { chainRequest, fixtureEvent } from './chain-request.js';

afterEach(() => logger.resetKeys());

const run = async (supplied?: string) => {
  const event = fixtureEvent('apigw-proxy-get-customer');
  if (supplied !== undefined) event.headers['X-Correlation-Id'] = supplied;
  const request = chainRequest(event);
  await correlation().before!(request);
  return request;
};

describe('correlation middleware', () => {
  it('uses a safe caller-supplied correlation id', async () => {
    expect((await run('support-ticket-42:retry.1')).context.bankline.correlationId).toBe('support-ticket-42:retry.1');
  });

  it.each(['has space', 'x'.repeat(129), 'inject\nnewline', '<script>', ''])(
    'falls back to the API Gateway request id for %j',
    async (supplied) => {
      expect((await run(supplied)).context.bankline.correlationId).toBe('d7bf0bd7-7b61-11e6-9a41-93e8deadbeef');
    },
  );

  it('starts a fresh chain state for each request', async () => {
    const request = await run();
    expect(request.context.bankline.apiRequest).toEqual({});
  });

  it('echoes the correlation id on the response', async () => {
    const request = await run('abc-123');
    request.response = { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: '{}' };
    await correlation().after!(request);
    expect(request.response.headers).toEqual({ 'Content-Type': 'application/json', 'X-Correlation-Id': 'abc-123' });
  });
});
