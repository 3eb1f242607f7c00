// In-memory ports for use-case tests: just enough behaviour to drive the rules, and a log of
// what would have been written.
import type { AccountsContext } from '../../../functions/accounts/context.js';
import type { AccountRecord, InterestProductRecord, TemplateRecord } from '../../../functions/accounts/model.js';
import type { AccountCreation, AccountStore, ProductStore, TemplateStore } from '../../../functions/accounts/ports.js';
import type { BusinessRecord, PersonRecord } from '../../../functions/customers/model.js';
import { holderDirectoryOver } from '../../../functions/wiring/holder-directory.js';
import { NOW, TENANT } from './records.js';

export interface Fakes {
  ctx: AccountsContext;
  created: AccountCreation[];
  accounts: Map<string, AccountRecord>;
  /** Called before each createAccount; throw to simulate a lost claim or race. */
  onCreate: (creation: AccountCreation, attempt: number) => void;
}

const unused = (): never => {
  throw new Error('not used by this test');
};

export const fakes = (options: {
  persons?: PersonRecord[];
  businesses?: BusinessRecord[];
  templates?: TemplateRecord[];
  products?: InterestProductRecord[];
  numbers?: string[];
}): Fakes => {
  const accounts = new Map<string, AccountRecord>();
  const created: AccountCreation[] = [];
  const numbers = [...(options.numbers ?? [])];
  let attempt = 0;
  const state: Fakes = { ctx: undefined as unknown as AccountsContext, created, accounts, onCreate: () => undefined };
  const accountStore: AccountStore = {
    getAccount: async (_t, id) => accounts.get(id),
    createAccount: async (creation) => {
      attempt += 1;
      state.onCreate(creation, attempt);
      created.push(creation);
      accounts.set(creation.account.id, creation.account);
    },
    replaceAccount: unused,
    listAccounts: unused,
    getRelationship: unused,
    relationshipsOf: unused,
    listRelationships: unused,
    saveRelationshipChange: unused,
    heldAccountIds: unused,
    saveKycChanges: unused,
  };
  const templates: TemplateStore = {
    getTemplate: async (_t, id) => options.templates?.find((t) => t.id === id),
    templatesOfType: async (_t, type) => (options.templates ?? []).filter((t) => t.template.account_type === type),
    insertTemplate: unused,
    replaceTemplate: unused,
    deleteTemplate: unused,
    listTemplates: unused,
  };
  const products: ProductStore = {
    getProduct: async (_t, id) => options.products?.find((p) => p.id === id),
    insertProduct: unused,
    replaceProduct: unused,
    listProducts: unused,
  };
  state.ctx = {
    tenantId: TENANT,
    audit: { request_id: 'r', api_key_id: 'k', method: 'POST', path: '/v0/accounts' },
    clock: { now: () => new Date(NOW) },
    accounts: accountStore,
    templates,
    products,
    holders: holderDirectoryOver({
      getPerson: async (_t, id) => options.persons?.find((p) => p.id === id),
      getBusiness: async (_t, id) => options.businesses?.find((b) => b.id === id),
    }),
    tenants: { bankRouting: async () => '021000021' },
    numbers: { next: (prefix) => numbers.shift() ?? `${prefix}000000001` },
  };
  return state;
};
