import { describe, expect, it } from 'vitest';
import { assertDob, newPerson, patchPerson, replacedPerson } from '../../../functions/customers/person-rules.js';
import type { CreatePersonInput } from '../../../functions/customers/schemas.js';
import { InvalidInput } from '../../../functions/shared/errors.js';
import { NOW, TODAY, legalAddress, personRecord } from './records.js';

const META = { id: 'new-person-id', tenant: 'tenant_a', now: NOW, today: TODAY };
const LATER = '2024-05-02T08:00:00.000Z';
const home = { address_line_1: '1 Main St', city: 'San Francisco', country_code: 'US' };
const office = { address_line_1: '500 Market St', city: 'San Francisco', country_code: 'US' };

const badRequestDetail = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidInput);
    return (error as InvalidInput).detail;
  }
  throw new Error('expected a 400');
};

describe('assertDob', () => {
  it('accepts 1900-01-01 and yesterday', () => {
    expect(() => assertDob('1900-01-01', TODAY)).not.toThrow();
    expect(() => assertDob('2024-04-30', TODAY)).not.toThrow();
  });

  it('accepts an absent dob', () => {
    expect(() => assertDob(undefined, TODAY)).not.toThrow();
  });

  it.each([
    ['before 1900', '1899-12-31'],
    ['today', TODAY],
    ['in the future', '2030-01-01'],
  ])('rejects a dob %s, naming dob', (_label, dob) => {
    expect(badRequestDetail(() => assertDob(dob, TODAY))).toContain('dob');
  });
});

describe('newPerson', () => {
  const create = (input: Partial<CreatePersonInput> = {}) => newPerson({ status: 'ACTIVE', ...input }, META);

  it('starts at version 1, unverified, allowed, with the given id, tenant and times', () => {
    expect(create()).toMatchObject({
      id: 'new-person-id',
      tenant: 'tenant_a',
      version: 1,
      status: 'ACTIVE',
      verification_status: 'UNVERIFIED',
      ban_status: 'ALLOWED',
      is_customer: true,
      is_user: false,
      has_accounts: false,
      creation_time: NOW,
      last_updated_time: NOW,
    });
  });

  it('copies the legal address into a new SHIPPING address when none is given', () => {
    const person = create({ legal_address: home });
    expect(person.legal_address).toMatchObject({ ...home, address_type: 'LEGAL' });
    expect(person.shipping_address).toMatchObject({ ...home, address_type: 'SHIPPING' });
    expect(person.shipping_address!.id).toBeTruthy();
    expect(person.shipping_address!.id).not.toBe(person.legal_address!.id);
  });

  it('keeps an explicit shipping address', () => {
    const person = create({ legal_address: home, shipping_address: office });
    expect(person.shipping_address).toMatchObject({ ...office, address_type: 'SHIPPING' });
    expect(person.legal_address).toMatchObject({ ...home, address_type: 'LEGAL' });
  });

  it('has no addresses when none are given', () => {
    const person = create();
    expect(person.legal_address).toBeUndefined();
    expect(person.shipping_address).toBeUndefined();
  });

  it('derives ssn_last_4 and marks the SSN as entered manually', () => {
    expect(create({ ssn: '123-45-6789' })).toMatchObject({ ssn: '123-45-6789', ssn_last_4: '6789', ssn_source: 'MANUAL' });
  });

  it('validates dob', () => {
    expect(badRequestDetail(() => create({ dob: '1899-12-31' }))).toContain('dob');
  });

  it('requires a note to create a SUSPENDED person', () => {
    expect(badRequestDetail(() => create({ ban_status: 'SUSPENDED' }))).toContain('note');
    expect(create({ ban_status: 'SUSPENDED', note: 'fraud review' }).ban_status).toBe('SUSPENDED');
  });

  it('does not store the write-only note', () => {
    expect(create({ ban_status: 'SUSPENDED', note: 'fraud review' })).not.toHaveProperty('note');
  });
});

