import { describe, expect, it } from 'vitest';
import type { CustomersContext } from '../../../functions/customers/context.js';
import type { PersonRecord } from '../../../functions/customers/model.js';
import type { CustomerStore, VerificationOutcomeNotice, VerificationRun } from '../../../functions/customers/ports.js';
import { runVerification } from '../../../functions/customers/verifications.js';
import { NOW, personRecord } from './records.js';

// The customers domain announces each committed outcome; whoever listens (the accounts domain,
// bound by the wiring) is not its concern. What it promises: after the commit, only for
// subjects that hold accounts, with the status just recorded.

const world = (person: PersonRecord) => {
  const log: string[] = [];
  const notices: VerificationOutcomeNotice[] = [];
  const store = {
    getPerson: async () => person,
    saveVerificationRun: async (run: VerificationRun) => {
      log.push(`saved ${(run.subject as PersonRecord).verification_status}`);
    },
  } as unknown as CustomerStore;
  const ctx: CustomersContext = {
    tenantId: person.tenant,
    audit: { request_id: 'r', api_key_id: 'k', method: 'POST', path: '/v0/verifications/verify' },
    clock: { now: () => new Date(NOW) },
    store,
    onVerificationOutcome: async (notice) => {
      log.push(`notified ${notice.status}`);
      notices.push(notice);
    },
  };
  return { ctx, log, notices };
};

const verify = (ctx: CustomersContext, subjectId: string) =>
  runVerification(ctx, { subjectKind: 'PERSON', subjectId, consent: true, style: 'current' });

describe('runVerification and its outcome listener', () => {
  it('tells the listener, after the commit, the outcome of a subject that holds accounts', async () => {
    const person = personRecord({ has_accounts: true, last_name: 'Rejected' });
    const { ctx, log, notices } = world(person);
    await verify(ctx, person.id);
    expect(log).toEqual(['saved REJECTED', 'notified REJECTED']);
    expect(notices).toEqual([{ subjectKind: 'PERSON', subjectId: person.id, status: 'REJECTED' }]);
  });

  it('tells nobody about a subject without accounts', async () => {
    const person = personRecord({ has_accounts: false });
    const { ctx, log } = world(person);
    await verify(ctx, person.id);
    expect(log).toEqual(['saved ACCEPTED']);
  });

  it('runs without a listener', async () => {
    const person = personRecord({ has_accounts: true });
    const { ctx } = world(person);
    const { onVerificationOutcome: _unused, ...withoutListener } = ctx;
    await expect(verify(withoutListener, person.id)).resolves.toMatchObject({ status: 'ACCEPTED' });
  });
});
