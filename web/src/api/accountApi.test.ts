import { describe, expect, it, vi } from 'vitest';
import { ADA, apiError, fakeFetch, json, noContent } from '../testing/fakeFetch';
import { FakeUpload } from '../testing/FakeUpload';
import { AccountClient, MAX_AVATAR_BYTES, isRevocationCode, isSignedOutByServer, toAccount } from './accountApi';
import { ApiError } from './ApiError';
import { CSRF_HEADER } from './request';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const view = { ...ADA, phone: null, avatarUrl: null };

describe('AccountClient', () => {
  it('register posts the form to /api/v1/accounts and returns the account', async () => {
    const fetchFn = fakeFetch(() => json(201, view));
    const request = { username: 'ada', password: 'correct horse', displayName: 'Ada Lovelace', phone: '' };
    await expect(new AccountClient(fetchFn).register(request)).resolves.toEqual(ADA);
    expect(fetchFn.calls).toEqual([
      expect.objectContaining({ method: 'POST', url: '/api/v1/accounts', body: request, credentials: 'same-origin' }),
    ]);
    expect(fetchFn.calls[0]!.headers[CSRF_HEADER]).toBe('1');
  });

  it('register reports the failed rule', async () => {
    const error = await failure(
      new AccountClient(fakeFetch(() => apiError(409, 'username_taken'))).register({
        username: 'ada',
        password: 'x',
        displayName: 'A',
        phone: '',
      }),
    );
    expect([error.code, error.status]).toEqual(['username_taken', 409]);
  });

  it('signIn posts to /api/v1/session with rememberMe', async () => {
    const fetchFn = fakeFetch(() => json(200, view));
    await new AccountClient(fetchFn).signIn({ username: 'ada', password: 'pw', rememberMe: true });
    expect(fetchFn.calls[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/session',
      body: { username: 'ada', password: 'pw', rememberMe: true },
    });
    expect(fetchFn.calls[0]!.headers[CSRF_HEADER]).toBe('1');
  });

  it('signIn reports wrong credentials and rate limiting with the wait', async () => {
    const wrong = await failure(
      new AccountClient(fakeFetch(() => apiError(401, 'invalid_credentials'))).signIn({
        username: 'ada',
        password: 'x',
        rememberMe: false,
      }),
    );
    expect(wrong.code).toBe('invalid_credentials');
    const limited = await failure(
      new AccountClient(fakeFetch(() => apiError(429, 'too_many_attempts', { 'Retry-After': '42' }))).signIn({
        username: 'ada',
        password: 'x',
        rememberMe: false,
      }),
    );
    expect([limited.code, limited.retryAfterSeconds]).toEqual(['too_many_attempts', 42]);
  });

  it('signOut deletes the session', async () => {
    const fetchFn = fakeFetch(() => noContent());
    await new AccountClient(fetchFn).signOut();
    expect(fetchFn.calls[0]).toMatchObject({ method: 'DELETE', url: '/api/v1/session' });
    expect(fetchFn.calls[0]!.headers[CSRF_HEADER]).toBe('1');
  });

  it('me returns the account, or null when nobody is signed in', async () => {
    const fetchFn = fakeFetch(() => json(200, { ...view, phone: '+8613800138000', avatarUrl: '/api/v1/users/7/avatar?v=2' }));
    await expect(new AccountClient(fetchFn).me()).resolves.toEqual({
      ...ADA,
      phone: '+8613800138000',
      avatarUrl: '/api/v1/users/7/avatar?v=2',
    });
    expect(fetchFn.calls[0]).toMatchObject({ method: 'GET', url: '/api/v1/me', credentials: 'same-origin' });
    expect(fetchFn.calls[0]!.headers[CSRF_HEADER]).toBeUndefined();
    await expect(new AccountClient(fakeFetch(() => apiError(401, 'not_signed_in'))).me()).resolves.toBeNull();
    expect((await failure(new AccountClient(fakeFetch(() => apiError(500, 'boom'))).me())).code).toBe('boom');
  });

  it('me tells a session the server ended, with why, from nobody signed in', async () => {
    for (const reason of ['signed_in_elsewhere', 'password_changed', 'logout', 'revoked']) {
      const answer = await new AccountClient(fakeFetch(() => apiError(401, reason))).me();
      expect(answer).toEqual({ reason });
      expect(isSignedOutByServer(answer)).toBe(true);
    }
    for (const other of ['not_signed_in', 'something_new', '']) {
      await expect(new AccountClient(fakeFetch(() => apiError(401, other))).me()).resolves.toBeNull();
    }
    // Only a 401 ends the session: the same code with another status is a failure.
    expect((await failure(new AccountClient(fakeFetch(() => apiError(403, 'revoked'))).me())).code).toBe('revoked');
    expect(isSignedOutByServer(ADA)).toBe(false);
    expect(isSignedOutByServer(null)).toBe(false);
    expect(['signed_in_elsewhere', 'password_changed', 'logout', 'revoked', 'not_signed_in', 'toString'].map(isRevocationCode)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('updateProfile patches /api/v1/me; changePassword puts /api/v1/me/password', async () => {
    const fetchFn = fakeFetch((call) => (call.method === 'PATCH' ? json(200, { ...view, moodLine: 'hi' }) : noContent()));
    const client = new AccountClient(fetchFn);
    const update = { displayName: 'Ada', moodLine: 'hi', phone: '' };
    await expect(client.updateProfile(update)).resolves.toMatchObject({ moodLine: 'hi' });
    await expect(client.changePassword({ oldPassword: 'a', newPassword: 'b' })).resolves.toBeUndefined();
    expect(fetchFn.calls.map((c) => [c.method, c.url, c.body, c.headers[CSRF_HEADER]])).toEqual([
      ['PATCH', '/api/v1/me', update, '1'],
      ['PUT', '/api/v1/me/password', { oldPassword: 'a', newPassword: 'b' }, '1'],
    ]);
  });

  it('rejects an answer that is not an AccountView', async () => {
    expect((await failure(new AccountClient(fakeFetch(() => json(200, { userId: '7' }))).me())).code).toBe(
      'server_error',
    );
    expect(() => toAccount('nope')).toThrow(ApiError);
    expect(toAccount({ userId: 1, username: 'u', displayName: 'U', phone: '', moodLine: 3 })).toEqual({
      userId: 1,
      username: 'u',
      displayName: 'U',
      phone: null,
      moodLine: null,
      avatarUrl: null,
    });
  });
});

describe('AccountClient.uploadAvatar', () => {
  function client() {
    const uploads: FakeUpload[] = [];
    const accountClient = new AccountClient(fakeFetch(() => noContent()), () => {
      const upload = new FakeUpload();
      uploads.push(upload);
      return upload;
    });
    return { accountClient, uploads };
  }
  const image = new Blob([new Uint8Array(1000)], { type: 'image/png' });

  it('puts the raw image with its type and the CSRF header, reporting progress', async () => {
    const { accountClient, uploads } = client();
    const progress = vi.fn();
    const done = accountClient.uploadAvatar(image, { onProgress: progress });
    const upload = uploads[0]!;
    expect([upload.method, upload.url, upload.body]).toEqual(['PUT', '/api/v1/me/avatar', image]);
    expect(upload.headers).toMatchObject({ 'Content-Type': 'image/png', [CSRF_HEADER]: '1' });
    upload.progress(250, 1000);
    upload.progress(1000, 1000);
    upload.respond(200, { ...ADA, avatarUrl: '/api/v1/users/7/avatar?v=3' });
    await expect(done).resolves.toMatchObject({ avatarUrl: '/api/v1/users/7/avatar?v=3' });
    expect(progress.mock.calls.map((c) => c[0])).toEqual([0.25, 1, 1]);
  });

  it('reports the server refusals, a 413 as avatar_too_large', async () => {
    const { accountClient, uploads } = client();
    const invalid = accountClient.uploadAvatar(image);
    uploads[0]!.respond(400, { code: 'avatar_invalid', message: 'not an image' });
    expect((await failure(invalid)).code).toBe('avatar_invalid');
    const large = accountClient.uploadAvatar(image);
    uploads[1]!.respond(413, '<html>too large</html>');
    expect(await failure(large)).toMatchObject({ code: 'avatar_too_large', status: 413 });
    const signedOut = accountClient.uploadAvatar(image);
    uploads[2]!.respond(401, { code: 'not_signed_in', message: '' });
    expect(await failure(signedOut)).toMatchObject({ code: 'not_signed_in', status: 401 });
  });

  it('reports network errors and aborts', async () => {
    const { accountClient, uploads } = client();
    const offline = accountClient.uploadAvatar(image);
    uploads[0]!.fail();
    expect((await failure(offline)).code).toBe('network');
    const controller = new AbortController();
    const aborted = accountClient.uploadAvatar(image, { signal: controller.signal });
    controller.abort();
    expect((await failure(aborted)).code).toBe('aborted');
    expect(uploads[1]!.aborted).toBe(true);
    expect((await failure(accountClient.uploadAvatar(image, { signal: controller.signal }))).code).toBe('aborted');
    expect(uploads).toHaveLength(2);
  });

  it('knows the size limit', () => {
    expect(MAX_AVATAR_BYTES).toBe(5 * 1024 * 1024);
  });
});
