import { randomBytes } from 'node:crypto';

// Plaid's error shape: every failure is a JSON body with a type, a code and a message, and the
// HTTP status Plaid gives that code.

export class PlaidError extends Error {
  constructor(
    readonly status: number,
    readonly error_type: string,
    readonly error_code: string,
    readonly error_message: string,
    readonly display_message: string | null = null,
  ) {
    super(error_message);
  }
}

export const requestId = () => randomBytes(8).toString('hex').toUpperCase().slice(0, 15);

export const plaidErrorBody = (error: PlaidError) => ({
  error_type: error.error_type,
  error_code: error.error_code,
  error_message: error.error_message,
  display_message: error.display_message,
  request_id: requestId(),
  causes: [],
  status: error.status,
  documentation_url: `https://plaid.com/docs/errors/#${error.error_code.toLowerCase()}`,
  suggested_action: null,
});

export const invalidRequestBody = (error_code: string, error_message: string) => ({
  error_type: 'INVALID_REQUEST',
  error_code,
  error_message,
  request_id: requestId(),
});
