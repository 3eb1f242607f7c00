import { describe, expect, it } from 'vitest';
import { businessView, personView } from '../../../functions/customers/views.js';
import { holderDirectoryOver } from '../../../functions/wiring/holder-directory.js';
import { businessRecord, personRecord } from '../customers/records.js';

// The accounts domain reads its holders through its own port; this binding is where customer
// records (and the customers domain's views of them) meet it.

const person = personRecord({ verification_status: 'ACCEPTED' });
const business = businessRecord();
const directory = holderDirectoryOver({
  getPerson: async (tenant, id) => (tenant === person.tenant && id === person.id ? person : undefined),
  getBusiness: async (tenant, id) => (tenant === business.tenant && id === business.id ? business : undefined),
});

describe('holderDirectoryOver', () => {
  it('finds a person or a business by kind, and nothing under the other kind or tenant', async () => {
    expect(await directory.getHolder(person.tenant, 'PERSON', person.id)).toMatchObject({
      kind: 'PERSON',
      record: { id: person.id, verification_status: 'ACCEPTED' },
    });
    expect(await directory.getHolder(business.tenant, 'BUSINESS', business.id)).toMatchObject({
      kind: 'BUSINESS',
      record: { id: business.id },
    });
    expect(await directory.getHolder(person.tenant, 'BUSINESS', person.id)).toBeUndefined();
    expect(await directory.getHolder('tenant_b', 'PERSON', person.id)).toBeUndefined();
  });

  it("draws the holder's resource with a first account's changes as the customers domain does", async () => {
    const changes = { has_accounts: true as const, last_updated_time: '2024-06-01T00:00:00.000Z', version: person.version + 1 };
    const holder = await directory.getHolder(person.tenant, 'PERSON', person.id);
    expect(holder!.resourceWith(changes)).toEqual(personView({ ...person, ...changes }));
    expect(holder!.resourceWith(changes)).toMatchObject({ has_accounts: true, ssn: person.ssn_last_4 });
    const company = await directory.getHolder(business.tenant, 'BUSINESS', business.id);
    expect(company!.resourceWith(changes)).toEqual(businessView({ ...business, ...changes }));
  });
});
