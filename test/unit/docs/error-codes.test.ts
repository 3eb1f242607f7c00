// The error codes docs/api-notes.md documents are exactly the codes an error body can carry
// (functions/http/problem-codes.ts, a Record over the ProblemCode union), with the same statuses.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toApiError } from '../../../functions/http/error-mapping.js';
import { PROBLEM_CODE_STATUSES, PROBLEM_CODES } from '../../../functions/http/problem-codes.js';
import {
  AccountClosed,
  AlreadyExists,
  ConcurrentModification,
  Conflict,
  Forbidden,
  IdempotencyKeyInUse,
  IdempotencyKeyReuse,
  InternalError,
  InvalidInput,
  InvalidTransition,
  NonZeroBalance,
  NotFound,
  PrerequisitesMissing,
  RuleViolation,
  Unauthenticated,
  VendorRefused,
  VendorUnavailable,
} from '../../../functions/shared/domain-errors.js';
import { EDGE_PROBLEMS } from '../../../lib/problem-body.js';

const doc = readFileSync(new URL('../../../docs/api-notes.md', import.meta.url), 'utf8');
const section = doc.slice(doc.indexOf('<!-- error-codes:start'), doc.indexOf('<!-- error-codes:end -->'));
const rows = [...section.matchAll(/^\| `([A-Z_]+)` \| ([\d, ]+) \|/gm)].map(([, code = '', statuses = '']) => ({
  code,
  statuses: statuses.split(',').map((s) => Number(s.trim())),
}));

describe('the documented error codes', () => {
  it('are every code the API can answer with, and no other', () => {
    expect(section).not.toBe('');
    expect(rows.map((r) => r.code).sort()).toEqual([...PROBLEM_CODES].sort());
  });

  it('each come with the statuses the code answers them with', () => {
    for (const { code, statuses } of rows)
      expect({ code, statuses }).toEqual({ code, statuses: [...PROBLEM_CODE_STATUSES[code as keyof typeof PROBLEM_CODE_STATUSES]] });
  });
});

describe('the statuses listed for each code', () => {
  const answers = [
    ...(['BAD_REQUEST_BODY', 'BAD_QUERY_PARAMETER', 'BAD_PATH_PARAMETER', 'BAD_HEADER', 'BAD_REQUEST'] as const).map(
      (code) => new InvalidInput('x', { code }),
    ),
    new PrerequisitesMissing('x'),
    new RuleViolation('x', { code: 'PREREQUISITES_MISSING' }),
    new RuleViolation('x'),
    new Unauthenticated(),
    new Forbidden('x'),
    new NotFound('x'),
    new Conflict('x'),
    new AlreadyExists('x'),
    new ConcurrentModification('x'),
    new IdempotencyKeyInUse('x'),
    new IdempotencyKeyReuse('x'),
    new NonZeroBalance('x'),
    new InvalidTransition('ACTIVE_OR_DISBURSED', 'CLOSED', 'x'),
    new AccountClosed('x'),
    new InternalError(),
    new VendorRefused('ITEM_LOGIN_REQUIRED', 'x'),
    new VendorRefused('VENDOR_ERROR', 'x'),
    new VendorUnavailable('VENDOR_UNAVAILABLE', 'x'),
    new VendorUnavailable('VENDOR_TIMEOUT', 'x'),
  ].map(toApiError);

  it.each([...answers, ...Object.values(EDGE_PROBLEMS)].map((e) => [e.code, e.status] as const))(
    '%s answers with a listed status (%i)',
    (code, status) => {
      expect(PROBLEM_CODE_STATUSES[code]).toContain(status);
    },
  );
});
