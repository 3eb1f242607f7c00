import * as z from 'zod/mini';
import { paymentScheduleView, paymentView } from '../../ledger/payment-schedule-model.js';
import {
  createPaymentSchedule,
  getPaymentSchedule,
  listPaymentSchedules,
  listPayments,
  patchPaymentSchedule,
} from '../../ledger/payment-schedules.js';
import { paymentSchedulePatchSchema, paymentScheduleSchema } from '../../ledger/schemas.js';
import { badRequest } from '../../shared/errors.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type Operation } from '../api-request.js';
import { listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { ledgerContextOf, pathId } from './context.js';

// /v0/payment_schedules (Synctera's shape): 201 on create; PATCH cancels; the list and the
// payments list filter by comma-separated ids. GET of one schedule is a Bankline addition.

const ids = { id: z.optional(z.string()), account_id: z.optional(z.string()), customer_id: z.optional(z.string()) };
export const scheduleQuery = z.strictObject({ ...pagingParams, ...ids });
export const paymentQuery = z.strictObject({ ...pagingParams, ...ids, schedule_id: z.optional(z.string()) });

const create: Operation = async (request) => {
  const body = parseWith(paymentScheduleSchema, request.body);
  const record = await createPaymentSchedule(await ledgerContextOf(request), {
    description: body.description,
    ...(body.metadata ? { metadata: body.metadata } : {}),
    payment_instruction: body.payment_instruction,
    schedule: body.schedule,
  });
  return created(paymentScheduleView(record));
};

const get: Operation = async (request) =>
  ok(paymentScheduleView(await getPaymentSchedule(await ledgerContextOf(request), pathId(request, 'payment_schedule_id'))));

const patch: Operation = async (request) => {
  const body = parseWith(paymentSchedulePatchSchema, request.body);
  if (Object.keys(body).length === 0) throw badRequest('give status, description or metadata to change');
  return ok(paymentScheduleView(await patchPaymentSchedule(await ledgerContextOf(request), pathId(request, 'payment_schedule_id'), body)));
};

const idFilters = (q: { id?: string; account_id?: string; customer_id?: string }) => {
  const id = uuidsOf('id', q.id);
  const accountId = uuidsOf('account_id', q.account_id);
  const customerId = uuidsOf('customer_id', q.customer_id);
  return { ...(id ? { id } : {}), ...(accountId ? { account_id: accountId } : {}), ...(customerId ? { customer_id: customerId } : {}) };
};

const list: Operation = async (request) => {
  const filters = idFilters(parseQuery(request, scheduleQuery));
  const { scope, limit, ascending, cursor } = await pagingOf(request, filters);
  const page = await listPaymentSchedules(await ledgerContextOf(request), filters, { limit, ascending, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'payment_schedules', scope, page, paymentScheduleView));
};

const payments: Operation = async (request) => {
  const q = parseQuery(request, paymentQuery);
  const scheduleId = uuidsOf('schedule_id', q.schedule_id);
  const filters = { ...idFilters(q), ...(scheduleId ? { schedule_id: scheduleId } : {}) };
  const { scope, limit, ascending, cursor } = await pagingOf(request, filters);
  const page = await listPayments(await ledgerContextOf(request), filters, { limit, ascending, ...(cursor ? { cursor } : {}) });
  return ok(listBody(request, 'payments', scope, page, paymentView));
};

export const paymentScheduleOperations = { create, get, patch, list, payments };
