import { ApiError } from './ApiError';
import { parseRetryAfter } from './retryAfter';

/** The fetch function used (the browser's by default; tests pass a fake). */
export type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The header every state-changing request carries; the server rejects a POST, PUT, PATCH or
 * DELETE without it (403 `csrf_rejected`). A cross-site form cannot set it, and a cross-site
 * script cannot send it without a CORS preflight the server refuses.
 */
export const CSRF_HEADER = 'X-Kaihui-Request';

/** The methods that change state on the server, which need {@link CSRF_HEADER}. */
const STATE_CHANGING: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** browserFetch calls the page's fetch (looked up at call time, so tests can replace it). */
export const browserFetch: Fetch = (input, init) => fetch(input, init);

/**
 * requestHeaders gives the headers of a request to /api/v1: JSON accepted, a JSON body's type,
 * and the CSRF header for state-changing methods.
 */
export function requestHeaders(method: string, jsonBody: boolean): Record<string, string> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (jsonBody) headers['Content-Type'] = 'application/json';
  if (STATE_CHANGING.has(method.toUpperCase())) headers[CSRF_HEADER] = '1';
  return headers;
}

/**
 * errorFromResponse builds the ApiError of a failed answer: the `code` of an ApiError body, or
 * for a body without one `payload_too_large` (413), `too_many_attempts` (429) or `server_error`.
 *
 * @param status the HTTP status
 * @param body the parsed JSON body, or null
 * @param retryAfter the `Retry-After` header, or null
 */
export function errorFromResponse(status: number, body: unknown, retryAfter: string | null): ApiError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const code =
    typeof fields.code === 'string' && fields.code !== ''
      ? fields.code
      : status === 413
        ? 'payload_too_large'
        : status === 429
          ? 'too_many_attempts'
          : 'server_error';
  const message = typeof fields.message === 'string' ? fields.message : undefined;
  return new ApiError(code, status, message, parseRetryAfter(retryAfter));
}

/** parseJson reads a body as JSON; null when it is empty or not JSON. */
export function parseJson(text: string): unknown {
  if (text.trim() === '') return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

/**
 * apiRequest makes one request to /api/v1 with the page's cookies (`credentials: same-origin`)
 * and, for state-changing methods, the CSRF header.
 *
 * @param fetchFn the fetch function
 * @param url the path, e.g. `/api/v1/me`
 * @param method the HTTP method
 * @param body a value sent as JSON, or undefined for no body
 * @returns the parsed JSON body of a 2xx answer, or null when it had none (204)
 * @throws ApiError with the server's code, `network` (no answer) or `server_error`
 */
export async function apiRequest(
  fetchFn: Fetch,
  url: string,
  method: string,
  body?: unknown,
): Promise<unknown> {
  let response: Response;
  try {
    response = await fetchFn(url, {
      method,
      credentials: 'same-origin',
      headers: requestHeaders(method, body !== undefined),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    throw new ApiError('network', 0, String(error));
  }
  let text = '';
  try {
    text = await response.text();
  } catch {
    text = '';
  }
  const parsed = parseJson(text);
  if (!response.ok) {
    throw errorFromResponse(response.status, parsed, response.headers.get('Retry-After'));
  }
  return parsed;
}
