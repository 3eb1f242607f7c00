import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { BusinessRecord, PersonRecord, VerificationRecord } from '../../customers/model.js';
import type { BusinessSortField, CustomerStore, CustomerListCriteria, PersonSortField } from '../../customers/ports.js';
import { conditionsFrom } from '../../shared/list-criteria.js';
import { documentClient, tableName } from './client.js';
import { businessItem, personItem, verificationItem } from './customer-items.js';
import { KEYS, stripKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { queryPage } from './query-page.js';
import type { IndexName } from './table-definition.js';
import { transact, versionedPut } from './transact.js';

// Strongly consistent: a create then an immediate GET, PATCH or verify must find the record.
const get = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? stripKeys<T>(Item) : undefined;
};

const listOf = <T>(partitionValue: string, { filters, sortBy: _sortBy, ...paging }: CustomerListCriteria<string>, index: IndexName = 'gsi1') =>
  queryPage<T>({ index, partitionValue, where: conditionsFrom(filters), ...paging });

/** Each sort_by field is the sort key of one index; the list is one Query on it, either direction. */
interface Order {
  index: IndexName;
  partition: (tenantId: string) => string;
}

const PERSON_ORDERS: Record<PersonSortField, Order> = {
  creation_time: { index: 'gsi1', partition: KEYS.personsIndex },
  last_name: { index: 'gsi3', partition: KEYS.personsByLastNameIndex },
  first_name: { index: 'gsi4', partition: KEYS.personsByFirstNameIndex },
  last_updated_time: { index: 'gsi5', partition: KEYS.personsByLastUpdatedIndex },
};

const BUSINESS_ORDERS: Record<BusinessSortField, Order> = {
  creation_time: { index: 'gsi1', partition: KEYS.businessesIndex },
  entity_name: { index: 'gsi3', partition: KEYS.businessesByEntityNameIndex },
  last_updated_time: { index: 'gsi5', partition: KEYS.businessesByLastUpdatedIndex },
};

const listIn = <T, S extends string>(orders: Record<S, Order>, tenantId: string, criteria: CustomerListCriteria<S>) => {
  const { index, partition } = orders[criteria.sortBy ?? ('creation_time' as S)];
  return listOf<T>(partition(tenantId), criteria, index);
};

export const dynamoCustomerStore: CustomerStore = {
  getPerson: (tenantId, id) => get<PersonRecord>(KEYS.person(tenantId, id)),
  insertPerson: (person, event) => transact('person', [versionedPut(tableName(), personItem(person)), outboxPut(event)]),
  replacePerson: (person, expectedVersion, event) =>
    transact('person', [versionedPut(tableName(), personItem(person), expectedVersion), outboxPut(event)]),
  listPersons: (tenantId, criteria) => listIn<PersonRecord, PersonSortField>(PERSON_ORDERS, tenantId, criteria),

  getBusiness: (tenantId, id) => get<BusinessRecord>(KEYS.business(tenantId, id)),
  insertBusiness: (business, event) => transact('business', [versionedPut(tableName(), businessItem(business)), outboxPut(event)]),
  replaceBusiness: (business, expectedVersion, event) =>
    transact('business', [versionedPut(tableName(), businessItem(business), expectedVersion), outboxPut(event)]),
  listBusinesses: (tenantId, criteria) => listIn<BusinessRecord, BusinessSortField>(BUSINESS_ORDERS, tenantId, criteria),

  async saveVerificationRun(run) {
    const subjectItem = run.subjectKind === 'PERSON' ? personItem(run.subject as PersonRecord) : businessItem(run.subject as BusinessRecord);
    await transact(run.subjectKind === 'PERSON' ? 'person' : 'business', [
      versionedPut(tableName(), subjectItem, run.expectedVersion),
      ...run.checks.map((check) => versionedPut(tableName(), verificationItem(check))),
      // The subject's version condition makes this exactly the previous run's set.
      ...run.supersededIds.map((id) => ({
        Update: {
          TableName: tableName(),
          Key: KEYS.verification(run.subject.tenant, id),
          UpdateExpression: 'SET superseded = :true, last_updated_time = :now',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':true': true, ':now': run.subject.last_updated_time },
        },
      })),
      ...run.events.map(outboxPut),
    ]);
  },

  getVerification: (tenantId, id) => get<VerificationRecord>(KEYS.verification(tenantId, id)),

  listVerifications: (tenantId, subjectId, criteria) =>
    subjectId
      ? listOf<VerificationRecord>(KEYS.subjectVerificationsIndex(tenantId, subjectId), criteria, 'gsi2')
      : listOf<VerificationRecord>(KEYS.verificationsIndex(tenantId), criteria),
};
