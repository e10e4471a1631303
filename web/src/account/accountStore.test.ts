import { describe, expect, it, vi } from 'vitest';
import { AccountClient } from '../api/accountApi';
import { ApiError } from '../api/ApiError';
import { ADA, apiError, fakeFetch, json, noContent, type FetchCall } from '../testing/fakeFetch';
import { AccountStore, forcedSignOut, isForcedSignOut, RECHECK_INTERVAL_MS } from './accountStore';

function storeWith(handler: (call: FetchCall) => Response | Promise<Response>) {
  const fetchFn = fakeFetch(handler);
  return { store: new AccountStore(new AccountClient(fetchFn)), fetchFn };
}

describe('AccountStore', () => {
  it('starts loading, then knows who is signed in', async () => {
    const { store, fetchFn } = storeWith(() => json(200, ADA));
    expect(store.state).toEqual({ status: 'loading' });
    const listener = vi.fn();
    store.subscribe(listener);
    await store.load();
    expect(store.state).toEqual({ status: 'signedIn', account: ADA });
    expect(store.account).toEqual(ADA);
    expect(listener).toHaveBeenCalledTimes(1);
    await store.load();
    expect(fetchFn.calls).toHaveLength(1);
  });

  it('loads once even when asked twice at the same time', async () => {
    const { store, fetchFn } = storeWith(() => apiError(401, 'not_signed_in'));
    await Promise.all([store.load(), store.load()]);
    expect(fetchFn.calls).toHaveLength(1);
    expect(store.state).toEqual({ status: 'signedOut', cause: 'none' });
    expect(store.account).toBeNull();
  });

  it('counts an unreachable server as nobody signed in', async () => {
    const { store } = storeWith(() => {
      throw new TypeError('offline');
    });
    await store.load();
    expect(store.state).toEqual({ status: 'signedOut', cause: 'none' });
  });

  it('a sign-in that finishes first wins over the older answer to /me', async () => {
    let answerMe: (response: Response) => void = () => {};
    const { store } = storeWith((call) =>
      call.url === '/api/v1/me' ? new Promise<Response>((resolve) => (answerMe = resolve)) : json(200, ADA),
    );
    const loading = store.load();
    await store.signIn({ username: 'ada', password: 'pw', rememberMe: false });
    answerMe(apiError(401, 'not_signed_in'));
    await loading;
    expect(store.state).toEqual({ status: 'signedIn', account: ADA });
  });

  it('signIn and register record the account; failures change nothing', async () => {
    const { store } = storeWith((call) =>
      call.url === '/api/v1/session' ? apiError(401, 'invalid_credentials') : json(201, ADA),
    );
    await store.load().catch(() => undefined);
    const before = store.state;
    await expect(store.signIn({ username: 'ada', password: 'x', rememberMe: true })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(store.state).toBe(before);
    await store.register({ username: 'ada', password: 'long enough', displayName: 'Ada Lovelace', phone: '' });
    expect(store.account).toEqual(ADA);
  });

  it('signOut ends the session on the server, then here', async () => {
    const { store, fetchFn } = storeWith((call) => (call.method === 'DELETE' ? noContent() : json(200, ADA)));
    await store.load();
    await store.signOut();
    expect(fetchFn.calls.at(-1)).toMatchObject({ method: 'DELETE', url: '/api/v1/session' });
    expect(store.state).toEqual({ status: 'signedOut', cause: 'user' });
  });

  it('signOut keeps the session when the server cannot be reached', async () => {
    const { store } = storeWith((call) => {
      if (call.method === 'DELETE') throw new TypeError('offline');
      return json(200, ADA);
    });
    await store.load();
    await expect(store.signOut()).rejects.toBeInstanceOf(ApiError);
    expect(store.account).toEqual(ADA);
  });

  it('saving the profile or the avatar updates the account', async () => {
    const { store } = storeWith((call) =>
      call.method === 'PATCH' ? json(200, { ...ADA, moodLine: 'Poetical science' }) : json(200, ADA),
    );
    await store.load();
    await store.updateProfile({ displayName: 'Ada Lovelace', moodLine: 'Poetical science', phone: '' });
    expect(store.account?.moodLine).toBe('Poetical science');
  });

  it('a call answered 401 not_signed_in marks the session as ended', async () => {
    const { store } = storeWith((call) => (call.method === 'GET' ? json(200, ADA) : apiError(401, 'not_signed_in')));
    await store.load();
    await expect(store.changePassword({ oldPassword: 'a', newPassword: 'b' })).rejects.toMatchObject({
      code: 'not_signed_in',
    });
    expect(store.state).toEqual({ status: 'signedOut', cause: 'session_expired' });
  });

  it('a call answered 401 with the reason the server ended the session signs out for that reason', async () => {
    const { store } = storeWith((call) => (call.method === 'GET' ? json(200, ADA) : apiError(401, 'password_changed')));
    await store.load();
    await expect(store.updateProfile({ displayName: 'Ada', moodLine: '', phone: '' })).rejects.toMatchObject({
      code: 'password_changed',
    });
    expect(store.state).toEqual({ status: 'signedOut', cause: 'password_changed' });
  });

  it('loading a session the server ended signs out with the server reason', async () => {
    const { store } = storeWith(() => apiError(401, 'signed_in_elsewhere'));
    await store.load();
    expect(store.state).toEqual({ status: 'signedOut', cause: 'signed_in_elsewhere' });
    expect(isForcedSignOut('signed_in_elsewhere')).toBe(true);
  });

  it('a wrong old password does not sign out', async () => {
    const { store } = storeWith((call) => (call.method === 'GET' ? json(200, ADA) : apiError(400, 'invalid_credentials')));
    await store.load();
    await expect(store.changePassword({ oldPassword: 'a', newPassword: 'b' })).rejects.toMatchObject({
      code: 'invalid_credentials',
    });
    expect(store.account).toEqual(ADA);
  });

  it('signedOutBy records the server reason of a WebSocket close', async () => {
    const { store } = storeWith(() => json(200, ADA));
    await store.load();
    store.signedOutBy('signed_in_elsewhere');
    expect(store.state).toEqual({ status: 'signedOut', cause: 'signed_in_elsewhere' });
    store.signedOutBy('something new');
    expect(store.state).toEqual({ status: 'signedOut', cause: 'revoked' });
  });

  it('unsubscribed listeners are not called', async () => {
    const { store } = storeWith(() => json(200, ADA));
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    unsubscribe();
    await store.load();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('AccountStore.recheck', () => {
  /** A store on a server answering /me with `me()`, and a clock the test moves. */
  function rechecking(me: () => Response | Promise<Response>) {
    const clock = { now: 1_000_000 };
    const fetchFn = fakeFetch(me);
    const store = new AccountStore(new AccountClient(fetchFn), () => clock.now);
    return { store, fetchFn, clock };
  }

  it('asks again at most once per 30 s, counting the first load', async () => {
    const { store, fetchFn, clock } = rechecking(() => json(200, ADA));
    await store.load();
    const signedIn = store.state;
    await store.recheck();
    expect(fetchFn.calls).toHaveLength(1);
    clock.now += RECHECK_INTERVAL_MS - 1;
    await store.recheck();
    expect(fetchFn.calls).toHaveLength(1);
    clock.now += 1;
    await store.recheck();
    expect(fetchFn.calls.map((c) => [c.method, c.url])).toEqual([
      ['GET', '/api/v1/me'],
      ['GET', '/api/v1/me'],
    ]);
    expect(store.state).toBe(signedIn);
    await store.recheck();
    expect(fetchFn.calls).toHaveLength(2);
  });

  it('learns that the account signed in elsewhere', async () => {
    let answer = () => json(200, ADA);
    const { store, clock } = rechecking(() => answer());
    await store.load();
    answer = () => apiError(401, 'signed_in_elsewhere');
    clock.now += RECHECK_INTERVAL_MS;
    const listener = vi.fn();
    store.subscribe(listener);
    await store.recheck();
    expect(store.state).toEqual({ status: 'signedOut', cause: 'signed_in_elsewhere' });
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('counts a session the server no longer knows as expired', async () => {
    let answer = () => json(200, ADA);
    const { store, clock } = rechecking(() => answer());
    await store.load();
    answer = () => apiError(401, 'not_signed_in');
    clock.now += RECHECK_INTERVAL_MS;
    await store.recheck();
    expect(store.state).toEqual({ status: 'signedOut', cause: 'session_expired' });
  });

  it('asks only while someone is signed in', async () => {
    const { store, fetchFn, clock } = rechecking(() => apiError(401, 'not_signed_in'));
    await store.recheck();
    expect(fetchFn.calls).toHaveLength(0);
    await store.load();
    clock.now += RECHECK_INTERVAL_MS;
    await store.recheck();
    expect(fetchFn.calls).toHaveLength(1);
    expect(store.state).toEqual({ status: 'signedOut', cause: 'none' });
  });

  it('keeps the state when the server cannot be reached, and takes over a changed account', async () => {
    let answer: () => Response = () => json(200, ADA);
    const { store, clock } = rechecking(() => answer());
    await store.load();
    const before = store.state;
    answer = () => {
      throw new TypeError('offline');
    };
    clock.now += RECHECK_INTERVAL_MS;
    await store.recheck();
    expect(store.state).toBe(before);
    answer = () => json(200, { ...ADA, displayName: 'Countess Lovelace' });
    clock.now += RECHECK_INTERVAL_MS;
    await store.recheck();
    expect(store.account?.displayName).toBe('Countess Lovelace');
  });

  it('a change made while the answer is on its way wins over that answer', async () => {
    let answerMe: (response: Response) => void = () => {};
    let first = true;
    const { store, fetchFn, clock } = rechecking(() => {
      if (first) {
        first = false;
        return json(200, ADA);
      }
      return new Promise<Response>((resolve) => (answerMe = resolve));
    });
    await store.load();
    clock.now += RECHECK_INTERVAL_MS;
    const checks = Promise.all([store.recheck(), store.recheck()]);
    expect(fetchFn.calls).toHaveLength(2);
    store.setAccount({ ...ADA, moodLine: 'saved meanwhile' });
    answerMe(apiError(401, 'not_signed_in'));
    await checks;
    expect(store.account?.moodLine).toBe('saved meanwhile');
  });
});

describe('sign-out causes', () => {
  it('maps WebSocket close reasons and tells forced sign-outs from mine', () => {
    expect(['signed_in_elsewhere', 'logout', 'password_changed', 'revoked', '', 'toString'].map(forcedSignOut)).toEqual([
      'signed_in_elsewhere',
      'logout',
      'password_changed',
      'revoked',
      'revoked',
      'revoked',
    ]);
    expect(isForcedSignOut('signed_in_elsewhere')).toBe(true);
    expect(isForcedSignOut('session_expired')).toBe(true);
    expect(isForcedSignOut('user')).toBe(false);
    expect(isForcedSignOut('none')).toBe(false);
  });
});
