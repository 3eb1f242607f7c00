import type { PolicyDocument, Statement } from 'aws-lambda';

// API Gateway evaluates the authorizer's policy against each request's method ARN, including
// cached policies; a policy that allows only the first route seen would deny the next route
// for the cache lifetime. Evaluating here reproduces that on the laptop instead of in
// production. Scope: execute-api:Invoke, Allow/Deny, Resource/NotResource with * and ? wildcards.

// A cached decision is evaluated on every request with the same few patterns: compile each once.
const compiled = new Map<string, RegExp>();

const wildcard = (pattern: string): RegExp => {
  let regex = compiled.get(pattern);
  if (!regex) {
    if (compiled.size >= 256) compiled.clear();
    regex = new RegExp(
      `^${pattern
        .replace(/[.+^${}()|[\]\\]/g, '\\$&')
        .replaceAll('*', '.*')
        .replaceAll('?', '.')}$`,
    );
    compiled.set(pattern, regex);
  }
  return regex;
};

const list = (value: string | string[] | undefined): string[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

const coversAction = (statement: Statement): boolean => {
  const s = statement as { Action?: string | string[]; NotAction?: string | string[] };
  if (s.Action !== undefined) return list(s.Action).some((a) => wildcard(a).test('execute-api:Invoke'));
  return !list(s.NotAction).some((a) => wildcard(a).test('execute-api:Invoke'));
};

const coversResource = (statement: Statement, arn: string): boolean => {
  const s = statement as { Resource?: string | string[]; NotResource?: string | string[] };
  if (s.Resource !== undefined) return list(s.Resource).some((r) => wildcard(r).test(arn));
  if (s.NotResource !== undefined) return !list(s.NotResource).some((r) => wildcard(r).test(arn));
  return false;
};

/** An explicit Deny wins; otherwise some Allow must cover the ARN. */
export const policyAllows = (policy: PolicyDocument, methodArn: string): boolean => {
  const applicable = policy.Statement.filter((s) => coversAction(s) && coversResource(s, methodArn));
  return !applicable.some((s) => s.Effect === 'Deny') && applicable.some((s) => s.Effect === 'Allow');
};

export const isPolicyDocument = (value: unknown): value is PolicyDocument =>
  typeof value === 'object' && value !== null && Array.isArray((value as PolicyDocument).Statement);
