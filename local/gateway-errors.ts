import { GATEWAY_ERRORS } from '../lib/gateway-contract.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../lib/problem-body.js';

// Responses API Gateway produces by itself (no handler involved). The bodies come from the very
// table the CDK turns into gateway responses, so a 401 from the twin is byte-for-byte the 401
// from AWS. lib/gateway-contract.ts has no CDK imports, so the twin stays quick to start.

/** API Gateway's gateway response types that the twin can produce. */
export type GatewayResponseType =
  | 'UNAUTHORIZED'
  | 'ACCESS_DENIED'
  | 'MISSING_AUTHENTICATION_TOKEN'
  | 'REQUEST_TOO_LARGE'
  | 'INTEGRATION_FAILURE'
  | 'INTEGRATION_TIMEOUT'
  | 'AUTHORIZER_FAILURE'
  | 'AUTHORIZER_CONFIGURATION_ERROR';

// What API Gateway answers when a type is not customised and neither is its DEFAULT_4XX/5XX.
const AWS_DEFAULTS: Record<GatewayResponseType, { status: number; message: string }> = {
  UNAUTHORIZED: { status: 401, message: 'Unauthorized' },
  ACCESS_DENIED: { status: 403, message: 'User is not authorized to access this resource' },
  MISSING_AUTHENTICATION_TOKEN: { status: 403, message: 'Missing Authentication Token' },
  REQUEST_TOO_LARGE: { status: 413, message: 'Request Too Long' },
  INTEGRATION_FAILURE: { status: 502, message: 'Internal server error' },
  INTEGRATION_TIMEOUT: { status: 504, message: 'Endpoint request timed out' },
  AUTHORIZER_FAILURE: { status: 500, message: 'Internal server error' },
  AUTHORIZER_CONFIGURATION_ERROR: { status: 500, message: 'Internal server error' },
};

export interface GatewayResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const customised = (type: string) => GATEWAY_ERRORS.find(([responseType]) => responseType === type)?.[1];

/** A specific customisation wins, then DEFAULT_4XX / DEFAULT_5XX, then API Gateway's built-in answer. */
export const gatewayError = (type: GatewayResponseType): GatewayResult => {
  const fallback = AWS_DEFAULTS[type];
  const problem = customised(type) ?? customised(fallback.status >= 500 ? 'DEFAULT_5XX' : 'DEFAULT_4XX');
  if (problem) {
    return { statusCode: problem.status, headers: { 'Content-Type': PROBLEM_CONTENT_TYPE }, body: problemBody(problem) };
  }
  return {
    statusCode: fallback.status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ message: fallback.message }),
  };
};
