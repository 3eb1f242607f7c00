import { setRequestKeys } from '../../shared/logger.js';
import { header, type ChainMiddleware } from './types.js';

// Every log line of a request carries one correlation id: the caller's if it sent one,
// API Gateway's request id otherwise. It is echoed back so support can find the lines.
const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export const correlation = (): ChainMiddleware => ({
  before: async (request) => {
    const supplied = header(request.event, 'x-correlation-id');
    const correlationId =
      supplied && SAFE_ID.test(supplied) ? supplied : (request.event.requestContext?.requestId ?? request.context.awsRequestId);
    setRequestKeys({ correlation_id: correlationId, route: `${request.event.httpMethod} ${request.event.resource}` });
    request.context.bankline = { correlationId, apiRequest: {} };
  },
  after: async (request) => {
    // The result is this request's own object (toProxyResult), so the header is added in place.
    if (request.response) (request.response.headers ??= {})['X-Correlation-Id'] = request.context.bankline.correlationId;
  },
});
