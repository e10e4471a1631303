import { describe, expect, it } from 'vitest';
import { apiError, fakeFetch, json, noContent } from '../testing/fakeFetch';
import { ApiError } from './ApiError';
import { apiRequest, CSRF_HEADER, errorFromResponse, requestHeaders } from './request';

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('apiRequest', () => {
  it('sends the CSRF header on every state-changing method, and never on GET', async () => {
    const fetchFn = fakeFetch(() => noContent());
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'GET']) {
      await apiRequest(fetchFn, '/api/v1/x', method);
    }
    expect(fetchFn.calls.map((c) => [c.method, c.headers[CSRF_HEADER]])).toEqual([
      ['POST', '1'],
      ['PUT', '1'],
      ['PATCH', '1'],
      ['DELETE', '1'],
      ['GET', undefined],
    ]);
    expect(fetchFn.calls.every((c) => c.credentials === 'same-origin')).toBe(true);
    expect(CSRF_HEADER).toBe('X-Kaihui-Request');
  });

  it('sends a JSON body with its content type and returns the JSON answer', async () => {
    const fetchFn = fakeFetch(() => json(200, { ok: true }));
    await expect(apiRequest(fetchFn, '/api/v1/y', 'PATCH', { a: 1 })).resolves.toEqual({ ok: true });
    expect(fetchFn.calls[0]).toMatchObject({ body: { a: 1 } });
    expect(fetchFn.calls[0]!.headers['Content-Type']).toBe('application/json');
  });

  it('returns null for an answer without a body', async () => {
    await expect(apiRequest(fakeFetch(() => noContent()), '/api/v1/z', 'DELETE')).resolves.toBeNull();
  });

  it('maps error answers to their code, status and Retry-After', async () => {
    const limited = await failure(
      apiRequest(fakeFetch(() => apiError(429, 'too_many_attempts', { 'Retry-After': '17' })), '/s', 'POST'),
    );
    expect([limited.code, limited.status, limited.retryAfterSeconds]).toEqual(['too_many_attempts', 429, 17]);
    const csrf = await failure(apiRequest(fakeFetch(() => apiError(403, 'csrf_rejected')), '/s', 'POST'));
    expect([csrf.code, csrf.status, csrf.retryAfterSeconds]).toEqual(['csrf_rejected', 403, null]);
    expect(csrf.message).toBe('csrf rejected');
  });

  it('reports network when there is no answer', async () => {
    const offline = fakeFetch(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = await failure(apiRequest(offline, '/api/v1/me', 'GET'));
    expect([error.code, error.status]).toEqual(['network', 0]);
  });
});

describe('errorFromResponse', () => {
  it('falls back on the status when the body has no code', () => {
    expect(errorFromResponse(413, null, null).code).toBe('payload_too_large');
    expect(errorFromResponse(429, '<html>', '5')).toMatchObject({ code: 'too_many_attempts', retryAfterSeconds: 5 });
    expect(errorFromResponse(500, { code: 42 }, null).code).toBe('server_error');
    expect(errorFromResponse(400, { code: '' }, null).code).toBe('server_error');
  });
});

describe('requestHeaders', () => {
  it('accepts JSON and names a JSON body', () => {
    expect(requestHeaders('get', false)).toEqual({ Accept: 'application/json' });
    expect(requestHeaders('post', true)).toEqual({
      Accept: 'application/json',
      'Content-Type': 'application/json',
      [CSRF_HEADER]: '1',
    });
  });
});
