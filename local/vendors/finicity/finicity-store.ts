import { FinicityError } from './finicity-error.js';
import { FINBANK, PROFILE_ACCOUNTS } from './test-drive-data.js';

// The fake's in-memory state: testing customers and the FinBank accounts they linked, the lookups
// every call makes (failing as Finicity does), and how an account appears on the wire.

export interface Account {
  id: string;
  number: string;
  routing: string;
  name: string;
  type: string;
  balance: number;
  available: number;
}

export interface Customer {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  createdDate: number;
  accounts: Account[];
}

/** One endpoint: a method and a path pattern whose groups the handler reads. */
export type FinicityRoute = {
  method: string;
  pattern: RegExp;
  run: (m: string[], body: Record<string, unknown>, query: URLSearchParams) => [number, unknown];
};

export type FinicityStore = ReturnType<typeof createFinicityStore>;

export const accountView = (c: Customer, a: Account) => ({
  id: a.id,
  number: `xxxx${a.number.slice(-4)}`,
  accountNumberDisplay: a.number.slice(-4),
  realAccountNumberLast4: a.number.slice(-4),
  name: a.name,
  balance: a.balance,
  type: a.type,
  status: 'active',
  customerId: c.id,
  institutionId: FINBANK.institutionId,
  institutionLoginId: Number(`${c.id}9`),
  currency: 'USD',
  createdDate: c.createdDate,
  aggregationStatusCode: 0,
});

export const createFinicityStore = () => {
  const customers = new Map<string, Customer>();
  let nextId = 1_000_000;

  const customerOf = (id: string | undefined) => {
    const c = id ? customers.get(id) : undefined;
    if (!c) throw new FinicityError(404, 14001, 'Customer not found.');
    return c;
  };
  const accountOf = (c: Customer, id: string | undefined) => {
    const a = c.accounts.find((x) => x.id === id);
    if (!a) throw new FinicityError(404, 38000, 'Account not found.');
    return a;
  };

  /** A customer links FinBank with the Test Drive login: all its profile accounts, once each. */
  const link = (customerId: string, institutionId: string, username: unknown, password: unknown) => {
    const c = customerOf(customerId);
    if (institutionId !== FINBANK.institutionId)
      throw new FinicityError(400, 10000, `Test Drive customers can only link FinBank profiles (${FINBANK.institutionId})`);
    if (username !== FINBANK.username || password !== FINBANK.password) throw new FinicityError(400, 103, 'Invalid credentials');
    for (const p of PROFILE_ACCOUNTS) {
      const id = `${c.id}${p.suffix}`;
      if (!c.accounts.some((a) => a.id === id))
        c.accounts.push({
          id,
          number: p.number,
          routing: p.routing,
          name: p.name,
          type: p.type,
          balance: p.balance,
          available: p.available,
        });
    }
    return c.accounts.map((a) => accountView(c, a));
  };

  return { customers, nextCustomerId: () => String((nextId += 1)), customerOf, accountOf, link };
};
