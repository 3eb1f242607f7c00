import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, jsonBody } from '../../../../functions/http/middleware/json-body.js';
import { fixtureEvent, rejectionOf, runBefore } from './chain-request.js';

const post = (body: string | null, contentType: string | undefined = 'application/json') => {
  const event = fixtureEvent('apigw-proxy-post-customers');
  event.body = body;
  delete event.headers['Content-Type'];
  if (contentType !== undefined) event.headers['content-type'] = contentType;
  return event;
};

const bodyOf = async (event: ReturnType<typeof post>) => (await runBefore(jsonBody(), event)).context.bankline.apiRequest.body;

describe('jsonBody middleware', () => {
  it('parses the JSON object body of the fixture POST', async () => {
    expect(await bodyOf(fixtureEvent('apigw-proxy-post-customers'))).toEqual({
      status: 'ACTIVE',
      first_name: 'Ada',
      last_name: 'Lovelace',
    });
  });

  it('ignores any body on a GET', async () => {
    const event = fixtureEvent('apigw-proxy-get-customer');
    event.body = 'not json at all';
    expect(await bodyOf(event)).toBeUndefined();
  });

  it('treats an empty or blank body as {}', async () => {
    expect(await bodyOf(post(null))).toEqual({});
    expect(await bodyOf(post(''))).toEqual({});
    expect(await bodyOf(post('  \n'))).toEqual({});
  });

  it('decodes a base64-encoded body', async () => {
    const event = post(Buffer.from('{"status":"PROSPECT"}').toString('base64'));
    event.isBase64Encoded = true;
    expect(await bodyOf(event)).toEqual({ status: 'PROSPECT' });
  });

  it('accepts JSON content types with parameters or a +json suffix, and a missing content type', async () => {
    expect(await bodyOf(post('{"a":1}', 'application/json; charset=utf-8'))).toEqual({ a: 1 });
    expect(await bodyOf(post('{"a":1}', 'Application/JSON'))).toEqual({ a: 1 });
    expect(await bodyOf(post('{"a":1}', 'application/merge-patch+json'))).toEqual({ a: 1 });
    expect(await bodyOf(post('{"a":1}', undefined))).toEqual({ a: 1 });
  });

  it('rejects malformed JSON with 400 BAD_REQUEST_BODY', async () => {
    const error = await rejectionOf(jsonBody(), post('{"status":'));
    expect(error.status).toBe(400);
    expect(error.code).toBe('BAD_REQUEST_BODY');
    expect(error.detail).toContain('not valid JSON');
  });

  it.each(['[{"status":"ACTIVE"}]', '"ACTIVE"', '42', 'null', 'true'])('rejects the non-object body %s with 400', async (body) => {
    const error = await rejectionOf(jsonBody(), post(body));
    expect(error.status).toBe(400);
    expect(error.code).toBe('BAD_REQUEST_BODY');
    expect(error.detail).toContain('JSON object');
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/jsonp', 'multipart/form-data; boundary=x'])(
    'rejects content type %s with 415',
    async (contentType) => {
      const error = await rejectionOf(jsonBody(), post('{"a":1}', contentType));
      expect(error.status).toBe(415);
      expect(error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    },
  );

  it('rejects a body over 256 KB with 413 before parsing it', async () => {
    expect(MAX_BODY_BYTES).toBe(256 * 1024);
    const error = await rejectionOf(jsonBody(), post(`{"a":"${'x'.repeat(MAX_BODY_BYTES)}"}`));
    expect(error.status).toBe(413);
    expect(error.code).toBe('REQUEST_TOO_LARGE');
    // Not even JSON, still 413: the size check comes first.
    expect((await rejectionOf(jsonBody(), post('x'.repeat(MAX_BODY_BYTES + 1)))).status).toBe(413);
  });

  it('measures the limit in UTF-8 bytes, not characters', async () => {
    const chars = Math.floor(MAX_BODY_BYTES / 3) + 10; // 3-byte characters: fewer chars than the limit, more bytes
    expect((await rejectionOf(jsonBody(), post(`{"a":"${'€'.repeat(chars)}"}`))).status).toBe(413);
  });

  it('accepts a body just under the limit', async () => {
    const body = `{"a":"${'x'.repeat(MAX_BODY_BYTES - 10)}"}`;
    expect(((await bodyOf(post(body))) as { a: string }).a).toHaveLength(MAX_BODY_BYTES - 10);
  });
});
