import type * as z from 'zod/mini';
import { type InputErrorCode, InvalidInput } from './domain-errors.js';

// zod/mini ships no message locale (that is what keeps it 13 KB), so the wording lives here:
// one sentence per issue, always starting with the field's dotted path.

type Issue = z.core.$ZodIssue;

const GENERIC = 'Invalid input';

const describe = (issue: Issue, present: boolean): string => {
  if (issue.message && issue.message !== GENERIC) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return present ? `must be ${article(issue.expected)}` : 'is required';
    case 'invalid_value':
      if (!present) return 'is required';
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must have at most ${issue.maximum} items`
          : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) === 1
          ? 'must not be empty'
          : `must be at least ${issue.minimum} characters`
        : issue.origin === 'array'
          ? `must have at least ${issue.minimum} items`
          : `must be at least ${issue.minimum}`;
    case 'invalid_format':
      return `must be a valid ${issue.format === 'regex' ? 'value' : issue.format}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return 'is invalid';
  }
};

const article = (type: string): string => (/^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`);

const fieldOf = (issue: Issue): string => issue.path.map(String).join('.');

// zod does not echo inputs in issues (so nothing sensitive is copied around); look the value
// up ourselves to tell "missing" from "wrong type".
const isPresent = (input: unknown, path: readonly PropertyKey[]): boolean => {
  let node: unknown = input;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return false;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node !== undefined;
};

export const formatIssues = (issues: readonly Issue[], input: unknown): string =>
  issues
    .slice(0, 10)
    .map((issue) => {
      const field = fieldOf(issue);
      const text = describe(issue, isPresent(input, issue.path));
      if (issue.code === 'unrecognized_keys') return field ? `${field}: ${text}` : text;
      return field ? `${field} ${text}` : text;
    })
    .join('; ');

/** Parses `input` or throws an InvalidInput whose detail names every offending field (`field`: the first). */
export const parseWith = <S extends z.ZodMiniType>(
  schema: S,
  input: unknown,
  code: InputErrorCode = 'BAD_REQUEST_BODY',
  prefix = '',
): z.infer<S> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data as z.infer<S>;
  const detail = formatIssues(result.error.issues, input);
  const field = result.error.issues[0] && fieldOf(result.error.issues[0]);
  throw new InvalidInput(prefix ? `${prefix}: ${detail}` : detail, { code, ...(field ? { field } : {}) });
};
