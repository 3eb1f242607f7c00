// Finicity's Test Drive sandbox: FinBank Profiles – A (institution 102105) with login
// profile_03 / profile_03, its accounts, their owner and transaction history.

export const FINBANK = { institutionId: '102105', username: 'profile_03', password: 'profile_03' } as const;

export const PROFILE_ACCOUNTS = [
  {
    suffix: '01',
    number: '8000008888',
    routing: '091000022',
    name: 'FinBank Checking',
    type: 'checking',
    balance: 1250.5,
    available: 1200.25,
  },
  { suffix: '02', number: '8000009999', routing: '091000022', name: 'FinBank Savings', type: 'savings', balance: 5000, available: 5000 },
  { suffix: '03', number: '4111000011112222', routing: '', name: 'FinBank Card', type: 'creditCard', balance: -321.09, available: 1678.91 },
];

export const OWNER = {
  ownerName: 'Alberta Charleson',
  firstName: 'Alberta',
  lastName: 'Charleson',
  nameClassification: 'person',
  addresses: [
    {
      ownerAddress: '2992 Cameron Road, Malakoff, NY 14236',
      line1: '2992 Cameron Road',
      city: 'Malakoff',
      state: 'NY',
      postalCode: '14236',
      country: 'USA',
    },
  ],
  emails: [{ email: 'accountholder0@example.com', isPrimary: true }],
  phones: [{ phone: '1112223333', type: 'home' }],
};

export const TRANSACTIONS = [
  { suffix: 'a', day: '2026-01-10', amount: -12.34, description: 'STARBUCKS', payee: 'Starbucks', category: 'Coffee Shops' },
  { suffix: 'b', day: '2026-01-15', amount: 500, description: 'PAYROLL ACME', payee: 'Acme', category: 'Paycheck' },
  { suffix: 'c', day: '2026-01-31', amount: -89.4, description: 'UBER', payee: 'Uber', category: 'Rideshare' },
];
