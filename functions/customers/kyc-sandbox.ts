import type { BusinessRecord, CheckResult, PersonRecord, VerificationStatus, VerificationType } from './model.js';

// Sandbox KYC/KYB: deterministic outcomes keyed on a name, so an integrator can script every
// branch (docs/api-notes.md, "Sandbox verification outcomes"). The business names are Synctera's own.

export interface CheckOutcome {
  verification_type: VerificationType;
  result: CheckResult;
  description: string;
}

type Script = Readonly<Record<string, Partial<Record<VerificationType, CheckResult>>>>;

const PERSON_SCRIPT: Script = {
  rejected: { IDENTITY: 'REJECTED' },
  review: { IDENTITY: 'REVIEW' },
  provisional: { IDENTITY: 'PROVISIONAL' },
  watchlist: { WATCHLIST: 'REVIEW' },
  sanctioned: { WATCHLIST: 'REJECTED' },
  vendorerror: { IDENTITY: 'VENDOR_ERROR' },
};

const BUSINESS_SCRIPT: Script = {
  'unregistered business': { IDENTITY: 'REJECTED' },
  'similar name business': { IDENTITY: 'REVIEW' },
  'provisional business': { IDENTITY: 'PROVISIONAL' },
  'watchlist business': { WATCHLIST: 'REVIEW' },
};

const CHECKS: readonly VerificationType[] = ['IDENTITY', 'WATCHLIST'];

const run = (script: Script, trigger: string | undefined): CheckOutcome[] => {
  const scripted = script[(trigger ?? '').trim().toLowerCase()] ?? {};
  return CHECKS.map((type) => {
    const result = scripted[type] ?? 'ACCEPTED';
    return { verification_type: type, result, description: `sandbox ${type.toLowerCase()} check: ${result}` };
  });
};

export const sandboxPersonChecks = (person: PersonRecord): CheckOutcome[] => run(PERSON_SCRIPT, person.last_name);

export const sandboxBusinessChecks = (business: BusinessRecord): CheckOutcome[] => run(BUSINESS_SCRIPT, business.entity_name);

/** Worst check wins: one rejection rejects; anything unclear needs review. */
export const overallStatus = (results: readonly CheckResult[]): VerificationStatus => {
  if (results.includes('REJECTED')) return 'REJECTED';
  if (results.includes('REVIEW') || results.includes('VENDOR_ERROR')) return 'REVIEW';
  if (results.includes('PROVISIONAL')) return 'PROVISIONAL';
  return 'ACCEPTED';
};

const PERSON_PREREQUISITES = ['first_name', 'last_name', 'dob', 'email', 'phone_number', 'legal_address', 'ssn'] as const;
const BUSINESS_PREREQUISITES = ['entity_name', 'legal_address'] as const;

export const missingPersonPrerequisites = (person: PersonRecord): string[] =>
  PERSON_PREREQUISITES.filter((field) => person[field] === undefined || person[field] === '');

export const missingBusinessPrerequisites = (business: BusinessRecord): string[] =>
  BUSINESS_PREREQUISITES.filter((field) => business[field] === undefined || business[field] === '');
