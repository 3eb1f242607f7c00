import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { BusinessRecord, PersonRecord, VerificationRecord } from '../../customers/model.js';
import type { CustomerStore, ListCriteria } from '../../customers/ports.js';
import { accountItem } from './account-items.js';
import { accountsHeldBy } from './account-store.js';
import { conditionsFrom } from '../../shared/list-criteria.js';
import { documentClient, tableName } from './client.js';
import { KEYS, stripKeys, timeOrdered } from './keys.js';
import { outboxPut } from './outbox.js';
import { queryPage } from './query-page.js';
import { transact, versionedPut } from './transact.js';

const personItem = (p: PersonRecord) => ({
  ...KEYS.person(p.tenant, p.id),
  gsi1pk: KEYS.personsIndex(p.tenant),
  gsi1sk: timeOrdered(p.creation_time, p.id),
  entity: 'PERSON',
  ...p,
});

const businessItem = (b: BusinessRecord) => ({
  ...KEYS.business(b.tenant, b.id),
  gsi1pk: KEYS.businessesIndex(b.tenant),
  gsi1sk: timeOrdered(b.creation_time, b.id),
  entity: 'BUSINESS',
  ...b,
});

const verificationItem = (v: VerificationRecord) => ({
  ...KEYS.verification(v.tenant, v.id),
  gsi1pk: KEYS.verificationsIndex(v.tenant),
  gsi1sk: timeOrdered(v.creation_time, v.id),
  gsi2pk: KEYS.subjectVerificationsIndex(v.tenant, v.subject_id),
  gsi2sk: timeOrdered(v.creation_time, v.id),
  entity: 'VERIFICATION',
  ...v,
});

const get = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key }));
  return Item ? stripKeys<T>(Item) : undefined;
};

const listOf = <T>(partitionValue: string, { filters, ...paging }: ListCriteria, index: 'gsi1' | 'gsi2' = 'gsi1') =>
  queryPage<T>({ index, partitionValue, where: conditionsFrom(filters), ...paging });

export const dynamoCustomerStore: CustomerStore = {
  getPerson: (tenantId, id) => get<PersonRecord>(KEYS.person(tenantId, id)),
  insertPerson: (person, event) => transact('person', [versionedPut(tableName(), personItem(person)), outboxPut(event)]),
  replacePerson: (person, expectedVersion, event) =>
    transact('person', [versionedPut(tableName(), personItem(person), expectedVersion), outboxPut(event)]),
  listPersons: (tenantId, criteria) => listOf<PersonRecord>(KEYS.personsIndex(tenantId), criteria),

  getBusiness: (tenantId, id) => get<BusinessRecord>(KEYS.business(tenantId, id)),
  insertBusiness: (business, event) => transact('business', [versionedPut(tableName(), businessItem(business)), outboxPut(event)]),
  replaceBusiness: (business, expectedVersion, event) =>
    transact('business', [versionedPut(tableName(), businessItem(business), expectedVersion), outboxPut(event)]),
  listBusinesses: (tenantId, criteria) => listOf<BusinessRecord>(KEYS.businessesIndex(tenantId), criteria),

  async saveVerificationRun(run) {
    const subjectItem = run.subjectKind === 'PERSON' ? personItem(run.subject as PersonRecord) : businessItem(run.subject as BusinessRecord);
    await transact(run.subjectKind === 'PERSON' ? 'person' : 'business', [
      versionedPut(tableName(), subjectItem, run.expectedVersion),
      ...run.checks.map((check) => versionedPut(tableName(), verificationItem(check))),
      ...run.superseded.map((old) => ({
        Update: {
          TableName: tableName(),
          Key: KEYS.verification(old.tenant, old.id),
          UpdateExpression: 'SET superseded = :true, last_updated_time = :now',
          ConditionExpression: 'superseded = :false',
          ExpressionAttributeValues: { ':true': true, ':false': false, ':now': run.subject.last_updated_time },
        },
      })),
      ...run.events.map(outboxPut),
      // Accounts the outcome restricts or releases: same transaction, each at the version read.
      ...(run.accountChanges ?? []).flatMap((change) => [versionedPut(tableName(), accountItem(change.account), change.expectedVersion), outboxPut(change.event)]),
    ]);
  },

  accountsHeldBy,

  async currentVerifications(tenantId, subjectId) {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        FilterExpression: 'superseded = :false',
        ExpressionAttributeValues: { ':pk': KEYS.subjectVerificationsIndex(tenantId, subjectId), ':false': false },
      }),
    );
    return Items.map((item) => stripKeys<VerificationRecord>(item));
  },

  getVerification: (tenantId, id) => get<VerificationRecord>(KEYS.verification(tenantId, id)),

  listVerifications: (tenantId, subjectId, criteria) =>
    subjectId
      ? listOf<VerificationRecord>(KEYS.subjectVerificationsIndex(tenantId, subjectId), criteria, 'gsi2')
      : listOf<VerificationRecord>(KEYS.verificationsIndex(tenantId), criteria),
};
