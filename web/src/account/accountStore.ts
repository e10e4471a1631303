import {
  AccountClient,
  isRevocationCode,
  isSignedOutByServer,
  type Account,
  type SignedOutByServer,
  type UploadOptions,
} from '../api/accountApi';
import { ApiError } from '../api/ApiError';
import type { LoginRequest, PasswordChange, ProfileUpdate, RegisterRequest } from '../protocol/generated';

/**
 * Why nobody is signed in: `none` (nobody was), `user` (I signed out here), or the server's
 * reason for ending the session: `signed_in_elsewhere`, `logout` (signed out in another tab),
 * `password_changed`, `revoked`, or `session_expired` (the server no longer knew the session).
 */
export type SignOutCause =
  | 'none'
  | 'user'
  | 'signed_in_elsewhere'
  | 'logout'
  | 'password_changed'
  | 'revoked'
  | 'session_expired';

/** The causes that end a session without my doing it here; the sign-in page explains them. */
export type ForcedSignOut = Exclude<SignOutCause, 'none' | 'user'>;

const FORCED: ReadonlySet<string> = new Set<ForcedSignOut>([
  'signed_in_elsewhere',
  'logout',
  'password_changed',
  'revoked',
  'session_expired',
]);

/** isForcedSignOut tells whether a cause ended the session without my doing it here. */
export function isForcedSignOut(cause: SignOutCause): cause is ForcedSignOut {
  return FORCED.has(cause);
}

/**
 * forcedSignOut maps the reason of a WebSocket closed with code 4001 to its cause; a reason the
 * client does not know is `revoked`.
 */
export function forcedSignOut(reason: string): ForcedSignOut {
  return FORCED.has(reason) ? (reason as ForcedSignOut) : 'revoked';
}

/** {@link AccountStore.recheck} asks the server at most this often, in milliseconds (30 s). */
export const RECHECK_INTERVAL_MS = 30_000;

/** Who is signed in, as far as this page knows. */
export type AccountState =
  | { status: 'loading' }
  | { status: 'signedOut'; cause: SignOutCause }
  | { status: 'signedIn'; account: Account };

/**
 * The account of this page: whether someone is signed in and who, kept in step with the server
 * through an {@link AccountClient}. Components read it through `useAccount` (it works with
 * React's useSyncExternalStore); each state is a new object, so identity tells a change.
 *
 * Calls that need a session and get 401 from the server mark the store signed out before
 * rethrowing: with the server's reason when it ended the session (`signed_in_elsewhere`...),
 * else `session_expired`. So does an answer to `GET /api/v1/me` ({@link load}, {@link recheck}).
 */
export class AccountStore {
  private current: AccountState = { status: 'loading' };
  private readonly listeners = new Set<() => void>();
  private loading: Promise<void> | null = null;
  private loaded = false;
  private checking: Promise<void> | null = null;
  /** When `GET /api/v1/me` was last sent, by {@link now}. */
  private askedAt = Number.NEGATIVE_INFINITY;

