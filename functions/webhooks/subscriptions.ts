import { badRequest, notFound } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import type { Page } from '../shared/page.js';
import type { Cursor } from '../shared/page.js';
import type { WebhooksContext } from './context.js';
import type { WebhookRecord } from './model.js';
import type { WebhookInput } from './schemas.js';
import { urlProblem } from './url-rules.js';

// /v0/webhooks CRUD (contract §11.1). PUT is a full replacement; `tenant` is always the caller's.

const checkedUrl = (ctx: WebhooksContext, url: string): string => {
  const problem = urlProblem(url, ctx.urlMode);
  if (problem) throw badRequest(`url ${problem}`);
  return url;
};

const fromInput = (ctx: WebhooksContext, id: string, input: WebhookInput, creationTime: string, now: string): WebhookRecord => ({
  id,
  tenant: ctx.tenantId,
  url: checkedUrl(ctx, input.url),
  enabled_events: [...new Set(input.enabled_events)],
  is_enabled: input.is_enabled,
  ...(input.description !== undefined ? { description: input.description } : {}),
  ...(input.metadata !== undefined ? { metadata: input.metadata } : {}),
  creation_time: creationTime,
  last_updated: now,
});

export const createWebhook = async (ctx: WebhooksContext, input: WebhookInput): Promise<WebhookRecord> => {
  const now = ctx.clock.now().toISOString();
  const webhook = fromInput(ctx, newId(), input, now, now);
  await ctx.webhooks.put(webhook);
  return webhook;
};

export const getWebhook = async (ctx: WebhooksContext, id: string): Promise<WebhookRecord> => {
  const webhook = await ctx.webhooks.get(ctx.tenantId, id);
  if (!webhook) throw notFound('webhook');
  return webhook;
};

export const replaceWebhook = async (ctx: WebhooksContext, id: string, input: WebhookInput): Promise<WebhookRecord> => {
  const existing = await getWebhook(ctx, id);
  const now = ctx.clock.now().toISOString();
  // Re-enabling or changing the URL clears the pause: it was about the old endpoint.
  const webhook = fromInput(ctx, id, input, existing.creation_time, now);
  await ctx.webhooks.put(webhook);
  return webhook;
};

export const deleteWebhook = async (ctx: WebhooksContext, id: string): Promise<{ id: string; resource: 'webhook' }> => {
  if (!(await ctx.webhooks.remove(ctx.tenantId, id))) throw notFound('webhook');
  return { id, resource: 'webhook' };
};

export const listWebhooks = (
  ctx: WebhooksContext,
  criteria: { enabledOnly: boolean; limit: number; cursor?: Cursor },
): Promise<Page<WebhookRecord>> => ctx.webhooks.list(ctx.tenantId, criteria);
