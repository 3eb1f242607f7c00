// Key patterns of the webhooks domain (beside keys.ts, same conventions):
//   pk TENANT#<t>#WEBHOOKS  sk WEBHOOK#<id>                 a subscription; the router reads the
//                                                           whole partition (a tenant has few)
//   pk TENANT#<t>#WEBHOOK_SECRET  sk WEBHOOK_SECRET          the tenant's current and rolling-out secrets
//   pk TENANT#<t>#WEBHOOK#<w>#DELIVERY#<event id>  sk DELIVERY   one per (event, subscription):
//                                                           deterministic, so a redelivered batch finds it
//     gsi1  TENANT#<t>#WEBHOOK#<w>#DELIVERIES  <event_time>#<event id>     the subscription's events
//     gsi10 DUE#<shard>  <next_attempt_at>#<tenant>#<w>#<event id>         sparse: set only while a retry
//                                                           (beyond 15 min), a resend or a paused
//                                                           endpoint's first attempt waits; the sweeper
//                                                           Queries each shard up to now
// Outbox events (keys.ts): pk TENANT#<t>#EVENT#<id>, gsi1 TENANT#<t>#EVENTS <event_time>#<id>, TTL
// expires_at (outbox.ts) — GET /v0/events reads that index.

/** Due-index partitions: spreads the sweeper's writes; each is one Query per sweep. */
export const DUE_SHARDS = 4;

const shardOf = (id: string): number => {
  let h = 0;
  for (const c of id) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return h % DUE_SHARDS;
};

export const WEBHOOK_KEYS = {
  webhooks: (tenantId: string) => `TENANT#${tenantId}#WEBHOOKS`,
  webhook: (tenantId: string, id: string) => ({ pk: `TENANT#${tenantId}#WEBHOOKS`, sk: `WEBHOOK#${id}` }),
  webhookPrefix: 'WEBHOOK#',
  secret: (tenantId: string) => ({ pk: `TENANT#${tenantId}#WEBHOOK_SECRET`, sk: 'WEBHOOK_SECRET' }),
  delivery: (tenantId: string, webhookId: string, eventId: string) => ({
    pk: `TENANT#${tenantId}#WEBHOOK#${webhookId}#DELIVERY#${eventId}`,
    sk: 'DELIVERY',
  }),
  deliveriesIndex: (tenantId: string, webhookId: string) => `TENANT#${tenantId}#WEBHOOK#${webhookId}#DELIVERIES`,
  dueShard: (shard: number) => `DUE#${shard}`,
  due: (tenantId: string, webhookId: string, eventId: string, at: string) => ({
    gsi10pk: `DUE#${shardOf(`${webhookId}:${eventId}`)}`,
    gsi10sk: `${at}#${tenantId}#${webhookId}#${eventId}`,
  }),
} as const;
