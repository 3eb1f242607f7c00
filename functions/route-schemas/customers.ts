// The customer, person, business and verification routes' entries of the route schema registry (functions/route-schemas.ts).
import * as customerRequests from '../customers/schemas.js';
import * as c from '../customers/response-schemas.js';
import { businessListQuery } from '../http/customers/business-operations.js';
import { customerListQuery, personListQuery } from '../http/customers/person-operations.js';
import { verificationListQuery } from '../http/customers/verification-operations.js';
import type { RouteSchemas } from './entry.js';

export const CUSTOMER_SCHEMAS: Readonly<Record<string, RouteSchemas>> = {
  // Customers, persons, businesses, verifications (contract §7, §8).
  createCustomer: { body: customerRequests.createPersonSchema, responses: { 201: c.customerResponseSchema } },
  listCustomers: { query: customerListQuery, responses: { 200: c.customerListSchema } },
  getCustomer: { responses: { 200: c.customerResponseSchema } },
  patchCustomer: { body: customerRequests.patchPersonSchema, responses: { 200: c.customerResponseSchema } },
  replaceCustomer: { body: customerRequests.replacePersonSchema, responses: { 200: c.customerResponseSchema } },
  verifyCustomer: { body: customerRequests.legacyVerifyRequestSchema, responses: { 200: c.legacyVerifyResponseSchema } },
  listCustomerVerifications: { responses: { 200: c.legacyVerificationListSchema } },
  createPerson: { body: customerRequests.createPersonSchema, responses: { 201: c.personResponseSchema } },
  listPersons: { query: personListQuery, responses: { 200: c.personListSchema } },
  getPerson: { responses: { 200: c.personResponseSchema } },
  patchPerson: { body: customerRequests.patchPersonSchema, responses: { 200: c.personResponseSchema } },
  createBusiness: { body: customerRequests.createBusinessSchema, responses: { 201: c.businessResponseSchema } },
  listBusinesses: { query: businessListQuery, responses: { 200: c.businessListSchema } },
  getBusiness: { responses: { 200: c.businessResponseSchema } },
  patchBusiness: { body: customerRequests.patchBusinessSchema, responses: { 200: c.businessResponseSchema } },
  runVerification: { body: customerRequests.verifyRequestSchema, responses: { 201: c.verifyResponseSchema } },
  listVerifications: { query: verificationListQuery, responses: { 200: c.verificationListSchema } },
  getVerification: { responses: { 200: c.verificationResponseSchema } },
};
