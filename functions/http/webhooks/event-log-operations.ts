import * as z from 'zod/mini';
import { wireEventTypes } from '../../webhooks/event-matching.js';
import { webhooksContext } from '../../wiring/webhooks.js';
import { type ApiRequest, type Operation, ok, scopeOf } from '../api-request.js';
import { csvOf, listBody, pagingOf, parseQuery, uuidsOf } from '../list-query.js';
import { dateTime } from './webhook-operations.js';

// GET /v0/events (a Bankline extension): the tenant's events whether or not a webhook exists,
// newest first, kept at least 30 days; how an integrator recovers from missed webhooks.

export const eventLogQuery = z.strictObject({
  limit: z.optional(z.string()),
  page_token: z.optional(z.string()),
  type: z.optional(z.string()),
  resource_id: z.optional(z.string()),
  start_time: z.optional(z.string()),
  end_time: z.optional(z.string()),
});

const list: Operation = async (request: ApiRequest) => {
  const q = parseQuery(request, eventLogQuery);
  const filters = {
    type: wireEventTypes(csvOf('type', q.type)),
    resource_id: uuidsOf('resource_id', q.resource_id),
    start_time: dateTime('start_time', q.start_time),
    end_time: dateTime('end_time', q.end_time),
  };
  const { scope, limit, cursor } = await pagingOf(request, filters);
  const ctx = webhooksContext(scopeOf(request));
  const page = await ctx.eventLog.list(ctx.tenantId, {
    limit,
    ...(cursor ? { cursor } : {}),
    ...(filters.type ? { types: filters.type } : {}),
    ...(filters.resource_id ? { resourceIds: filters.resource_id } : {}),
    ...(filters.start_time ? { startTime: filters.start_time } : {}),
    ...(filters.end_time ? { endTime: filters.end_time } : {}),
  });
  return ok(listBody(request, 'events', scope, page, (e) => e));
};

export const eventLogOperations = { list };
