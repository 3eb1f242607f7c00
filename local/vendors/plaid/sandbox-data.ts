// The fake Plaid's fixed sandbox world, after Plaid's own sandbox conventions: user_good /
// pass_good, First Platypus Bank's accounts, the same-day micro-deposit account and code ABC,
// the identity of Plaid's test user. Bankline additions (docs/external-accounts.md lists them):
//   - password `error_<PLAID_CODE>` with user_good: the item's data calls fail with that code;
//   - `ins_slow` (Tortoise Bank) never answers in time; `ins_failing` (Broken Bank) answers 500;
//   - username `user_micro_deposit`: a same-day micro-deposit item without Link.

export interface SandboxAccount {
  account_id_suffix: string;
  name: string;
  official_name: string;
  type: 'depository' | 'credit' | 'investment';
  subtype: string;
  mask: string;
  account?: string;
  routing?: string;
  wire_routing?: string;
  available: number | null;
  current: number;
  limit: number | null;
}

export interface Institution {
  institution_id: string;
  name: string;
  accounts: SandboxAccount[];
  behaviour?: 'slow' | 'failing';
}

const PLATYPUS_ACCOUNTS: SandboxAccount[] = [
  {
    account_id_suffix: 'chk',
    name: 'Plaid Checking',
    official_name: 'Plaid Gold Standard 0% Interest Checking',
    type: 'depository',
    subtype: 'checking',
    mask: '0000',
    account: '1111222233330000',
    routing: '011401533',
    wire_routing: '021000021',
    available: 100,
    current: 110,
    limit: null,
  },
  {
    account_id_suffix: 'sav',
    name: 'Plaid Saving',
    official_name: 'Plaid Silver Standard 0.1% Interest Saving',
    type: 'depository',
    subtype: 'savings',
    mask: '1111',
    account: '1111222233331111',
    routing: '011401533',
    wire_routing: '021000021',
    available: 200,
    current: 210,
    limit: null,
  },
  {
    account_id_suffix: 'cc',
    name: 'Plaid Credit Card',
    official_name: 'Plaid Diamond 12.5% APR Interest Credit Card',
    type: 'credit',
    subtype: 'credit card',
    mask: '3333',
    available: null,
    current: 410,
    limit: 2000,
  },
];

export const INSTITUTIONS: readonly Institution[] = [
  { institution_id: 'ins_109508', name: 'First Platypus Bank', accounts: PLATYPUS_ACCOUNTS },
  { institution_id: 'ins_109512', name: 'Houndstooth Bank', accounts: PLATYPUS_ACCOUNTS.slice(0, 2) },
  { institution_id: 'ins_slow', name: 'Tortoise Bank (never answers in time)', accounts: PLATYPUS_ACCOUNTS.slice(0, 1), behaviour: 'slow' },
  { institution_id: 'ins_failing', name: 'Broken Bank (answers 500)', accounts: PLATYPUS_ACCOUNTS.slice(0, 1), behaviour: 'failing' },
];

/** Same-day micro-deposits (Plaid's sandbox values). */
export const MICRO_DEPOSIT = { routing: '110000000', account: '1111222233330000', code: 'ABC', username: 'user_micro_deposit' } as const;

export const GOOD_USER = { username: 'user_good', password: 'pass_good', microdeposits_password: 'microdeposits_good' } as const;

/** Plaid's sandbox identity for its test user. */
export const SANDBOX_OWNER = {
  names: ['Alberta Bobbeth Charleson'],
  phone_numbers: [{ data: '1112223333', primary: false, type: 'home' }],
  emails: [{ data: 'accountholder0@example.com', primary: true, type: 'primary' }],
  addresses: [
    { data: { street: '2992 Cameron Road', city: 'Malakoff', region: 'NY', postal_code: '14236', country: 'US' }, primary: true },
  ],
};

/** Transactions per account kind, in Plaid's sign (positive = money out). Fixed dates, so tests pick exact windows. */
export const SANDBOX_TRANSACTIONS = [
  {
    suffix: 't1',
    date: '2026-01-10',
    amount: 12.34,
    name: 'Starbucks',
    merchant_name: 'Starbucks',
    channel: 'in store',
    pending: false,
    category: ['Food and Drink', 'Coffee'],
  },
  {
    suffix: 't2',
    date: '2026-01-15',
    amount: -500,
    name: 'PAYROLL ACME',
    merchant_name: null,
    channel: 'other',
    pending: false,
    category: ['Transfer', 'Payroll'],
  },
  {
    suffix: 't3',
    date: '2026-01-31',
    amount: 89.4,
    name: 'Uber 072515 SF**POOL**',
    merchant_name: 'Uber',
    channel: 'online',
    pending: false,
    category: ['Travel', 'Taxi'],
  },
  {
    suffix: 't4',
    date: '2026-02-01',
    amount: 6.33,
    name: 'Lyft',
    merchant_name: 'Lyft',
    channel: 'online',
    pending: true,
    category: ['Travel', 'Taxi'],
  },
] as const;

/** Error codes the fake can force (password error_<CODE>), with Plaid's type and message. */
export const FORCIBLE_ERRORS: Readonly<Record<string, { type: string; message: string }>> = {
  ITEM_LOGIN_REQUIRED: {
    type: 'ITEM_ERROR',
    message:
      "the login details of this item have changed (credentials, MFA, or required user action) and a user login is required to update this information. use Link's update mode to restore the item to a good state",
  },
  INSTITUTION_NOT_RESPONDING: {
    type: 'INSTITUTION_ERROR',
    message: 'this institution is not currently responding to this request. please try again soon',
  },
  INSTITUTION_DOWN: {
    type: 'INSTITUTION_ERROR',
    message: 'this institution is not currently responding to this request. please try again soon',
  },
  NO_AUTH_ACCOUNTS: { type: 'ITEM_ERROR', message: 'There are no valid checking or savings account(s) associated with this Item.' },
  PRODUCTS_NOT_SUPPORTED: { type: 'ITEM_ERROR', message: 'this product is not supported for this item' },
  PRODUCT_NOT_READY: {
    type: 'ITEM_ERROR',
    message: 'the requested product is not yet ready. please provide a webhook or try the request again later',
  },
  ITEM_LOCKED: {
    type: 'ITEM_ERROR',
    message: 'the account is locked. prompt the user to visit the institution’s site and unlock their account',
  },
  NO_ACCOUNTS: { type: 'ITEM_ERROR', message: 'no valid accounts were found for this item' },
};
