import { randomUUID } from 'node:crypto';
import { type ServerResponse, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ApiError } from '../functions/http/api-error.js';
import { EDGE_PROBLEMS, PROBLEM_CONTENT_TYPE, problemBody } from '../lib/problem-body.js';

// Requests node:http refuses before there is a request to hand the gateway: a request line or
// headers over Node's limit, a request line it cannot parse. Node's own answer is a bare status
// line with an empty body; the API Gateway edge answers every refusal with the Synctera error
// body, so the twin writes that body on the raw socket instead.

const HEADERS_TOO_LARGE = new ApiError(431, 'REQUEST_HEADER_FIELDS_TOO_LARGE', 'the request line and headers are too large');

/** Undefined: nothing to say (the client reset the connection, or went silent past the timeout). */
const problemFor = (code: string | undefined): ApiError | undefined => {
  switch (code) {
    case 'ECONNRESET':
    case 'EPIPE':
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return undefined;
    case 'HPE_HEADER_OVERFLOW':
      return HEADERS_TOO_LARGE;
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return EDGE_PROBLEMS.tooLarge;
    default:
      return EDGE_PROBLEMS.badRequest;
  }
};

/** A complete HTTP/1.1 response; the connection closes after it, as the request could not be framed. */
export const rawProblemResponse = (problem: ApiError, requestId: string = randomUUID()): string => {
  const body = problemBody(problem);
  return [
    `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status] ?? ''}`,
    `Content-Type: ${PROBLEM_CONTENT_TYPE}`,
    `Content-Length: ${Buffer.byteLength(body, 'utf8')}`,
    `x-amzn-RequestId: ${requestId}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
};

/** The server's 'clientError' listener. */
export const answerClientError = (error: Error & { code?: string }, socket: Duplex): void => {
  const problem = problemFor(error.code);
  // As node does: never write into a response already on its way (a pipelined request's error).
  const inFlight = (socket as Duplex & { _httpMessage?: ServerResponse | null })._httpMessage;
  if (!problem || !socket.writable || inFlight?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(rawProblemResponse(problem), () => socket.destroy());
};
