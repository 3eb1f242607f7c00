import { setTimeout as sleep } from 'node:timers/promises';
import { conflict } from '../shared/errors.js';
import { VersionConflict } from '../shared/page.js';

// Account writes are conditional on versions (the account, its holders), so concurrent
// requests on one account or one holder lose races and must re-read and retry. Unlike the
// customers' immediate retry, this backs off with jitter: fifty creations for one holder
// would otherwise collide again on every round. After the last attempt the caller gets a
// 409 it can retry, never a 500.

const ATTEMPTS = 10;
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 200;

export const retryContended = async <T>(attempt: () => Promise<T>, attempts = ATTEMPTS): Promise<T> => {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionConflict)) throw error;
      if (i >= attempts) throw conflict('the resource was modified concurrently; retry the request');
      const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** i);
      await sleep(Math.random() * ceiling);
    }
  }
};
