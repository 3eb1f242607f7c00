import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { logger, setRequestKeys } from '../../../functions/shared/logger.js';

// The Powertools logger prints one JSON line per entry through a node:console Console bound to
// process.stdout/stderr, so every line can be captured at the stream's write method.
const capture = () => {
  const lines: string[] = [];
  const grab = (chunk: unknown) => {
    lines.push(String(chunk));
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation(grab as typeof process.stdout.write);
  vi.spyOn(process.stderr, 'write').mockImplementation(grab as typeof process.stderr.write);
  return lines;
};

// Other suites quieten the logger through POWERTOOLS_LOG_LEVEL in a shared worker; pin the level.
beforeEach(() => {
  logger.setLogLevel('INFO');
});

afterEach(() => {
  vi.restoreAllMocks();
  logger.resetKeys();
});

describe('logger', () => {
  it('writes structured JSON lines', () => {
    const lines = capture();
    logger.info('hello', { customer_id: 'c1' });
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(entry).toMatchObject({ level: 'INFO', message: 'hello', customer_id: 'c1' });
  });

  it('never prints an SSN or a bearer API key, however deep they are logged', () => {
    const lines = capture();
    const apiKey = 'bl_0123456789abcdefghijABCDEFGHIJ0123456789abc';
    logger.info('request', {
      ssn: '123-45-6789',
      authorization: `Bearer ${apiKey}`,
      event: { headers: { Authorization: `Bearer ${apiKey}` }, body: { person: { ssn: '987-65-4321', ssn_last_4: '4321' } } },
    });
    logger.warn('retrying', { api_key: apiKey, webhook_secret: 'whsec_abc123' });
    logger.appendKeys({ authorization: `Bearer ${apiKey}` });
    logger.error('failed');
    const output = lines.join('');
    expect(lines).toHaveLength(3);
    expect(output).not.toContain('123-45-6789');
    expect(output).not.toContain('987-65-4321');
    expect(output).not.toContain(apiKey);
    expect(output).not.toContain('whsec_abc123');
    // The readable last four survive, proving the entry itself was printed.
    expect(JSON.parse(lines[0]!).event.body.person.ssn_last_4).toBe('4321');
  });
});

describe('request keys', () => {
  const entries = (lines: string[]) => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

  it('every line carries the current request keys, and the next request replaces them', () => {
    const lines = capture();
    setRequestKeys({ correlation_id: 'first', route: 'GET /v0/customers' });
    logger.info('one');
    setRequestKeys({ correlation_id: 'second', route: 'POST /v0/accounts' });
    logger.info('two');
    expect(entries(lines)).toMatchObject([
      { message: 'one', correlation_id: 'first', route: 'GET /v0/customers' },
      { message: 'two', correlation_id: 'second', route: 'POST /v0/accounts' },
    ]);
  });

  it('drops a key the next request does not set (the authorizer sets no route)', () => {
    const lines = capture();
    setRequestKeys({ correlation_id: 'handler', route: 'GET /v0/customers' });
    setRequestKeys({ correlation_id: 'authorizer' });
    logger.info('denied');
    setRequestKeys({ correlation_id: 'handler-again', route: 'GET /v0/accounts' });
    logger.info('served');
    const [denied, served] = entries(lines);
    expect(denied).toMatchObject({ correlation_id: 'authorizer' });
    expect(denied).not.toHaveProperty('route');
    expect(served).toMatchObject({ correlation_id: 'handler-again', route: 'GET /v0/accounts' });
  });
});
