import type {
  AccountView,
  LoginRequest,
  PasswordChange,
  ProfileUpdate,
  RegisterRequest,
} from '../protocol/generated';
import { ApiError } from './ApiError';
import { apiRequest, browserFetch, errorFromResponse, parseJson, requestHeaders, type Fetch } from './request';

/**
 * The signed-in person's account, as the server's {@link AccountView}, with the fields the
 * server may leave out typed as nullable.
 */
export interface Account {
  userId: number;
  username: string;
  displayName: string;
  /** The phone number, or null. */
  phone: string | null;
  /** The mood line (个性签名), or null. */
  moodLine: string | null;
  /** Where the avatar image is, or null while there is none (initials are shown). */
  avatarUrl: string | null;
}

/**
 * The codes of a 401 saying that the server ended this browser's session, and why: the
 * session's revocation reason (docs/protocol.md, "401 for a session that was ended"). The server
 * says it once, clearing the cookie in the same answer; afterwards it is `not_signed_in`.
 */
export type RevocationCode = 'signed_in_elsewhere' | 'password_changed' | 'logout' | 'revoked';

const REVOCATION_CODES: ReadonlySet<string> = new Set<RevocationCode>([
  'signed_in_elsewhere',
  'password_changed',
  'logout',
  'revoked',
]);

/** isRevocationCode tells whether an error code says that the server ended the session. */
export function isRevocationCode(code: string): code is RevocationCode {
  return REVOCATION_CODES.has(code);
}

/** The answer of {@link AccountClient.me} when the server ended this browser's session. */
export interface SignedOutByServer {
  /** Why the server ended it. */
  reason: RevocationCode;
}

/** isSignedOutByServer tells a {@link SignedOutByServer} answer of `me` from an account. */
export function isSignedOutByServer(answer: Account | SignedOutByServer | null): answer is SignedOutByServer {
  return answer !== null && 'reason' in answer;
}

/** The largest avatar the server takes, in bytes (5 MiB). */
export const MAX_AVATAR_BYTES = 5 * 1024 * 1024;

/** The image types offered in the avatar file picker (what the server reads everywhere). */
export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/gif'] as const;

/** The part of XMLHttpRequest the avatar upload uses, so that tests can pass a fake. */
export interface UploadRequest {
  readonly status: number;
  readonly responseText: string;
  readonly upload: { onprogress: ((event: ProgressEvent) => void) | null };
  onload: ((event: ProgressEvent) => void) | null;
  onerror: ((event: ProgressEvent) => void) | null;
  onabort: ((event: ProgressEvent) => void) | null;
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  getResponseHeader(name: string): string | null;
  send(body: Blob): void;
  abort(): void;
}

/** Options of {@link AccountClient.uploadAvatar}. */
export interface UploadOptions {
  /** Called as the image goes up, with the fraction sent (0 to 1). */
  onProgress?(fraction: number): void;
  /** Aborts the upload; the promise then rejects with code `aborted`. */
  signal?: AbortSignal;
}

const ACCOUNTS = '/api/v1/accounts';
const SESSION = '/api/v1/session';
const ME = '/api/v1/me';

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/**
 * toAccount checks that a body is an AccountView.
 *
 * @throws ApiError `server_error` when it is not
 */
export function toAccount(body: unknown, status = 200): Account {
  const view = (typeof body === 'object' && body !== null ? body : {}) as Partial<Record<keyof AccountView, unknown>>;
  if (
    typeof view.userId !== 'number' ||
    typeof view.username !== 'string' ||
    typeof view.displayName !== 'string'
  ) {
    throw new ApiError('server_error', status, 'response is not an AccountView');
  }
  return {
    userId: view.userId,
    username: view.username,
    displayName: view.displayName,
    phone: optionalString(view.phone),
    moodLine: optionalString(view.moodLine),
    avatarUrl: optionalString(view.avatarUrl),
  };
}

/**
 * The account REST API (`/api/v1/accounts`, `/api/v1/session`, `/api/v1/me`). Every call sends
 * the page's cookies, and state-changing ones the CSRF header; every failure is an
 * {@link ApiError} carrying the server's code (`invalid_credentials`, `username_taken`, ...),
 * `network` or `server_error`, and for 429 the `Retry-After` in seconds.
 */
