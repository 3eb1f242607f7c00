import type { BusinessHolderRecord, PersonHolderRecord } from './ports.js';

// Sandbox OFAC screen for AUTHORIZED_USER relationships (contract §2.3: no KYC requirement,
// the platform screens name and address instead). Deterministic, keyed on a name like the
// KYC sandbox, so an integrator can script both outcomes (docs/api-notes.md, Accounts, Holders):
//   person last_name "Sanctioned"            -> MATCH (the relationship is refused)
//   business entity_name "Sanctioned Business" -> MATCH
//   anything else                             -> CLEAR

export type OfacResult = { outcome: 'CLEAR' } | { outcome: 'MATCH' } | { outcome: 'INCOMPLETE'; missing: string[] };

const MATCHING_PERSON_LAST_NAME = 'sanctioned';
const MATCHING_BUSINESS_NAME = 'sanctioned business';

const missingOf = (fields: Record<string, unknown>): string[] =>
  Object.entries(fields)
    .filter(([, value]) => value === undefined || value === '')
    .map(([name]) => name);

export const screenPerson = (person: PersonHolderRecord): OfacResult => {
  const missing = missingOf({
    first_name: person.first_name,
    last_name: person.last_name,
    legal_address: person.legal_address ?? person.shipping_address,
  });
  if (missing.length > 0) return { outcome: 'INCOMPLETE', missing };
  return person.last_name!.trim().toLowerCase() === MATCHING_PERSON_LAST_NAME ? { outcome: 'MATCH' } : { outcome: 'CLEAR' };
};

export const screenBusiness = (business: BusinessHolderRecord): OfacResult => {
  const missing = missingOf({ entity_name: business.entity_name, legal_address: business.legal_address });
  if (missing.length > 0) return { outcome: 'INCOMPLETE', missing };
  return business.entity_name!.trim().toLowerCase() === MATCHING_BUSINESS_NAME ? { outcome: 'MATCH' } : { outcome: 'CLEAR' };
};
