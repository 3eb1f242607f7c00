import { describe, expect, it, vi } from 'vitest';
import { VersionConflict, retryOnConflict } from '../../../functions/shared/page.js';

describe('retryOnConflict', () => {
  it('returns the first result without retrying when there is no conflict', async () => {
    const attempt = vi.fn(async () => 'done');
    await expect(retryOnConflict(attempt)).resolves.toBe('done');
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('re-runs the read-modify-write after a VersionConflict until it succeeds', async () => {
    const attempt = vi
      .fn<() => Promise<string>>()
      .mockRejectedValueOnce(new VersionConflict('customer'))
      .mockRejectedValueOnce(new VersionConflict('customer'))
      .mockResolvedValue('saved');
    await expect(retryOnConflict(attempt)).resolves.toBe('saved');
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('gives up after the given number of attempts with a retryable 409 naming the resource', async () => {
    const attempt = vi.fn(async () => {
      throw new VersionConflict('business');
    });
    await expect(retryOnConflict(attempt, 3)).rejects.toMatchObject({
      name: 'ConcurrentModification',
      code: 'CONCURRENT_MODIFICATION',
      detail: expect.stringContaining('business'),
    });
    expect(attempt).toHaveBeenCalledTimes(3);
  });

  it('defaults to 10 attempts', async () => {
    const attempt = vi.fn(async () => {
      throw new VersionConflict('person');
    });
    await expect(retryOnConflict(attempt)).rejects.toMatchObject({ name: 'ConcurrentModification' });
    expect(attempt).toHaveBeenCalledTimes(10);
  });

  it('rethrows any other error immediately without retrying', async () => {
    const boom = new Error('ProvisionedThroughputExceeded');
    const attempt = vi.fn(async () => {
      throw boom;
    });
    await expect(retryOnConflict(attempt)).rejects.toBe(boom);
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('does not retry an error that merely looks like a conflict', async () => {
    const lookalike = Object.assign(new Error('x was modified concurrently'), { name: 'VersionConflict' });
    const attempt = vi.fn(async () => {
      throw lookalike;
    });
    await expect(retryOnConflict(attempt)).rejects.toBe(lookalike);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
