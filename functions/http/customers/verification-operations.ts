import * as z from 'zod/mini';
import { getPerson } from '../../customers/persons.js';
import { CHECK_RESULTS, legacyVerifyRequestSchema, VERIFICATION_TYPES, verifyRequestSchema } from '../../customers/schemas.js';
import { getVerification, listVerifications, runVerification } from '../../customers/verifications.js';
import { legacyVerificationView, verificationView } from '../../customers/views.js';
import { badRequest } from '../../shared/errors.js';
import { isUuid } from '../../shared/ids.js';
import { parseWith } from '../../shared/validation.js';
import { created, ok, type Operation } from '../api-request.js';
import { booleanOf, enumsOf, listBody, pagingOf, pagingParams, parseQuery, uuidsOf } from '../list-query.js';
import { customersContext, pathId } from './context.js';

const subjectOf = (body: z.infer<typeof verifyRequestSchema>) => {
  if ((body.person_id === undefined) === (body.business_id === undefined)) {
    throw badRequest('exactly one of person_id or business_id is required');
  }
  const [field, id] = body.person_id !== undefined ? ['person_id', body.person_id] : ['business_id', body.business_id!];
  if (!isUuid(id)) throw badRequest(`${field} must be a valid UUID`);
  return { subjectKind: field === 'person_id' ? ('PERSON' as const) : ('BUSINESS' as const), subjectId: id.toLowerCase() };
};

/** `POST /v0/verifications/verify`: KYC for a person, KYB for a business. */
export const runVerificationOperation: Operation = async (request) => {
  const body = parseWith(verifyRequestSchema, request.body);
  const outcome = await runVerification(customersContext(request), {
    ...subjectOf(body),
    consent: body.customer_consent,
    style: 'current',
  });
  return created({ verification_status: outcome.status, verifications: outcome.checks.map(verificationView) });
};

/** Legacy `POST /v0/customers/{id}/verify`: same run, Synctera's older response shape. */
export const verifyCustomerOperation: Operation = async (request) => {
  const body = parseWith(legacyVerifyRequestSchema, request.body);
  const outcome = await runVerification(customersContext(request), {
    subjectKind: 'PERSON',
    subjectId: pathId(request, 'customer_id'),
    consent: body.customer_consent,
    style: 'legacy',
  });
  return ok({ kyc_status: outcome.status, verifications: outcome.checks.map(legacyVerificationView) });
};

export const verificationListQuery = z.strictObject({
  ...pagingParams,
  id: z.optional(z.string()),
  person_id: z.optional(z.string()),
  business_id: z.optional(z.string()),
  verification_type: z.optional(z.string()),
  result: z.optional(z.string()),
  include_history: z.optional(z.string()),
});

export const listVerificationsOperation: Operation = async (request) => {
  const q = parseQuery(request, verificationListQuery);
  const subjects = [...(uuidsOf('person_id', q.person_id) ?? []), ...(uuidsOf('business_id', q.business_id) ?? [])];
  if (subjects.length > 100) throw badRequest('person_id and business_id accept at most 100 values together', 'BAD_QUERY_PARAMETER');
  const filters = {
    id: uuidsOf('id', q.id),
    // One subject reads its own index; several are filtered within the tenant's list.
    subject_id: subjects.length > 1 ? subjects : undefined,
    verification_type: enumsOf('verification_type', q.verification_type, VERIFICATION_TYPES),
    result: enumsOf('result', q.result, CHECK_RESULTS),
    superseded: booleanOf('include_history', q.include_history) ? undefined : false,
  };
  const { scope, ...paging } = await pagingOf(request, filters);
  const page = await listVerifications(customersContext(request), subjects.length === 1 ? subjects[0] : undefined, { filters, ...paging });
  return ok(listBody(request, 'verifications', scope, page, verificationView));
};

export const getVerificationOperation: Operation = async (request) =>
  ok(verificationView(await getVerification(customersContext(request), pathId(request, 'verification_id'))));

/** Legacy `GET /v0/customers/{id}/verifications`: the customer's current results. */
export const listCustomerVerificationsOperation: Operation = async (request) => {
  const ctx = customersContext(request);
  const customerId = pathId(request, 'customer_id');
  await getPerson(ctx, 'customer', customerId);
  const page = await listVerifications(ctx, customerId, { filters: { superseded: false }, ascending: true, limit: 100 });
  return ok({ verifications: page.items.map(legacyVerificationView) });
};
