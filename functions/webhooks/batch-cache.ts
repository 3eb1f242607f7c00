import type { PipelineContext } from './context.js';

// Within one batch (a stream batch for the router, a queue batch for the sender) a tenant's
// subscriptions and secrets are read once: a batch spans seconds, and a change made meanwhile
// applies from the next batch, as it would have a moment later anyway.

const memo = <A extends unknown[], R>(fn: (...args: A) => Promise<R>): ((...args: A) => Promise<R>) => {
  const cache = new Map<string, Promise<R>>();
  return (...args: A) => {
    const key = JSON.stringify(args);
    let hit = cache.get(key);
    if (!hit) {
      hit = fn(...args);
      cache.set(key, hit);
      hit.catch(() => cache.delete(key));
    }
    return hit;
  };
};

export const batchScoped = (ctx: PipelineContext): PipelineContext => ({
  ...ctx,
  webhooks: {
    ...ctx.webhooks,
    all: memo((tenant: string) => ctx.webhooks.all(tenant)),
    get: memo((tenant: string, id: string) => ctx.webhooks.get(tenant, id)),
  },
  secrets: { ...ctx.secrets, get: memo((tenant: string) => ctx.secrets.get(tenant)) },
});
