import { PlaidError } from './plaid-error.js';
import type { Item } from './plaid-store.js';
import { FORCIBLE_ERRORS, GOOD_USER, INSTITUTIONS, MICRO_DEPOSIT, type SandboxAccount } from './sandbox-data.js';

// Plaid's sandbox credentials: which institution, which login works, and what kind of item each
// username and password gives (plain, micro-deposit, or one that fails with a forced error).

export const institution = (id: string | undefined) => {
  const found = INSTITUTIONS.find((i) => i.institution_id === id);
  if (!found) throw new PlaidError(400, 'INVALID_INPUT', 'INVALID_INSTITUTION', `institution ${id} does not exist`);
  return found;
};

/** Login at an institution with sandbox credentials: what kind of item it gives. */
export const login = (username: string | undefined, password: string | undefined): Partial<Item> => {
  if (username === MICRO_DEPOSIT.username) return { micro: { pending: true, attempts: 0, automated: false } };
  if (username !== GOOD_USER.username)
    throw new PlaidError(
      400,
      'ITEM_ERROR',
      'INVALID_CREDENTIALS',
      'the provided credentials were not correct',
      'The provided credentials were not correct. Please try again.',
    );
  if (password === GOOD_USER.password) return {};
  if (password === GOOD_USER.microdeposits_password) return { micro: { pending: true, attempts: 0, automated: true } };
  const forced = password?.startsWith('error_') ? password.slice('error_'.length) : undefined;
  if (forced && FORCIBLE_ERRORS[forced]) return { forced };
  throw new PlaidError(
    400,
    'ITEM_ERROR',
    'INVALID_CREDENTIALS',
    'the provided credentials were not correct',
    'The provided credentials were not correct. Please try again.',
  );
};

export const microAccounts = (routing: string = MICRO_DEPOSIT.routing, account: string = MICRO_DEPOSIT.account): SandboxAccount[] => [
  {
    account_id_suffix: 'mdp',
    name: 'Checking',
    official_name: 'Checking',
    type: 'depository',
    subtype: 'checking',
    mask: account.slice(-4),
    account,
    routing,
    available: 500,
    current: 500,
    limit: null,
  },
];
