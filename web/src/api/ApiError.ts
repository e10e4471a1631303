/**
 * A REST call that failed. `code` is the server's error code (`meeting_not_found`, ...) when the
 * body had one, `network` when the server could not be reached, or `server_error` otherwise.
 */
export class ApiError extends Error {
  readonly code: string;
  /** The HTTP status, or 0 when there was no response. */
  readonly status: number;
  /** The `Retry-After` of a 429 answer, in whole seconds; null when there was none. */
  readonly retryAfterSeconds: number | null;

  constructor(code: string, status: number, message?: string, retryAfterSeconds: number | null = null) {
    super(message ?? code);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}
