import type { OwnerDirectory } from '../../external-accounts/ports.js';
import { dynamoCustomerStore } from './customer-store.js';

// What external accounts read of their owner, through the customers' own store (one strongly
// consistent GetItem), as the snapshot owner verification compares.

const addressOf = (a: { address_line_1?: string; postal_code?: string } | undefined) =>
  a?.address_line_1 && a.postal_code ? { address: { street: a.address_line_1, postal_code: a.postal_code } } : {};

export const dynamoOwnerDirectory: OwnerDirectory = {
  async find(tenantId, owner) {
    if (owner.kind === 'PERSON') {
      const p = await dynamoCustomerStore.getPerson(tenantId, owner.id);
      if (!p) return undefined;
      const name = [p.first_name, p.last_name].filter(Boolean).join(' ');
      return {
        owner,
        names: name ? [name] : [],
        ...(p.email ? { email: p.email } : {}),
        ...(p.phone_number ? { phone_number: p.phone_number } : {}),
        ...addressOf(p.legal_address),
      };
    }
    const b = await dynamoCustomerStore.getBusiness(tenantId, owner.id);
    if (!b) return undefined;
    return {
      owner,
      names: b.entity_name ? [b.entity_name] : [],
      ...(b.email ? { email: b.email } : {}),
      ...(b.phone_number ? { phone_number: b.phone_number } : {}),
      ...addressOf(b.legal_address),
    };
  },
};
