import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { dynamoApiKeyLookup } from '../adapters/dynamodb/api-key-lookup.js';
import { configFor } from '../shared/config.js';
import { logger, setRequestKeys } from '../shared/logger.js';
import { bearerToken } from '../tenancy/api-keys.js';
import { resolvePrincipal } from '../tenancy/resolve-principal.js';
import { principalToContext } from './principal-context.js';

// API Gateway caches this answer per Authorization header, so the policy must allow every
// route: permissions are checked per route inside the handlers, from the same route table.
const wholeApi = (methodArn: string): string => {
  const [arnPrefix = methodArn, stage = '*'] = methodArn.split('/');
  return `${arnPrefix}/${stage}/*/*`;
};

export const handler = async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  configFor('authorizer');
  // A warm container (or the twin's shared process) must not carry the last request's keys.
  setRequestKeys({ correlation_id: event.requestContext?.requestId });
  const principal = await resolvePrincipal(dynamoApiKeyLookup, bearerToken(event.headers));
  if (!principal) {
    logger.info('authorization denied', { requestId: event.requestContext?.requestId });
    // The exact message API Gateway maps to a 401 (the UNAUTHORIZED gateway response).
    throw new Error('Unauthorized');
  }
  return {
    principalId: principal.keyId,
    policyDocument: {
      Version: '2012-10-17',
      Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: wholeApi(event.methodArn) }],
    },
    context: principalToContext(principal),
  };
};
