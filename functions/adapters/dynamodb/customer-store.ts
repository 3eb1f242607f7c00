import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { BusinessRecord, PersonRecord, VerificationRecord } from '../../customers/model.js';
import type { BusinessSortField, CustomerStore, CustomerListCriteria, PersonSortField } from '../../customers/ports.js';
import { conditionsFrom } from '../../shared/list-criteria.js';
import { documentClient, tableName } from './client.js';
import { businessItem, personItem, verificationItem } from './customer-items.js';
import { KEYS, stripKeys } from './keys.js';
import { outboxPut } from './outbox.js';
import { queryPage } from './query-page.js';
import { textFilter } from './text-filter.js';
import type { IndexName } from './table-definition.js';
import { transact, versionedPut } from './transact.js';

// Strongly consistent: a create then an immediate GET, PATCH or verify must find the record.
const get = async <T>(key: { pk: string; sk: string }): Promise<T | undefined> => {
  const { Item } = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return Item ? stripKeys<T>(Item) : undefined;
};

const listOf = <T>(
  partitionValue: string,
  { filters, sortBy: _sortBy, ...paging }: CustomerListCriteria<string>,
  index: IndexName = 'gsi1',
) => queryPage<T>({ index, partitionValue, where: conditionsFrom(filters), ...paging });

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

/** The text filters an index answers by name key (keys.ts), most selective first. */
const PERSON_TEXT_INDEXES: Record<string, Order> = {
  email: { index: 'gsi2', partition: KEYS.personsByEmailIndex },
  phone_number: { index: 'gsi6', partition: KEYS.personsByPhoneIndex },
  last_name: PERSON_ORDERS.last_name,
  first_name: PERSON_ORDERS.first_name,
};

const BUSINESS_TEXT_INDEXES: Record<string, Order> = {
  phone_number: { index: 'gsi6', partition: KEYS.businessesByPhoneIndex },
  entity_name: BUSINESS_ORDERS.entity_name,
};

/**
 * One Query per page whatever the filters. A text filter with a key prefix reads just its
 * matches from its field's index when that index gives the requested order: in creation order
 * (within one exact value the name key is ordered by creation_time, then id, as gsi1 is; a `*`
 * filter lists in that field's order, ties by creation time) or ordered by that same field.
 * Otherwise the sort_by index is read and the text filters are checked on each item. The other
 * filters are a FilterExpression either way.
 */
const listIn = <T, S extends string>(
  orders: Record<S, Order>,
  textIndexes: Record<string, Order>,
  tenantId: string,
  criteria: CustomerListCriteria<S>,
) => {
  const { filters, sortBy = 'creation_time' as S, ...paging } = criteria;
  const texts = Object.keys(textIndexes).flatMap((field) => {
    const value = filters[field];
    return typeof value === 'string' ? [textFilter(field, value)] : [];
  });
  const keyed = texts.filter((t) => t.keyPrefix !== undefined && (sortBy === 'creation_time' || sortBy === t.field));
  const chosen = keyed.find((t) => t.exact) ?? keyed[0];
  const { index, partition } = chosen ? textIndexes[chosen.field]! : orders[sortBy];
  const others = Object.fromEntries(Object.entries(filters).filter(([field]) => !Object.hasOwn(textIndexes, field)));
  return queryPage<T>({
    index,
    partitionValue: partition(tenantId),
    ...(chosen ? { sortKeyPrefix: chosen.keyPrefix! } : {}),
    where: conditionsFrom(others),
    ...(texts.length > 0 ? { match: (item: T) => texts.every((t) => t.matches((item as Record<string, unknown>)[t.field])) } : {}),
    ...paging,
  });
};

export const dynamoCustomerStore: CustomerStore = {
  getPerson: (tenantId, id) => get<PersonRecord>(KEYS.person(tenantId, id)),
  insertPerson: (person, event) => transact('person', [versionedPut(tableName(), personItem(person)), outboxPut(event)]),
  replacePerson: (person, expectedVersion, event) =>
    transact('person', [versionedPut(tableName(), personItem(person), expectedVersion), outboxPut(event)]),
  listPersons: (tenantId, criteria) => listIn<PersonRecord, PersonSortField>(PERSON_ORDERS, PERSON_TEXT_INDEXES, tenantId, criteria),

  getBusiness: (tenantId, id) => get<BusinessRecord>(KEYS.business(tenantId, id)),
  insertBusiness: (business, event) => transact('business', [versionedPut(tableName(), businessItem(business)), outboxPut(event)]),
  replaceBusiness: (business, expectedVersion, event) =>
    transact('business', [versionedPut(tableName(), businessItem(business), expectedVersion), outboxPut(event)]),
  listBusinesses: (tenantId, criteria) =>
    listIn<BusinessRecord, BusinessSortField>(BUSINESS_ORDERS, BUSINESS_TEXT_INDEXES, tenantId, criteria),

  async saveVerificationRun(run) {
    const subjectItem =
      run.subjectKind === 'PERSON' ? personItem(run.subject as PersonRecord) : businessItem(run.subject as BusinessRecord);
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
