import { accountOperations } from './accounts/account-operations.js';
import { productOperations } from './accounts/product-operations.js';
import { relationshipOperations } from './accounts/relationship-operations.js';
import { templateOperations } from './accounts/template-operations.js';
import { createDomainHandler } from './create-domain-handler.js';

// Accounts domain Lambda: accounts, their relationships, account templates and products.
// `/v2` routes use the same operations; the path decides which superset fields are returned.
export const handler = createDomainHandler('accounts', {
  createAccount: accountOperations.create,
  listAccounts: accountOperations.list,
  getAccount: accountOperations.get,
  patchAccount: accountOperations.patch,
  createAccountV2: accountOperations.create,
  listAccountsV2: accountOperations.list,
  getAccountV2: accountOperations.get,
  patchAccountV2: accountOperations.patch,

  listAccountRelationships: relationshipOperations.list,
  createAccountRelationship: relationshipOperations.add,
  getAccountRelationship: relationshipOperations.get,
  updateAccountRelationship: relationshipOperations.put,
  deleteAccountRelationship: relationshipOperations.remove,
  listAccountRelationshipsV2: relationshipOperations.list,
  createAccountRelationshipV2: relationshipOperations.add,
  getAccountRelationshipV2: relationshipOperations.get,
  updateAccountRelationshipV2: relationshipOperations.put,
  deleteAccountRelationshipV2: relationshipOperations.remove,

  createAccountTemplate: templateOperations.create,
  listAccountTemplates: templateOperations.list,
  getAccountTemplate: templateOperations.get,
  updateAccountTemplate: templateOperations.put,
  patchAccountTemplate: templateOperations.patch,
  deleteAccountTemplate: templateOperations.remove,
  createAccountTemplateV2: templateOperations.create,
  listAccountTemplatesV2: templateOperations.list,
  getAccountTemplateV2: templateOperations.get,
  updateAccountTemplateV2: templateOperations.put,
  patchAccountTemplateV2: templateOperations.patch,
  deleteAccountTemplateV2: templateOperations.remove,

  createAccountProduct: productOperations.create,
  listAccountProducts: productOperations.list,
  patchAccountProduct: productOperations.patch,
  createAccountProductV2: productOperations.create,
  listAccountProductsV2: productOperations.list,
  patchAccountProductV2: productOperations.patch,
});
