import type { AccountsContext } from '../accounts/context.js';
import { randomAccountNumbers } from '../accounts/numbers.js';
import { dynamoTenantDirectory } from '../adapters/dynamodb/account-directories.js';
import { dynamoProductStore } from '../adapters/dynamodb/account-product-store.js';
import { dynamoAccountStore } from '../adapters/dynamodb/account-store.js';
import { dynamoTemplateStore } from '../adapters/dynamodb/account-template-store.js';
import { dynamoCustomerStore } from '../adapters/dynamodb/customer-store.js';
import type { UseCaseScope } from '../shared/scope.js';
import { holderDirectoryOver } from './holder-directory.js';

// The accounts domain's ports bound to their adapters: the one place an accounts use-case gets
// its context, whoever calls it (an HTTP handler, a workflow step, a queue consumer).

const holders = holderDirectoryOver(dynamoCustomerStore);

export const accountsContext = ({ tenantId, audit, clock }: UseCaseScope): AccountsContext => ({
  tenantId,
  audit,
  clock,
  accounts: dynamoAccountStore,
  templates: dynamoTemplateStore,
  products: dynamoProductStore,
  holders,
  tenants: dynamoTenantDirectory,
  numbers: randomAccountNumbers,
});
