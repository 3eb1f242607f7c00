import { describe, expect, it } from 'vitest';
import { newBusiness, patchBusiness } from '../../../functions/customers/business-rules.js';
import { NOW, businessRecord } from './records.js';

const META = { id: 'new-business-id', tenant: 'tenant_a', now: NOW };
const LATER = '2024-05-02T08:00:00.000Z';
const hq = { address_line_1: '500 Market St', country_code: 'US' };

describe('newBusiness', () => {
  it('starts at version 1, unverified, with the given id, tenant and times', () => {
    expect(newBusiness({ status: 'PROSPECT', is_customer: true, entity_name: 'Acme' }, META)).toEqual({
      id: 'new-business-id',
      tenant: 'tenant_a',
      status: 'PROSPECT',
      is_customer: true,
      entity_name: 'Acme',
      has_accounts: false,
      verification_status: 'UNVERIFIED',
      creation_time: NOW,
      last_updated_time: NOW,
      version: 1,
    });
  });

  it('stores the legal address with an id and type LEGAL', () => {
    const business = newBusiness({ status: 'ACTIVE', is_customer: false, legal_address: hq }, META);
    expect(business.legal_address).toMatchObject({ ...hq, address_type: 'LEGAL' });
    expect(business.legal_address!.id).toBeTruthy();
  });

  it('copies the optional descriptive fields', () => {
    const business = newBusiness(
      {
        status: 'ACTIVE',
        is_customer: true,
        ein: '12-3456789',
        structure: 'LLC',
        trade_names: ['Acme'],
        compliance_restrictions: ['LICENSED_CANNABIS'],
      },
      META,
    );
    expect(business).toMatchObject({
      ein: '12-3456789',
      structure: 'LLC',
      trade_names: ['Acme'],
      compliance_restrictions: ['LICENSED_CANNABIS'],
    });
  });
});

describe('patchBusiness', () => {
  it('increments the version, stamps the time and preserves fields not sent', () => {
    const current = businessRecord({ website: 'https://acme.example', version: 2 });
    const next = patchBusiness(current, { entity_name: 'Acme Holdings' }, LATER);
    expect(next).toEqual({ ...current, entity_name: 'Acme Holdings', version: 3, last_updated_time: LATER });
  });

  it('keeps the legal address id when the address is replaced', () => {
    const current = businessRecord();
    const next = patchBusiness(current, { legal_address: hq }, LATER);
    expect(next.legal_address).toMatchObject({ ...hq, id: current.legal_address!.id, address_type: 'LEGAL' });
  });

  it('can flip is_customer to false', () => {
    expect(patchBusiness(businessRecord({ is_customer: true }), { is_customer: false }, LATER).is_customer).toBe(false);
  });

  it('does not mutate the current record', () => {
    const current = businessRecord();
    const snapshot = structuredClone(current);
    patchBusiness(current, { status: 'FROZEN', legal_address: hq }, LATER);
    expect(current).toEqual(snapshot);
  });
});
