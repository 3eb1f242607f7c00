// Finicity's error shape: a numeric code and a message, with the HTTP status Finicity gives it.

export class FinicityError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const finicityErrorBody = (error: FinicityError) => ({
  code: error.code,
  status: String(error.status),
  message: error.message,
  user_message: error.message,
});
