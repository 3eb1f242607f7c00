// Errors API Gateway answers by itself (before or instead of a handler) get the same Synctera
// problem body as handler errors. Bodies are static: nothing about the request or the
// platform's internals is reflected back.
import { ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';
import { EDGE_PROBLEMS, PROBLEM_CONTENT_TYPE, problemBody, type Problem } from '../problem-body.js';

export const GATEWAY_ERRORS: ReadonlyArray<readonly [ResponseType, Problem]> = [
  [ResponseType.UNAUTHORIZED, EDGE_PROBLEMS.unauthorized],
  [ResponseType.ACCESS_DENIED, EDGE_PROBLEMS.accessDenied],
  [ResponseType.WAF_FILTERED, EDGE_PROBLEMS.firewallBlocked],
  // A REST API answers an unknown path or method with this type (403 by default); it is a 404.
  [ResponseType.MISSING_AUTHENTICATION_TOKEN, EDGE_PROBLEMS.noSuchRoute],
  [ResponseType.RESOURCE_NOT_FOUND, EDGE_PROBLEMS.noSuchRoute],
  [ResponseType.REQUEST_TOO_LARGE, EDGE_PROBLEMS.tooLarge],
  [ResponseType.THROTTLED, EDGE_PROBLEMS.rateLimited],
  [ResponseType.QUOTA_EXCEEDED, EDGE_PROBLEMS.rateLimited],
  [ResponseType.DEFAULT_4XX, EDGE_PROBLEMS.badRequest],
  // 504, not 500: the request may still complete, so a client retries with the same Idempotency-Key.
  [ResponseType.INTEGRATION_TIMEOUT, EDGE_PROBLEMS.timeout],
  [ResponseType.AUTHORIZER_FAILURE, EDGE_PROBLEMS.internal],
  [ResponseType.AUTHORIZER_CONFIGURATION_ERROR, EDGE_PROBLEMS.internal],
  [ResponseType.DEFAULT_5XX, EDGE_PROBLEMS.internal],
];

export function addProblemGatewayResponses(api: RestApi): void {
  for (const [type, problem] of GATEWAY_ERRORS) {
    api.addGatewayResponse(`Problem${type.responseType}`, {
      type,
      statusCode: String(problem.status),
      responseHeaders: { 'Content-Type': `'${PROBLEM_CONTENT_TYPE}'` },
      // API Gateway applies this template whatever the request's content type.
      templates: { 'application/json': problemBody(problem) },
    });
  }
}