describe('patchPerson', () => {
  const patch = (current = personRecord(), input: Parameters<typeof patchPerson>[1] = {}) =>
    patchPerson(current, input, { now: LATER, today: TODAY });

  it('increments the version and stamps last_updated_time, keeping creation_time', () => {
    const current = personRecord({ version: 3 });
    const next = patch(current, { first_name: 'Augusta' });
    expect(next.version).toBe(4);
    expect(next.last_updated_time).toBe(LATER);
    expect(next.creation_time).toBe(current.creation_time);
  });

  it('preserves every field not sent', () => {
    const current = personRecord({ middle_name: 'King', metadata: { ref: 'x' } });
    const next = patch(current, { email: 'new@example.com' });
    expect(next).toEqual({ ...current, email: 'new@example.com', version: current.version + 1, last_updated_time: LATER });
  });

  it('does not mutate the current record', () => {
    const current = personRecord();
    const snapshot = structuredClone(current);
    patch(current, { first_name: 'Changed', legal_address: office, ssn: '999-99-1234' });
    expect(current).toEqual(snapshot);
  });

  it('updates the SSN and re-derives ssn_last_4', () => {
    expect(patch(personRecord(), { ssn: '987-65-4321' })).toMatchObject({ ssn: '987-65-4321', ssn_last_4: '4321' });
  });

  it('copies a new legal address into shipping only when the person has no shipping address', () => {
    const next = patch(personRecord({ shipping_address: undefined }), { legal_address: office });
    expect(next.shipping_address).toMatchObject({ ...office, address_type: 'SHIPPING' });
    expect(next.shipping_address!.id).not.toBe(next.legal_address!.id);
  });

  it('leaves an existing shipping address alone when only the legal address changes', () => {
    const shipping = { id: 'ship-1', address_type: 'SHIPPING' as const, ...home };
    const next = patch(personRecord({ shipping_address: shipping }), { legal_address: office });
    expect(next.shipping_address).toEqual(shipping);
    expect(next.legal_address).toMatchObject(office);
  });

  it('keeps the address ids when addresses are replaced', () => {
    const current = personRecord({ shipping_address: { id: 'ship-1', address_type: 'SHIPPING', ...home } });
    const next = patch(current, { legal_address: office, shipping_address: office });
    expect(next.legal_address!.id).toBe(current.legal_address!.id);
    expect(next.shipping_address!.id).toBe('ship-1');
  });

  it('validates dob against today', () => {
    expect(badRequestDetail(() => patch(personRecord(), { dob: TODAY }))).toContain('dob');
  });

  it('requires a note to switch ban_status between ALLOWED and SUSPENDED', () => {
    expect(badRequestDetail(() => patch(personRecord({ ban_status: 'ALLOWED' }), { ban_status: 'SUSPENDED' }))).toContain('note');
    expect(badRequestDetail(() => patch(personRecord({ ban_status: 'SUSPENDED' }), { ban_status: 'ALLOWED' }))).toContain('note');
    expect(patch(personRecord({ ban_status: 'SUSPENDED' }), { ban_status: 'ALLOWED', note: 'cleared' }).ban_status).toBe('ALLOWED');
  });

  it('needs no note when ban_status is sent unchanged', () => {
    expect(patch(personRecord({ ban_status: 'SUSPENDED' }), { ban_status: 'SUSPENDED' }).ban_status).toBe('SUSPENDED');
  });

  it('never lets a client change a BANNED person, even with a note', () => {
    const detail = badRequestDetail(() => patch(personRecord({ ban_status: 'BANNED' }), { ban_status: 'ALLOWED', note: 'please' }));
    expect(detail).toContain('BANNED');
  });

  it('updates status, is_customer and is_user when sent', () => {
    expect(patch(personRecord(), { status: 'FROZEN', is_customer: false, is_user: true })).toMatchObject({
      status: 'FROZEN',
      is_customer: false,
      is_user: true,
    });
  });
});

describe('replacedPerson (PUT)', () => {
  const current = () =>
    personRecord({
      middle_name: 'Augusta',
      chosen_name: 'Ada L',
      metadata: { crm: 'x' },
      shipping_address: legalAddress({ id: 'ship-1', address_type: 'SHIPPING' }),
      verification_status: 'ACCEPTED',
      verification_last_run: '2024-02-01T00:00:00.000Z',
      has_accounts: true,
      ban_status: 'SUSPENDED',
      is_customer: false,
      is_user: true,
    });
  const replace = (input: Parameters<typeof replacedPerson>[1], record = current()) =>
    replacedPerson(record, input, { now: LATER, today: TODAY });

  it('clears every client field the body leaves out', () => {
    const next = replace({ status: 'PROSPECT', first_name: 'Grace' });
    for (const field of [
      'last_name',
      'middle_name',
      'dob',
      'email',
      'phone_number',
      'legal_address',
      'shipping_address',
      'metadata',
    ] as const) {
      expect(next, field).not.toHaveProperty(field);
    }
    expect(next).toMatchObject({ status: 'PROSPECT', first_name: 'Grace', last_updated_time: LATER, version: current().version + 1 });
  });

  it('keeps what the client does not own or cannot read back', () => {
    const before = current();
    const next = replace({ status: 'ACTIVE' }, before);
    expect(next).toMatchObject({
      id: before.id,
      tenant: before.tenant,
      creation_time: before.creation_time,
      verification_status: 'ACCEPTED',
      verification_last_run: before.verification_last_run,
      has_accounts: true,
      ssn: before.ssn,
      ssn_last_4: before.ssn_last_4,
      ssn_source: 'MANUAL',
      ban_status: 'SUSPENDED',
      chosen_name: 'Ada L',
      is_customer: false,
      is_user: true,
    });
  });

  it('sets a new full ssn, keeps the stored one for its echoed last four, and refuses other short values', () => {
    expect(replace({ status: 'ACTIVE', ssn: '987-65-4321' })).toMatchObject({ ssn: '987-65-4321', ssn_last_4: '4321' });
    expect(replace({ status: 'ACTIVE', ssn: '6789' })).toMatchObject({ ssn: '123-45-6789', ssn_last_4: '6789' });
    expect(badRequestDetail(() => replace({ status: 'ACTIVE', ssn: '1111' }))).toContain('ssn');
    expect(
      badRequestDetail(() =>
        replace({ status: 'ACTIVE', ssn: '6789' }, personRecord({ ssn: undefined, ssn_last_4: undefined, ssn_source: undefined })),
      ),
    ).toContain('ssn');
  });

  it('copies legal to shipping when no shipping address is sent, keeping both address ids', () => {
    const next = replace({ status: 'ACTIVE', legal_address: office });
    expect(next.legal_address).toMatchObject({ ...office, id: current().legal_address!.id, address_type: 'LEGAL' });
    expect(next.shipping_address).toMatchObject({ ...office, id: 'ship-1', address_type: 'SHIPPING' });
    expect(replace({ status: 'ACTIVE', legal_address: office, shipping_address: home }).shipping_address).toMatchObject({
      ...home,
      address_type: 'SHIPPING',
    });
  });

  it('applies the ban_status and dob rules of PATCH', () => {
    expect(badRequestDetail(() => replace({ status: 'ACTIVE', ban_status: 'ALLOWED' }))).toContain('note');
    expect(replace({ status: 'ACTIVE', ban_status: 'ALLOWED', note: 'cleared' }).ban_status).toBe('ALLOWED');
    expect(badRequestDetail(() => replace({ status: 'ACTIVE', dob: TODAY }))).toContain('dob');
  });
});
