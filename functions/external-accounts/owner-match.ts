import type { OwnerFacts } from './ports.js';
import type { VendorOwner } from './vendor-ports.js';

// verify_owner (contract §9.6): at least 2 of name, phone, email and address must match between
// the vendor's owner data and the Bankline customer. Comparisons forgive case, punctuation and
// phone formatting, never spelling.

const letters = (s: string) =>
  s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9 ]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
const phoneDigits = (s: string) => s.replace(/\D/g, '').slice(-10);
const street = (s: string) => letters(s).join(' ');

/** Every word of the customer's name appears in one of the vendor's names (middle names may be extra there). */
const nameMatches = (customer: string[], vendor: string[]) =>
  customer.some((c) => {
    const words = letters(c);
    return words.length > 0 && vendor.some((v) => words.every((w) => letters(v).includes(w)));
  });

export type MatchedField = 'name' | 'phone' | 'email' | 'address';

export const matchedFields = (customer: OwnerFacts, owner: VendorOwner): MatchedField[] => {
  const matched: MatchedField[] = [];
  if (nameMatches(customer.names, owner.names)) matched.push('name');
  if (customer.phone_number && owner.phone_numbers.some((p) => phoneDigits(p) === phoneDigits(customer.phone_number as string)))
    matched.push('phone');
  if (customer.email && owner.emails.some((e) => e.toLowerCase() === customer.email?.toLowerCase())) matched.push('email');
  const address = customer.address;
  if (
    address &&
    owner.addresses.some(
      (a) => street(a.street) === street(address.street) && a.postal_code.slice(0, 5) === address.postal_code.slice(0, 5),
    )
  )
    matched.push('address');
  return matched;
};

export const MIN_MATCHES = 2;

export const ownerVerified = (customer: OwnerFacts, owners: VendorOwner[]): boolean =>
  owners.some((o) => matchedFields(customer, o).length >= MIN_MATCHES);
