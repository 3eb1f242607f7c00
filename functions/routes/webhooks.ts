// Webhooks, their secret and the event log, in the one route table (functions/routes.ts).
import { route, bothVersions, type Route } from './route.js';

export const WEBHOOK_ROUTES: readonly Route[] = [
  // Webhooks (contract §11.1), identical under /v2. The secret's routes are listed create, roll,
  // revoke per version, the order their sample events replay in (one secret per tenant).
  ...(['/v0', '/v2'] as const).flatMap((v) => {
    const suffix = v === '/v2' ? 'V2' : '';
    return [
      route('POST', `${v}/webhook_secrets`, 'webhooks', `createWebhookSecret${suffix}`, 'webhook:write'),
      route('PUT', `${v}/webhook_secrets`, 'webhooks', `rollWebhookSecret${suffix}`, 'webhook:write'),
      route('DELETE', `${v}/webhook_secrets`, 'webhooks', `revokeWebhookSecret${suffix}`, 'webhook:write'),
    ];
  }),
  ...bothVersions('POST', '/webhooks', 'webhooks', 'createWebhook', 'webhook:write'),
  ...bothVersions('GET', '/webhooks', 'webhooks', 'listWebhooks', 'webhook:read'),
  ...bothVersions('POST', '/webhooks/trigger', 'webhooks', 'triggerWebhookEvent', 'webhook:write'),
  ...bothVersions('GET', '/webhooks/{webhook_id}', 'webhooks', 'getWebhook', 'webhook:read'),
  ...bothVersions('PUT', '/webhooks/{webhook_id}', 'webhooks', 'replaceWebhook', 'webhook:write'),
  ...bothVersions('DELETE', '/webhooks/{webhook_id}', 'webhooks', 'deleteWebhook', 'webhook:write'),
  ...bothVersions('GET', '/webhooks/{webhook_id}/events', 'webhooks', 'listWebhookEvents', 'webhook:read'),
  ...bothVersions('GET', '/webhooks/{webhook_id}/events/{event_id}', 'webhooks', 'getWebhookEvent', 'webhook:read'),
  ...bothVersions('POST', '/webhooks/{webhook_id}/events/{event_id}/resend', 'webhooks', 'resendWebhookEvent', 'webhook:write', {
    consoleAction: true,
  }),
  // Bankline extension: the tenant's event log, whether or not a webhook exists.
  route('GET', '/v0/events', 'webhooks', 'listEvents', 'webhook:read'),
];