export class AccountClient {
  constructor(
    private readonly fetchFn: Fetch = browserFetch,
    private readonly createUpload: () => UploadRequest = () => new XMLHttpRequest(),
  ) {}

  /** register creates an account and signs in (`POST /api/v1/accounts`, 201). */
  async register(request: RegisterRequest): Promise<Account> {
    return toAccount(await apiRequest(this.fetchFn, ACCOUNTS, 'POST', request), 201);
  }

  /**
   * signIn signs in (`POST /api/v1/session`). Rejects with `invalid_credentials` (401) or
   * `too_many_attempts` (429, with {@link ApiError.retryAfterSeconds}).
   */
  async signIn(request: LoginRequest): Promise<Account> {
    return toAccount(await apiRequest(this.fetchFn, SESSION, 'POST', request));
  }

  /** signOut ends this browser's session (`DELETE /api/v1/session`, 204). */
  async signOut(): Promise<void> {
    await apiRequest(this.fetchFn, SESSION, 'DELETE');
  }

  /**
   * me asks who is signed in (`GET /api/v1/me`): the account; null when nobody is (401
   * `not_signed_in`, or any other 401); or, when the server ended this browser's session since
   * it was last asked (401 with a {@link RevocationCode}), {@link SignedOutByServer} with why.
   */
  async me(): Promise<Account | SignedOutByServer | null> {
    try {
      return toAccount(await apiRequest(this.fetchFn, ME, 'GET'));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        return isRevocationCode(error.code) ? { reason: error.code } : null;
      }
      throw error;
    }
  }

  /** updateProfile changes display name, mood line and phone (`PATCH /api/v1/me`). */
  async updateProfile(update: ProfileUpdate): Promise<Account> {
    return toAccount(await apiRequest(this.fetchFn, ME, 'PATCH', update));
  }

  /**
   * changePassword changes the password (`PUT /api/v1/me/password`, 204); the server signs out
   * every other session of the account. A wrong old password is `invalid_credentials`.
   */
  async changePassword(change: PasswordChange): Promise<void> {
    await apiRequest(this.fetchFn, `${ME}/password`, 'PUT', change);
  }

  /**
   * uploadAvatar sends an image as the avatar (`PUT /api/v1/me/avatar`, the raw file as the body
   * with its own Content-Type), through XMLHttpRequest so that upload progress can be shown.
   * Rejects with `avatar_invalid`, `avatar_too_large` (also for a 413 without a code), `network`
   * or `aborted`.
   */
  uploadAvatar(file: Blob, options: UploadOptions = {}): Promise<Account> {
    return new Promise<Account>((resolve, reject) => {
      if (options.signal?.aborted) {
        reject(new ApiError('aborted', 0));
        return;
      }
      const xhr = this.createUpload();
      const onAbortSignal = () => xhr.abort();
      const done = () => options.signal?.removeEventListener('abort', onAbortSignal);
      xhr.open('PUT', `${ME}/avatar`);
      for (const [name, value] of Object.entries(requestHeaders('PUT', false))) {
        xhr.setRequestHeader(name, value);
      }
      xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) {
          options.onProgress?.(Math.min(1, event.loaded / event.total));
        }
      };
      xhr.onload = () => {
        done();
        const body = parseJson(xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) {
          try {
            options.onProgress?.(1);
            resolve(toAccount(body, xhr.status));
          } catch (error) {
            reject(error);
          }
          return;
        }
        const error = errorFromResponse(xhr.status, body, xhr.getResponseHeader('Retry-After'));
        reject(error.code === 'payload_too_large' ? new ApiError('avatar_too_large', 413, error.message) : error);
      };
      xhr.onerror = () => {
        done();
        reject(new ApiError('network', 0));
      };
      xhr.onabort = () => {
        done();
        reject(new ApiError('aborted', 0));
      };
      options.signal?.addEventListener('abort', onAbortSignal);
      xhr.send(file);
    });
  }
}
