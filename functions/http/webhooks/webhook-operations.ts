import * as z from 'zod/mini';
import { withoutReadOnly } from '../../shared/schemas/common.js';
import { parseWith } from '../../shared/validation.js';
import { getDelivery, listDeliveries, resendDelivery, triggerEvent } from '../../webhooks/deliveries.js';
import { rollSecretSchema, triggerSchema, WEBHOOK_READ_ONLY, webhookSchema } from '../../webhooks/schemas.js';
import { createWebhook, deleteWebhook, getWebhook, listWebhooks, replaceWebhook } from '../../webhooks/subscriptions.js';
import { eventView, webhookView } from '../../webhooks/views.js';
import { createSecret, revokeSecret, rollSecret } from '../../webhooks/webhook-secrets.js';
import { webhooksContext } from '../../wiring/webhooks.js';
import { type ApiRequest, created, type Operation, ok, scopeOf } from '../api-request.js';
import { badRequest } from '../../shared/errors.js';
import { booleanOf, listBody, pagingOf, parseQuery, uuidsOf } from '../list-query.js';

// /v0/webhook_secrets, /v0/webhooks and a subscription's events (contract §11.1), and the same
// under /v2 (identical shapes, so the V2 operations are the same functions).

const contextOf = (request: ApiRequest) => webhooksContext(scopeOf(request));

const pathId = (request: ApiRequest, name: string): string => {
  const id = request.pathParameters[name];
  if (id === undefined) throw new Error(`route ${request.route.path} has no {${name}}`);
  return id;
};

const createSecretOp: Operation = async (request) => {
  if (request.body !== undefined && request.body !== null && Object.keys(request.body as object).length > 0)
    throw badRequest('the request body must be empty');
  return created(await createSecret(contextOf(request)));
};

const rollSecretOp: Operation = async (request) => {
  const input = parseWith(rollSecretSchema, request.body ?? {});
  return ok(await rollSecret(contextOf(request), input.is_rolling_secret));
};

export const revokeSecretQuery = z.strictObject({ old_secret_only: z.optional(z.string()) });

const revokeSecretOp: Operation = async (request) => {
  const q = parseQuery(request, revokeSecretQuery);
  await revokeSecret(contextOf(request), booleanOf('old_secret_only', q.old_secret_only) ?? false);
  return ok({});
};

const create: Operation = async (request) => {
  const input = parseWith(webhookSchema, withoutReadOnly(request.body, WEBHOOK_READ_ONLY));
  return created(webhookView(await createWebhook(contextOf(request), input)));
};

const get: Operation = async (request) => ok(webhookView(await getWebhook(contextOf(request), pathId(request, 'webhook_id'))));

const replace: Operation = async (request) => {
  const input = parseWith(webhookSchema, withoutReadOnly(request.body, WEBHOOK_READ_ONLY));
  return ok(webhookView(await replaceWebhook(contextOf(request), pathId(request, 'webhook_id'), input)));
};

const remove: Operation = async (request) => ok(await deleteWebhook(contextOf(request), pathId(request, 'webhook_id')));

export const webhookListQuery = z.strictObject({
  limit: z.optional(z.string()),
  page_token: z.optional(z.string()),
  is_enabled_only: z.optional(z.string()),
});

const list: Operation = async (request) => {
  const q = parseQuery(request, webhookListQuery);
  const enabledOnly = booleanOf('is_enabled_only', q.is_enabled_only) ?? false;
  const { scope, limit, cursor } = await pagingOf(request, { is_enabled_only: enabledOnly });
  const page = await listWebhooks(contextOf(request), { enabledOnly, limit, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'webhooks', scope, page, webhookView));
};

const dateTime = (name: string, raw: string | undefined, endOfDay = false): string | undefined => {
  if (raw === undefined) return undefined;
  const value = /^\d{4}-\d{2}-\d{2}$/.test(raw) ? `${raw}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : raw;
  const time = Date.parse(value);
  if (Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(value))
    throw badRequest(`${name} must be an RFC 3339 date-time`, 'BAD_QUERY_PARAMETER');
  return new Date(time).toISOString();
};

export const webhookEventsQuery = z.strictObject({
  limit: z.optional(z.string()),
  page_token: z.optional(z.string()),
  start_time: z.optional(z.string()),
  end_time: z.optional(z.string()),
  start_date: z.optional(z.string()),
  end_date: z.optional(z.string()),
  resource_id: z.optional(z.string()),
});

const listEvents: Operation = async (request) => {
  const q = parseQuery(request, webhookEventsQuery);
  const filters = {
    start_time: dateTime('start_time', q.start_time) ?? dateTime('start_date', q.start_date),
    end_time: dateTime('end_time', q.end_time) ?? dateTime('end_date', q.end_date, true),
    resource_id: uuidsOf('resource_id', q.resource_id),
  };
  const { scope, limit, cursor } = await pagingOf(request, filters);
  const { webhook, page } = await listDeliveries(contextOf(request), pathId(request, 'webhook_id'), {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(filters.start_time ? { startTime: filters.start_time } : {}),
    ...(filters.end_time ? { endTime: filters.end_time } : {}),
    ...(filters.resource_id ? { resourceIds: filters.resource_id } : {}),
  });
  return ok(listBody(request, 'event_list', scope, page, (d) => eventView(d, webhook.url, webhook.metadata, false)));
};

const getEvent: Operation = async (request) => {
  const { webhook, delivery } = await getDelivery(contextOf(request), pathId(request, 'webhook_id'), pathId(request, 'event_id'));
  return ok(eventView(delivery, webhook.url, webhook.metadata, true));
};

export const resendQuery = z.strictObject({ delay: z.optional(z.string()) });

const resend: Operation = async (request) => {
  const q = parseQuery(request, resendQuery);
  const delay = q.delay === undefined ? 0 : /^\d+$/.test(q.delay) ? Number(q.delay) : Number.NaN;
  const { webhook, delivery } = await resendDelivery(contextOf(request), pathId(request, 'webhook_id'), pathId(request, 'event_id'), delay);
  return ok(eventView(delivery, webhook.url, webhook.metadata, true));
};

const trigger: Operation = async (request) => {
  const input = parseWith(triggerSchema, request.body);
  return ok(await triggerEvent(contextOf(request), input.event));
};

export { dateTime };

export const webhookOperations = {
  createSecret: createSecretOp,
  rollSecret: rollSecretOp,
  revokeSecret: revokeSecretOp,
  create,
  get,
  replace,
  remove,
  list,
  listEvents,
  getEvent,
  resend,
  trigger,
};
