import type { ExternalAccountRecord } from './model.js';

// Wire representation (contract §9.3): numbers masked to the last 4, internal links left out.

export const lastFour = (value: string | undefined): string | undefined => (value === undefined ? undefined : value.slice(-4));

export const externalAccountView = (a: ExternalAccountRecord) => {
  const r = a.routing_identifiers;
  return {
    id: a.id,
    ...(a.customer_id ? { customer_id: a.customer_id } : { business_id: a.business_id }),
    customer_type: a.customer_type,
    status: a.status,
    ...(a.status_reason ? { status_reason: a.status_reason } : {}),
    type: a.type,
    account_owner_names: a.account_owner_names,
    account_identifiers: {
      number: lastFour(a.account_identifiers.number) ?? '',
      ...(a.account_identifiers.iban ? { iban: lastFour(a.account_identifiers.iban) } : {}),
    },
    routing_identifiers: {
      bank_name: r.bank_name,
      bank_countries: r.bank_countries,
      ...(r.ach_routing_number ? { ach_routing_number: lastFour(r.ach_routing_number) } : {}),
      ...(r.wire_routing_number ? { wire_routing_number: lastFour(r.wire_routing_number) } : {}),
      ...(r.eft_ca_routing_number ? { eft_ca_routing_number: lastFour(r.eft_ca_routing_number) } : {}),
      ...(r.international_wire_details
        ? {
            swift_code: r.international_wire_details.swift_code,
            bank_address: r.international_wire_details.bank_address,
            correspondent_bank_details: r.international_wire_details.correspondent_banks_details ?? null,
          }
        : {}),
    },
    verification: a.verification,
    ...(a.vendor_data ? { vendor_data: a.vendor_data } : {}),
    ...(a.vendor_account_id ? { vendor_account_id: a.vendor_account_id } : {}),
    ...(a.name ? { name: a.name } : {}),
    nickname: a.nickname ?? null,
    ...(a.currency ? { currency: a.currency } : {}),
    ...(a.metadata ? { metadata: a.metadata } : {}),
    tenant: a.tenant,
    creation_time: a.creation_time,
    last_updated_time: a.last_updated_time,
    ...(a.deletion_time ? { deletion_time: a.deletion_time } : {}),
  };
};

export const deletedView = (a: ExternalAccountRecord) => ({ id: a.id, resource: 'external_account' });
