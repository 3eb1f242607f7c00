import type { BusinessRecord, PersonRecord, SubjectKind, VerificationRecord } from '../../customers/model.js';
import { foldName, KEYS, nameOrdered, timeOrdered } from './keys.js';

// Item shapes of the customers domain (key patterns documented in keys.ts). Every index key is
// derived from the record here, so any full write of a person or business keeps all its list
// orders right; the only partial update elsewhere (has_accounts) uses lastUpdatedKeys below.

/** The gsi5 keys (last_updated_time order) of a person or business updated at `time`. */
export const lastUpdatedKeys = (kind: SubjectKind, tenantId: string, id: string, time: string) => ({
  gsi5pk: kind === 'PERSON' ? KEYS.personsByLastUpdatedIndex(tenantId) : KEYS.businessesByLastUpdatedIndex(tenantId),
  gsi5sk: timeOrdered(time, id),
});

/** Keys of an index holding only the records that have the field (email, phone_number filters). */
const sparseKeys = <I extends string>(index: I, partition: string, value: string | undefined, creationTime: string, id: string) =>
  foldName(value)
    ? ({ [`${index}pk`]: partition, [`${index}sk`]: nameOrdered(value, creationTime, id) } as Record<`${I}pk` | `${I}sk`, string>)
    : {};

export const personItem = (p: PersonRecord) => ({
  ...KEYS.person(p.tenant, p.id),
  gsi1pk: KEYS.personsIndex(p.tenant),
  gsi1sk: timeOrdered(p.creation_time, p.id),
  ...sparseKeys('gsi2', KEYS.personsByEmailIndex(p.tenant), p.email, p.creation_time, p.id),
  ...sparseKeys('gsi6', KEYS.personsByPhoneIndex(p.tenant), p.phone_number, p.creation_time, p.id),
  gsi3pk: KEYS.personsByLastNameIndex(p.tenant),
  gsi3sk: nameOrdered(p.last_name, p.creation_time, p.id),
  gsi4pk: KEYS.personsByFirstNameIndex(p.tenant),
  gsi4sk: nameOrdered(p.first_name, p.creation_time, p.id),
  ...lastUpdatedKeys('PERSON', p.tenant, p.id, p.last_updated_time),
  entity: 'PERSON',
  ...p,
});

export const businessItem = (b: BusinessRecord) => ({
  ...KEYS.business(b.tenant, b.id),
  gsi1pk: KEYS.businessesIndex(b.tenant),
  gsi1sk: timeOrdered(b.creation_time, b.id),
  gsi3pk: KEYS.businessesByEntityNameIndex(b.tenant),
  gsi3sk: nameOrdered(b.entity_name, b.creation_time, b.id),
  ...sparseKeys('gsi6', KEYS.businessesByPhoneIndex(b.tenant), b.phone_number, b.creation_time, b.id),
  ...lastUpdatedKeys('BUSINESS', b.tenant, b.id, b.last_updated_time),
  entity: 'BUSINESS',
  ...b,
});

export const verificationItem = (v: VerificationRecord) => ({
  ...KEYS.verification(v.tenant, v.id),
  gsi1pk: KEYS.verificationsIndex(v.tenant),
  gsi1sk: timeOrdered(v.creation_time, v.id),
  gsi2pk: KEYS.subjectVerificationsIndex(v.tenant, v.subject_id),
  gsi2sk: timeOrdered(v.creation_time, v.id),
  entity: 'VERIFICATION',
  ...v,
});
