import type { DomainErrorCode } from '../shared/domain-errors.js';

// An error as the HTTP API answers it: status plus Synctera's error body (RFC 7807 superset,
// contract §1.6). Domain errors become one in error-mapping.ts; the HTTP layer throws one
// directly only for what exists in HTTP alone (a body too large, a wrong media type, no such
// route), and API Gateway's own answers (lib/problem-body.ts) are built from the same class.

/** The `code` values only HTTP produces, besides every domain error's. */
export type ProblemCode =
  | DomainErrorCode
  | 'REQUEST_TOO_LARGE'
  | 'REQUEST_HEADER_FIELDS_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'METHOD_NOT_ALLOWED'
  | 'RATE_LIMITED'
  | 'GATEWAY_TIMEOUT';

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
  502: ['bad-gateway', 'Bad Gateway'],
  503: ['service-unavailable', 'Service Unavailable'],
  504: ['gateway-timeout', 'Gateway Timeout'],
};

const SLUG_BY_CODE: Partial<Record<ProblemCode, [slug: string, title: string]>> = {
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
  code: ProblemCode;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
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
