import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { createMeeting, getMeeting, type Fetch } from './meetingsApi';

function respond(status: number, body: unknown): Fetch {
  return vi.fn(async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    }),
  );
}

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('meetingsApi', () => {
  it('createMeeting posts and returns the number', async () => {
    const fetchFn = respond(201, { meetingNumber: '123456789' });
    await expect(createMeeting(fetchFn)).resolves.toBe('123456789');
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/meetings', expect.objectContaining({ method: 'POST' }));
    const init = vi.mocked(fetchFn).mock.calls[0]![1]!;
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['X-Kaihui-Request']).toBe('1');
  });

  it('getMeeting returns the summary', async () => {
    const fetchFn = respond(200, { meetingNumber: '123456789', participantCount: 2 });
    await expect(getMeeting('123456789', fetchFn)).resolves.toEqual({
      meetingNumber: '123456789',
      participantCount: 2,
    });
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/meetings/123456789', expect.anything());
  });

  it('getMeeting reports the server code of a 404', async () => {
    const error = await failure(
      getMeeting('999999999', respond(404, { code: 'meeting_not_found', message: 'no such meeting' })),
    );
    expect([error.code, error.status]).toEqual(['meeting_not_found', 404]);
  });

  it('reports server_error for an error without a JSON code', async () => {
    expect((await failure(getMeeting('1', respond(502, '<html>bad gateway</html>')))).code).toBe('server_error');
    expect((await failure(createMeeting(respond(201, '"just a string"')))).code).toBe('server_error');
    expect((await failure(createMeeting(respond(201, {})))).code).toBe('server_error');
  });

  it('reports network when the server cannot be reached', async () => {
    const offline: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(createMeeting(offline));
    expect([error.code, error.status]).toEqual(['network', 0]);
  });
});
