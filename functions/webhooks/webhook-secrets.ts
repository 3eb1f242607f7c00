import { conflict, notFound } from '../shared/errors.js';
import type { WebhooksContext } from './context.js';
import { revoked, rolled } from './secrets.js';
import { newSecretValue } from './signing.js';

// /v0/webhook_secrets (contract §11.1). The secret is returned by POST and PUT only (the
// contract's answers) and never logged.

export const createSecret = async (ctx: WebhooksContext): Promise<{ secret: string }> => {
  const existing = await ctx.secrets.get(ctx.tenantId);
  if (existing?.current) throw conflict('a webhook secret already exists; roll it with PUT /v0/webhook_secrets', 'ALREADY_EXISTS');
  const value = newSecretValue();
  await ctx.secrets.put({ tenant: ctx.tenantId, current: { value, created_at: ctx.clock.now().toISOString() } }, undefined);
  return { secret: value };
};

export const rollSecret = async (ctx: WebhooksContext, rolling: boolean): Promise<{ secret: string; deleted_at: string }> => {
  const existing = await ctx.secrets.get(ctx.tenantId);
  if (!existing?.current) throw notFound('webhook secret');
  const now = ctx.clock.now();
  const value = newSecretValue();
  const next = rolled(existing, value, rolling, now);
  await ctx.secrets.put(next, existing.current.value);
  return { secret: value, deleted_at: next.previous?.expires_at ?? now.toISOString() };
};

export const revokeSecret = async (ctx: WebhooksContext, oldOnly: boolean): Promise<void> => {
  const existing = await ctx.secrets.get(ctx.tenantId);
  if (!existing?.current) throw notFound('webhook secret');
  const remaining = revoked(existing, oldOnly, ctx.clock.now());
  if (remaining) await ctx.secrets.put(remaining, existing.current.value);
  else await ctx.secrets.remove(ctx.tenantId);
};
