// Errors API Gateway answers by itself (before or instead of a handler) get the same Synctera
// problem body as handler errors. Bodies are static: nothing about the request or the
// platform's internals is reflected back.
import { ResponseType, type RestApi } from 'aws-cdk-lib/aws-apigateway';
import { GATEWAY_ERRORS } from '../gateway-contract.js';
import { PROBLEM_CONTENT_TYPE, problemBody } from '../problem-body.js';

export function addProblemGatewayResponses(api: RestApi): void {
  for (const [responseType, problem] of GATEWAY_ERRORS) {
    api.addGatewayResponse(`Problem${responseType}`, {
      type: ResponseType.of(responseType),
      statusCode: String(problem.status),
      responseHeaders: { 'Content-Type': `'${PROBLEM_CONTENT_TYPE}'` },
      // API Gateway applies this template whatever the request's content type.
      templates: { 'application/json': problemBody(problem) },
    });
  }
}
