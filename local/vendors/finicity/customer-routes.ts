import { randomBytes } from 'node:crypto';
import { FinicityError } from './finicity-error.js';
import type { Customer, FinicityRoute, FinicityStore } from './finicity-store.js';
import { FINBANK } from './test-drive-data.js';

// Customers and linking: create, find and delete testing customers, generate a Connect link, and
// the headless `accounts/addall` that links FinBank without Connect.

export const customerRoutes = (store: FinicityStore, connect: { partnerId: string; url: () => string }): FinicityRoute[] => [
  {
    method: 'POST',
    pattern: /^\/aggregation\/v2\/customers\/(testing|active)$/,
    run: (_m, body) => {
      if (typeof body.username !== 'string' || !body.username) throw new FinicityError(400, 10000, 'username is required');
      if ([...store.customers.values()].some((c) => c.username === body.username))
        throw new FinicityError(409, 11000, 'A username already exists.');
      const customer: Customer = {
        id: store.nextCustomerId(),
        username: body.username,
        firstName: String(body.firstName ?? ''),
        lastName: String(body.lastName ?? ''),
        createdDate: Math.floor(Date.now() / 1000),
        accounts: [],
      };
      store.customers.set(customer.id, customer);
      return [201, { id: customer.id, username: customer.username, createdDate: String(customer.createdDate) }];
    },
  },
  {
    method: 'GET',
    pattern: /^\/aggregation\/v1\/customers$/,
    run: (_m, _b, q) => {
      const found = [...store.customers.values()].filter((c) => !q.get('username') || c.username === q.get('username'));
      return [
        200,
        { found: found.length, displaying: found.length, moreAvailable: false, customers: found.map(({ accounts: _, ...c }) => c) },
      ];
    },
  },
  {
    method: 'DELETE',
    pattern: /^\/aggregation\/v1\/customers\/([^/]+)$/,
    run: (m) => {
      store.customerOf(m[1]);
      store.customers.delete(m[1] as string);
      return [204, undefined];
    },
  },
  {
    method: 'POST',
    pattern: /^\/connect\/v2\/generate$/,
    run: (_m, body) => {
      if (body.partnerId !== connect.partnerId) throw new FinicityError(400, 10000, 'partnerId does not match');
      const c = store.customerOf(String(body.customerId));
      return [
        200,
        {
          link: `${connect.url()}/connect?customerId=${c.id}&partnerId=${connect.partnerId}&signature=${randomBytes(16).toString('hex')}`,
        },
      ];
    },
  },
  {
    method: 'POST',
    pattern: /^\/aggregation\/v1\/customers\/([^/]+)\/institutions\/([^/]+)\/accounts\/addall$/,
    run: (m, body) => {
      const credentials = (body.credentials ?? []) as { name?: string; value?: string; id?: string }[];
      const user = credentials.find((x) => /userid/i.test(x.name ?? '') || x.id === `${FINBANK.institutionId}001`)?.value;
      const pass = credentials.find((x) => /password/i.test(x.name ?? '') || x.id === `${FINBANK.institutionId}002`)?.value;
      return [200, { accounts: store.link(m[1] as string, m[2] as string, user, pass) }];
    },
  },
];