  /**
   * @param client the account API
   * @param now the clock of {@link recheck}'s interval, in milliseconds
   */
  constructor(
    readonly client: AccountClient = new AccountClient(),
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** The current state. */
  get state(): AccountState {
    return this.current;
  }

  /** The signed-in account, or null. */
  get account(): Account | null {
    return this.current.status === 'signedIn' ? this.current.account : null;
  }

  /** subscribe calls `listener` after every change; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /**
   * load asks the server who is signed in (`GET /api/v1/me`), once: later calls return the same
   * promise. An unreachable server counts as nobody signed in; a session the server ended since
   * this browser last asked is a sign-out with the server's reason.
   */
  load(): Promise<void> {
    if (this.loaded) return Promise.resolve();
    if (this.loading === null) this.askedAt = this.now();
    this.loading ??= this.client
      .me()
      .then(
        (answer) => this.setIfLoading(answer),
        () => this.setIfLoading(null),
      )
      .finally(() => {
        this.loaded = true;
      });
    return this.loading;
  }

  /**
   * recheck asks the server again whether this page's session is still live (`GET /api/v1/me`),
   * so that a page left open learns that it was signed out elsewhere: only while someone is
   * signed in, and at most once per {@link RECHECK_INTERVAL_MS} (counting {@link load}).
   * An ended session becomes a sign-out with the server's reason (`session_expired` when the
   * server merely no longer knows it); a changed account is taken over. An unreachable server,
   * or a change here while the answer was on its way, leaves the state alone.
   */
  recheck(): Promise<void> {
    if (this.checking !== null) return this.checking;
    const asked = this.current;
    if (asked.status !== 'signedIn' || this.now() - this.askedAt < RECHECK_INTERVAL_MS) {
      return Promise.resolve();
    }
    this.askedAt = this.now();
    this.checking = this.client
      .me()
      .then(
        (answer) => {
          // A sign-in, sign-out or save meanwhile is newer than this answer.
          if (this.current !== asked) return;
          if (answer === null) this.set({ status: 'signedOut', cause: 'session_expired' });
          else if (isSignedOutByServer(answer)) this.set({ status: 'signedOut', cause: answer.reason });
          else if (!sameAccount(answer, asked.account)) this.setAccount(answer);
        },
        () => undefined,
      )
      .finally(() => {
        this.checking = null;
      });
    return this.checking;
  }

  /** signIn signs in; rejects with the ApiError (`invalid_credentials`, `too_many_attempts`...). */
  async signIn(request: LoginRequest): Promise<Account> {
    const account = await this.client.signIn(request);
    this.setAccount(account);
    return account;
  }

  /** register creates the account and signs in; rejects with the ApiError of the failed field. */
  async register(request: RegisterRequest): Promise<Account> {
    const account = await this.client.register(request);
    this.setAccount(account);
    return account;
  }

  /**
   * signOut ends the session on the server, then here (cause `user`). A session the server no
   * longer knows counts as ended; an unreachable server rejects and nothing changes.
   */
  async signOut(): Promise<void> {
    try {
      await this.client.signOut();
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    this.set({ status: 'signedOut', cause: 'user' });
  }

  /** updateProfile saves display name, mood line and phone; resolves with the new account. */
  updateProfile(update: ProfileUpdate): Promise<Account> {
    return this.signedInCall(() => this.client.updateProfile(update)).then((account) => {
      this.setAccount(account);
      return account;
    });
  }

  /** uploadAvatar sends a new avatar image; resolves with the account pointing at it. */
  uploadAvatar(file: Blob, options?: UploadOptions): Promise<Account> {
    return this.signedInCall(() => this.client.uploadAvatar(file, options)).then((account) => {
      this.setAccount(account);
      return account;
    });
  }

  /** changePassword changes the password (the server signs out my other sessions). */
  changePassword(change: PasswordChange): Promise<void> {
    return this.signedInCall(() => this.client.changePassword(change));
  }

  /** signedOutBy records that the server ended the session (WebSocket close 4001 with `reason`). */
  signedOutBy(reason: string): void {
    this.set({ status: 'signedOut', cause: forcedSignOut(reason) });
  }

  /** setAccount records who is signed in (after signing in, or any answer holding the account). */
  setAccount(account: Account): void {
    this.loaded = true;
    this.set({ status: 'signedIn', account });
  }

  private async signedInCall<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        if (isRevocationCode(error.code)) this.set({ status: 'signedOut', cause: error.code });
        else if (error.code === 'not_signed_in') this.set({ status: 'signedOut', cause: 'session_expired' });
      }
      throw error;
    }
  }

  private setIfLoading(answer: Account | SignedOutByServer | null): void {
    // A sign-in that finished first wins over the older answer.
    if (this.current.status !== 'loading') return;
    if (answer === null) this.set({ status: 'signedOut', cause: 'none' });
    else if (isSignedOutByServer(answer)) this.set({ status: 'signedOut', cause: answer.reason });
    else this.set({ status: 'signedIn', account: answer });
  }

  private set(state: AccountState): void {
    this.current = state;
    for (const listener of [...this.listeners]) listener();
  }
}

/** sameAccount tells whether two answers describe the account alike, field by field. */
function sameAccount(a: Account, b: Account): boolean {
  return (Object.keys(a) as (keyof Account)[]).every((key) => a[key] === b[key]);
}
