// Customers, persons, businesses and verifications (contract §7, §8), in the one route table (functions/routes.ts).
import { route, type Route } from './route.js';

export const CUSTOMER_ROUTES: readonly Route[] = [
  route('POST', '/v0/customers', 'customers', 'createCustomer', 'customer:write'),
  route('GET', '/v0/customers', 'customers', 'listCustomers', 'customer:read'),
  route('GET', '/v0/customers/{customer_id}', 'customers', 'getCustomer', 'customer:read'),
  route('PATCH', '/v0/customers/{customer_id}', 'customers', 'patchCustomer', 'customer:write'),
  // Full replace (contract §7.1). Synctera declares no Idempotency-Key on it; a repeated PUT
  // of the same body changes nothing the second time anyway.
  route('PUT', '/v0/customers/{customer_id}', 'customers', 'replaceCustomer', 'customer:write'),
  route('POST', '/v0/customers/{customer_id}/verify', 'customers', 'verifyCustomer', 'customer:write'),
  route('GET', '/v0/customers/{customer_id}/verifications', 'customers', 'listCustomerVerifications', 'customer:read'),

  route('POST', '/v0/persons', 'customers', 'createPerson', 'customer:write'),
  route('GET', '/v0/persons', 'customers', 'listPersons', 'customer:read'),
  route('GET', '/v0/persons/{person_id}', 'customers', 'getPerson', 'customer:read'),
  route('PATCH', '/v0/persons/{person_id}', 'customers', 'patchPerson', 'customer:write'),

  route('POST', '/v0/businesses', 'customers', 'createBusiness', 'customer:write'),
  route('GET', '/v0/businesses', 'customers', 'listBusinesses', 'customer:read'),
  route('GET', '/v0/businesses/{business_id}', 'customers', 'getBusiness', 'customer:read'),
  route('PATCH', '/v0/businesses/{business_id}', 'customers', 'patchBusiness', 'customer:write'),

  route('POST', '/v0/verifications/verify', 'customers', 'runVerification', 'customer:write'),
  route('GET', '/v0/verifications', 'customers', 'listVerifications', 'customer:read'),
  route('GET', '/v0/verifications/{verification_id}', 'customers', 'getVerification', 'customer:read'),
];
