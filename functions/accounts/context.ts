import type { Clock } from '../shared/clock.js';
import type { UseCaseScope } from '../shared/scope.js';
import type { AccountNumberSource } from './numbers.js';
import type { AccountStore, HolderDirectory, ProductStore, TemplateStore, TenantDirectory } from './ports.js';

/** Everything an accounts use-case needs from the outside, passed in so tests can supply it. */
export interface AccountsContext extends UseCaseScope {
  accounts: AccountStore;
  templates: TemplateStore;
  products: ProductStore;
  holders: HolderDirectory;
  tenants: TenantDirectory;
  numbers: AccountNumberSource;
}

export const todayOf = (ctx: { clock: Clock }): string => ctx.clock.now().toISOString().slice(0, 10);
