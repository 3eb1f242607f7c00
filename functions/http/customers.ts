import { businessOperations } from './customers/business-operations.js';
import { personOperations } from './customers/person-operations.js';
import {
  getVerificationOperation,
  listCustomerVerificationsOperation,
  listVerificationsOperation,
  runVerificationOperation,
  verifyCustomerOperation,
} from './customers/verification-operations.js';
import { createDomainHandler } from './create-domain-handler.js';

// Customers domain Lambda: customers, persons (same records), businesses and verifications.
const customers = personOperations('customer', 'customer_id', 'customers');
const persons = personOperations('person', 'person_id', 'persons');

export const handler = createDomainHandler('customers', {
  createCustomer: customers.create,
  listCustomers: customers.list,
  getCustomer: customers.get,
  patchCustomer: customers.patch,
  replaceCustomer: customers.replace,
  verifyCustomer: verifyCustomerOperation,
  listCustomerVerifications: listCustomerVerificationsOperation,
  createPerson: persons.create,
  listPersons: persons.list,
  getPerson: persons.get,
  patchPerson: persons.patch,
  ...businessOperations,
  runVerification: runVerificationOperation,
  listVerifications: listVerificationsOperation,
  getVerification: getVerificationOperation,
});
