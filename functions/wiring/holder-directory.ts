import type { Holder, HolderDirectory } from '../accounts/ports.js';
import type { BusinessRecord, PersonRecord } from '../customers/model.js';
import type { CustomerStore } from '../customers/ports.js';
import { businessView, personView } from '../customers/views.js';

// The customers domain's persons and businesses as the accounts domain sees its holders.
// Neither domain imports the other; this is where they meet.

export const personHolder = (record: PersonRecord): Holder => ({
  kind: 'PERSON',
  record,
  resourceWith: (changes) => personView({ ...record, ...changes }),
});

export const businessHolder = (record: BusinessRecord): Holder => ({
  kind: 'BUSINESS',
  record,
  resourceWith: (changes) => businessView({ ...record, ...changes }),
});

export const holderDirectoryOver = (store: Pick<CustomerStore, 'getPerson' | 'getBusiness'>): HolderDirectory => ({
  async getHolder(tenantId, kind, id) {
    if (kind === 'PERSON') {
      const person = await store.getPerson(tenantId, id);
      return person && personHolder(person);
    }
    const business = await store.getBusiness(tenantId, id);
    return business && businessHolder(business);
  },
});
