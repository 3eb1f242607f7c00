import { badRequest } from '../../shared/errors.js';
import { ApiError } from '../api-error.js';
import { header, type ChainMiddleware } from './types.js';

// Bodies above this are refused before parsing; Synctera's objects are a few KB at most.
export const MAX_BODY_BYTES = 256 * 1024;

const WITH_BODY = new Set(['POST', 'PATCH', 'PUT']);

export const jsonBody = (): ChainMiddleware => ({
  before: async (request) => {
    const { event } = request;
    const state = request.context.bankline.apiRequest;
    if (!WITH_BODY.has(event.httpMethod)) {
      state.body = undefined;
      return;
    }
    const raw = event.isBase64Encoded && event.body ? Buffer.from(event.body, 'base64').toString('utf8') : (event.body ?? '');
    if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) {
      throw new ApiError(413, 'REQUEST_TOO_LARGE', `request body exceeds ${MAX_BODY_BYTES} bytes`);
    }
    const contentType = header(event, 'content-type');
    if (raw.trim() !== '' && contentType && !/^application\/([\w.+-]*\+)?json\b/i.test(contentType)) {
      throw new ApiError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Content-Type must be application/json');
    }
    if (raw.trim() === '') {
      state.body = {};
      return;
    }
    // JSON.parse keeps a `__proto__` key as an own property: free-form fields (metadata) store it
    // as sent, and every strict schema reports it as an unknown field.
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      throw badRequest('request body is not valid JSON');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw badRequest('request body must be a JSON object');
    }
    state.body = parsed;
  },
});
