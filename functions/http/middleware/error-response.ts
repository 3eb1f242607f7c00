import { logger } from '../../shared/logger.js';
import { isExpected, toApiError } from '../error-mapping.js';
import { errorResult } from '../proxy-result.js';
import type { ChainMiddleware } from './types.js';

// Outermost: whatever a middleware or operation throws leaves as Synctera's error body.
export const errorResponse = (): ChainMiddleware => ({
  onError: async (request) => {
    const { error } = request;
    const { status, code } = toApiError(error);
    if (!isExpected(error)) logger.error('unhandled error', error as Error);
    else if (status < 500) logger.info('request rejected', { status, code });
    const result = errorResult(request.error);
    const correlationId = request.context.bankline?.correlationId;
    if (correlationId) result.headers = { ...result.headers, 'X-Correlation-Id': correlationId };
    request.response = result;
  },
});
