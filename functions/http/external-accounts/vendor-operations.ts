import { deleteExternalAccount } from '../../external-accounts/external-accounts.js';
import { deletedView } from '../../external-accounts/views.js';
import { ApiError } from '../api-error.js';
import { ok, type Operation, scopeOf } from '../api-request.js';
import { externalAccountsContext } from '../../wiring/external-accounts.js';
import { externalAccountIdOf } from './account-operations.js';

const notYet: Operation = async () => {
  throw new ApiError(404, 'NOT_FOUND', 'not implemented yet');
};

const remove: Operation = async (request) => {
  const { account } = await deleteExternalAccount(externalAccountsContext(scopeOf(request)), externalAccountIdOf(request));
  return ok(deletedView(account));
};

export const vendorOperations = {
  remove,
  linkToken: notYet,
  accessToken: notYet,
  addAccounts: notYet,
  syncAccounts: notYet,
  balance: notYet,
  transactions: notYet,
  refresh: notYet,
};
