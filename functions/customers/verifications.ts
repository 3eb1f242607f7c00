import { newEvent, type EventType, type OutboxEvent } from '../events/model.js';
import { badRequest, notFound, PrerequisitesMissing } from '../shared/errors.js';
import { newId } from '../shared/ids.js';
import { retryOnConflict, type Page } from '../shared/page.js';
import type { CustomersContext } from './context.js';
import {
  type CheckOutcome,
  missingBusinessPrerequisites,
  missingPersonPrerequisites,
  overallStatus,
  sandboxBusinessChecks,
  sandboxPersonChecks,
} from './kyc-sandbox.js';
import type { BusinessRecord, PersonRecord, SubjectKind, VerificationRecord, VerificationStatus } from './model.js';
import type { CustomerListCriteria } from './ports.js';
import { businessView, customerView, personView } from './views.js';

export interface VerifyCommand {
  subjectKind: SubjectKind;
  subjectId: string;
  consent: boolean;
  /** `legacy` is `/v0/customers/{id}/verify`: same run, CUSTOMER.* event naming. */
  style: 'legacy' | 'current';
}

export interface VerificationOutcome {
  status: VerificationStatus;
  checks: VerificationRecord[];
}

const SANDBOX_VENDOR = 'BANKLINE_SANDBOX';

const toRecord = (
  ctx: CustomersContext,
  subject: { kind: SubjectKind; id: string },
  check: CheckOutcome,
  now: string,
): VerificationRecord => ({
  id: newId(),
  tenant: ctx.tenantId,
  subject_kind: subject.kind,
  subject_id: subject.id,
  verification_type: check.verification_type,
  result: check.result,
  verification_time: now,
  details: [{ label: check.verification_type, result: check.result, description: check.description }],
  vendor_info: { vendor: SANDBOX_VENDOR, content_type: 'application/json', json: { sandbox: true, result: check.result } },
  superseded: false,
  creation_time: now,
  last_updated_time: now,
});

const loadSubject = async (ctx: CustomersContext, command: VerifyCommand): Promise<PersonRecord | BusinessRecord> => {
  const subject =
    command.subjectKind === 'PERSON'
      ? await ctx.store.getPerson(ctx.tenantId, command.subjectId)
      : await ctx.store.getBusiness(ctx.tenantId, command.subjectId);
  if (!subject) throw notFound(command.subjectKind === 'PERSON' ? (command.style === 'legacy' ? 'customer' : 'person') : 'business');
  return subject;
};

const outcomeEvent = (
  ctx: CustomersContext,
  command: VerifyCommand,
  subject: PersonRecord | BusinessRecord,
  before: VerificationStatus,
): OutboxEvent => {
  const [type, resource]: [EventType, unknown] =
    command.subjectKind === 'BUSINESS'
      ? ['BUSINESS.VERIFICATION_OUTCOME.UPDATED', businessView(subject as BusinessRecord)]
      : command.style === 'legacy'
        ? ['CUSTOMER.KYC_OUTCOME.UPDATED', customerView(subject as PersonRecord)]
        : ['PERSON.VERIFICATION_OUTCOME.UPDATED', personView(subject as PersonRecord)];
  const changedKey = command.style === 'legacy' ? 'kyc_status' : 'verification_status';
  return newEvent(ctx.clock, {
    type,
    tenant: ctx.tenantId,
    resource_id: subject.id,
    event_resource: resource,
    event_resource_changed_fields: { [changedKey]: before },
    audit: ctx.audit,
  });
};

/**
 * Tells the subject's accounts (through the listener the wiring binds: accounts/holder-kyc.ts),
 * once the subject is committed: an owner or signer who is not ACCEPTED has every open account
 * RESTRICTED; once every owner and signer of an account is ACCEPTED its restriction is lifted.
 * It runs after every run, whatever the outcome, so it also completes what a run that died
 * after its commit left undone. The accounts are found through memberships read after the
 * commit, so an account opened before the commit is seen, and one opened after it was checked
 * against the new status.
 */
const notifyOutcome = async (ctx: CustomersContext, kind: SubjectKind, subject: PersonRecord | BusinessRecord): Promise<void> => {
  // has_accounts is as of the commit (a first account bumps the version the run was conditioned on).
  if (!ctx.onVerificationOutcome || !subject.has_accounts) return;
  await ctx.onVerificationOutcome({ subjectKind: kind, subjectId: subject.id, status: subject.verification_status });
};

/**
 * Sandbox KYC/KYB: runs synchronously, records each check, and sets the subject's status. The
 * subject, its checks and its outcome event are one transaction; the accounts it affects
 * follow in their own (bounded) transactions, since a holder may hold any number of them.
 */
export const runVerification = async (ctx: CustomersContext, command: VerifyCommand): Promise<VerificationOutcome> => {
  if (!command.consent) throw badRequest('customer_consent must be true to run a verification');
  const run = await retryOnConflict(async () => {
    const subject = await loadSubject(ctx, command);
    const missing =
      command.subjectKind === 'PERSON'
        ? missingPersonPrerequisites(subject as PersonRecord)
        : missingBusinessPrerequisites(subject as BusinessRecord);
    if (missing.length > 0) {
      throw new PrerequisitesMissing(`missing required fields for verification: ${missing.join(', ')}`, missing);
    }
    const outcomes =
      command.subjectKind === 'PERSON' ? sandboxPersonChecks(subject as PersonRecord) : sandboxBusinessChecks(subject as BusinessRecord);
    const now = ctx.clock.now().toISOString();
    const checks = outcomes.map((check) => toRecord(ctx, { kind: command.subjectKind, id: subject.id }, check, now));
    const status = overallStatus(checks.map((c) => c.result));
    const next = {
      ...subject,
      verification_status: status,
      verification_last_run: now,
      current_verification_ids: checks.map((check) => check.id),
      last_updated_time: now,
      version: subject.version + 1,
    };
    await ctx.store.saveVerificationRun({
      subjectKind: command.subjectKind,
      subject: next,
      expectedVersion: subject.version,
      checks,
      supersededIds: subject.current_verification_ids ?? [],
      events: [outcomeEvent(ctx, command, next, subject.verification_status)],
    });
    return { subject: next, outcome: { status, checks } };
  });
  await notifyOutcome(ctx, command.subjectKind, run.subject);
  return run.outcome;
};

export const getVerification = async (ctx: CustomersContext, id: string): Promise<VerificationRecord> => {
  const record = await ctx.store.getVerification(ctx.tenantId, id);
  if (!record) throw notFound('verification');
  return record;
};

export const listVerifications = (
  ctx: CustomersContext,
  subjectId: string | undefined,
  criteria: CustomerListCriteria,
): Promise<Page<VerificationRecord>> => ctx.store.listVerifications(ctx.tenantId, subjectId, criteria);
