// Synctera's error body (RFC 7807 superset, contract §1.6). Every rejection in the project is
// an ApiError, so the HTTP layer has exactly one way to turn failure into a response.

export type ErrorCode =
  | 'BAD_REQUEST_BODY'
  | 'BAD_QUERY_PARAMETER'
  | 'BAD_PATH_PARAMETER'
  | 'BAD_HEADER'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'UNPROCESSABLE_ENTITY'
  | 'PREREQUISITES_MISSING'
  | 'IDEMPOTENCY_INVALID_REUSE'
  | 'IDEMPOTENCY_CONCURRENT_USE'
  | 'CONFLICT'
  | 'CONCURRENT_MODIFICATION'
  | 'INVALID_STATUS_TRANSITION'
  | 'ACCOUNT_CLOSED'
  | 'NON_ZERO_BALANCE'
  | 'REQUEST_TOO_LARGE'
  | 'REQUEST_HEADER_FIELDS_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'BAD_REQUEST'
  | 'GATEWAY_TIMEOUT'
  | 'INTERNAL_SERVER_ERROR';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['bad-request', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not-found', 'Not Found'],
  405: ['method-not-allowed', 'Method Not Allowed'],
  409: ['conflict', 'Conflict'],
  413: ['request-too-large', 'Request Entity Too Large'],
  415: ['unsupported-media-type', 'Unsupported Media Type'],
  422: ['unprocessable-entity', 'Unprocessable Entity'],
  429: ['rate-limited', 'Too Many Requests'],
  431: ['request-header-fields-too-large', 'Request Header Fields Too Large'],
  461: ['account-closed', 'Account Closed'],
  500: ['internal-server-error', 'Internal Server Error'],
  504: ['gateway-timeout', 'Gateway Timeout'],
};

const SLUG_BY_CODE: Partial<Record<ErrorCode, [slug: string, title: string]>> = {
  BAD_REQUEST_BODY: ['bad-request-body', 'Bad Request Body'],
  BAD_QUERY_PARAMETER: ['bad-query-parameter', 'Bad Query Parameter'],
  BAD_PATH_PARAMETER: ['bad-path-parameter', 'Bad Path Parameter'],
  IDEMPOTENCY_INVALID_REUSE: ['idempotency-invalid-reuse', 'Idempotency Key Reused'],
  IDEMPOTENCY_CONCURRENT_USE: ['idempotency-concurrent-use', 'Idempotency Key In Use'],
  PREREQUISITES_MISSING: ['prerequisites-missing', 'Prerequisites Missing'],
};

/** Synctera's v0 error media type, for every error body: handlers' and API Gateway's alike. */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export interface ErrorBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly detail: string,
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    const [slug, title] = SLUG_BY_CODE[this.code] ?? TITLES[this.status] ?? TITLES[500]!;
    return { type: `https://dev.synctera.com/errors/${slug}`, title, status: this.status, detail: this.detail, code: this.code };
  }
}

export const badRequest = (detail: string, code: ErrorCode = 'BAD_REQUEST_BODY') => new ApiError(400, code, detail);
export const unauthorized = (detail = 'missing or invalid API key') => new ApiError(401, 'UNAUTHORIZED', detail);
export const forbidden = (detail: string) => new ApiError(403, 'FORBIDDEN', detail);
export const notFound = (what: string) => new ApiError(404, 'NOT_FOUND', `${what} not found`);
export const conflict = (detail: string, code: ErrorCode = 'CONFLICT') => new ApiError(409, code, detail);
export const unprocessable = (detail: string, code: ErrorCode = 'UNPROCESSABLE_ENTITY') => new ApiError(422, code, detail);
export const internalError = () => new ApiError(500, 'INTERNAL_SERVER_ERROR', 'an internal error occurred; retry later');
