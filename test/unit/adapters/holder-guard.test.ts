import { describe, expect, it } from 'vitest';
import { holderGuardItem } from '../../../functions/adapters/dynamodb/account-items.js';
import { businessItem, personItem } from '../../../functions/adapters/dynamodb/customer-items.js';
import { businessRecord, personRecord } from '../customers/records.js';

// The accounts domain's partial update of a holder (has_accounts) is the one write of a person
// or business that is not a full Put of customer-items.ts; it must move the last_updated_time
// order (gsi5) exactly as a full write at the same time would.

process.env.TABLE_NAME ??= 'bankline-unit';

const LATER = '2024-06-01T09:30:00.000Z';

describe('holderGuardItem', () => {
  it.each([
    [
      'person',
      { kind: 'PERSON' as const, record: personRecord() },
      (at: string) => personItem({ ...personRecord(), last_updated_time: at }),
    ],
    [
      'business',
      { kind: 'BUSINESS' as const, record: businessRecord() },
      (at: string) => businessItem({ ...businessRecord(), last_updated_time: at }),
    ],
  ])('sets has_accounts on a %s and rewrites its gsi5 keys with last_updated_time', (_kind, holder, fullWriteAt) => {
    const guard = {
      tenant: holder.record.tenant,
      kind: holder.kind,
      id: holder.record.id,
      acceptance: 'ACCEPTED' as const,
      expectedVersion: holder.record.version,
      hasAccountsEvent: {} as never,
    };
    const item = holderGuardItem(guard, LATER) as {
      Update: { UpdateExpression: string; ConditionExpression: string; ExpressionAttributeValues: Record<string, unknown> };
    };
    const { UpdateExpression, ConditionExpression, ExpressionAttributeValues: values } = item.Update;
    expect(UpdateExpression).toContain('last_updated_time = :now');
    expect(UpdateExpression).toContain('gsi5pk = :updatedPk');
    expect(UpdateExpression).toContain('gsi5sk = :updatedSk');
    expect(ConditionExpression).toBe('#version = :expected AND #kyc = :accepted');
    const expected = fullWriteAt(LATER);
    expect(values).toMatchObject({
      ':now': LATER,
      ':updatedPk': expected.gsi5pk,
      ':updatedSk': expected.gsi5sk,
      ':next': holder.record.version + 1,
      ':accepted': 'ACCEPTED',
    });
  });

  it("checks an owner's KYC standing without its version, and an authorized user's version alone", () => {
    const person = personRecord({ has_accounts: true });
    const owner = holderGuardItem({ tenant: person.tenant, kind: 'PERSON', id: person.id, acceptance: 'ACCEPTED' }, LATER);
    expect(owner).toEqual({ ConditionCheck: expect.objectContaining({ ConditionExpression: '#kyc = :accepted' }) });
    const user = holderGuardItem({ tenant: person.tenant, kind: 'PERSON', id: person.id, expectedVersion: 3 }, LATER);
    expect(user).toEqual({ ConditionCheck: expect.objectContaining({ ConditionExpression: '#version = :expected' }) });
    const restricting = holderGuardItem({ tenant: person.tenant, kind: 'PERSON', id: person.id, acceptance: 'NOT_ACCEPTED' }, LATER);
    expect(restricting).toEqual({
      ConditionCheck: expect.objectContaining({ ConditionExpression: '(attribute_not_exists(pk) OR #kyc <> :accepted)' }),
    });
    expect(holderGuardItem({ tenant: person.tenant, kind: 'PERSON', id: person.id }, LATER)).toBeUndefined();
  });
});
