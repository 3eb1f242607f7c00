// The bundles' stand-in for node:stream/web: the same classes, without loading them at require.
import { createRequire } from 'node:module';
import * as realWeb from 'node:stream/web';
import { describe, expect, it } from 'vitest';

const standIn = createRequire(import.meta.url)('../../../functions/adapters/lambda-stream-web.cjs') as Record<string, unknown>;

describe('node:stream/web stand-in', () => {
  it('exposes every export of node:stream/web, as the very same values', () => {
    const names = Object.keys(realWeb).filter((name) => name !== 'default');
    expect(Object.keys(standIn).sort()).toEqual(names.sort());
    for (const name of names) expect(standIn[name], name).toBe((realWeb as Record<string, unknown>)[name]);
  });
});
