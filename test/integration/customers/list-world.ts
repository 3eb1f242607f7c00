import { expect } from 'vitest';
import { type ApiClient, clientFor, personBody } from '../../helpers/api.js';
import { createTestTenants, type TestTenant } from '../../helpers/tenants.js';

// Shared data of the customer list suites: five customers in a tenant of their own, so every list
// is exactly this data, and a second tenant that must never see them.

export interface ListWorld {
  lists: ApiClient;
  otherTenant: TestTenant;
  people: Record<string, any>;
}

/** Alice, Bob, Carol, Dave and Erin, created in that order; `tag` makes their emails unique. */
export const newListWorld = async (tag: string): Promise<ListWorld> => {
  const [listTenant, otherTenant] = await createTestTenants(2, 'lists');
  const lists = clientFor(listTenant.key);
  const people: Record<string, any> = {};
  const specs: Record<string, Record<string, unknown>> = {
    alice: {
      first_name: 'Alice',
      last_name: 'Smith',
      email: `alice.${tag}@example.com`,
      phone_number: '+14155550101',
      ssn: '111-11-1111',
      status: 'ACTIVE',
    },
    bob: {
      first_name: 'Bob',
      last_name: 'Smith',
      email: `bob.${tag}@example.com`,
      phone_number: '+14155550102',
      ssn: '222-22-2222',
      status: 'PROSPECT',
    },
    carol: {
      first_name: 'Carol',
      last_name: 'Jones',
      email: `carol.${tag}@example.com`,
      phone_number: '+14155550103',
      ssn: '333-33-3333',
      status: 'ACTIVE',
    },
    dave: {
      first_name: 'Dave',
      last_name: 'Brown',
      email: `dave.${tag}@example.com`,
      phone_number: '+14155550104',
      ssn: '444-44-4444',
      status: 'FROZEN',
    },
    erin: {
      first_name: 'Erin',
      last_name: 'Smith',
      email: `erin.${tag}@example.com`,
      phone_number: '+14155550105',
      ssn: '555-55-5555',
      status: 'ACTIVE',
    },
  };
  // Sequential, so creation times are ordered as listed.
  for (const [name, spec] of Object.entries(specs)) {
    const res = await lists.post('/v0/customers', personBody(spec));
    expect(res.status).toBe(201);
    people[name] = res.body;
  }
  return { lists, otherTenant, people };
};

/** The ids of a customers list response, in its order. */
export const customerIds = (res: { body: any }): string[] => res.body.customers.map((c: any) => c.id);

/** The ids of the named people, in creation order: what an oldest-first list answers. */
export const idsInCreationOrder = (people: Record<string, any>, ...names: string[]): string[] =>
  names
    .map((n) => people[n])
    .sort(byCreation)
    .map((p) => p.id);

/** Creation order, ties by id (two creates can share a millisecond). */
export const byCreation = (a: any, b: any) =>
  a.creation_time === b.creation_time ? (a.id < b.id ? -1 : 1) : a.creation_time < b.creation_time ? -1 : 1;
