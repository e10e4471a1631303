import { describe, expect, it, vi } from 'vitest';
import { ApiError } from './ApiError';
import { createMeeting, endMeeting, getMeeting, meetingHistory, updateMeeting, type Fetch } from './meetingsApi';

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
  const summary = {
    meetingNumber: '123456789', title: 'Weekly sync', hostName: 'Ada', allowGuests: true,
    participantCount: 0, startedAtMs: 1, youAreHost: true,
  };

  it('createMeeting posts the title and guest setting and returns the summary', async () => {
    const fetchFn = respond(201, summary);
    await expect(createMeeting({ title: 'Weekly sync', allowGuests: true }, fetchFn)).resolves.toEqual(summary);
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/meetings', expect.objectContaining({ method: 'POST' }));
    const init = vi.mocked(fetchFn).mock.calls[0]![1]!;
    expect(init.credentials).toBe('same-origin');
    expect((init.headers as Record<string, string>)['X-Kaihui-Request']).toBe('1');
    expect(JSON.parse(init.body as string)).toEqual({ title: 'Weekly sync', allowGuests: true });
  });

  it('createMeeting reports not_signed_in without a session', async () => {
    const error = await failure(createMeeting({ title: null, allowGuests: false }, respond(401, { code: 'not_signed_in', message: 'x' })));
    expect([error.code, error.status]).toEqual(['not_signed_in', 401]);
  });

  it('updateMeeting patches the settings with the CSRF header', async () => {
    const fetchFn = respond(200, { ...summary, allowGuests: false });
    await expect(updateMeeting('123456789', { allowGuests: false }, fetchFn)).resolves.toMatchObject({ allowGuests: false });
    const [url, init] = vi.mocked(fetchFn).mock.calls[0]!;
    expect([url, init!.method, JSON.parse(init!.body as string)]).toEqual(['/api/v1/meetings/123456789', 'PATCH', { allowGuests: false }]);
    expect((init!.headers as Record<string, string>)['X-Kaihui-Request']).toBe('1');
    const error = await failure(updateMeeting('123456789', { allowGuests: true }, respond(403, { code: 'not_host', message: 'x' })));
    expect(error.code).toBe('not_host');
  });

  it('endMeeting deletes the meeting', async () => {
    const fetchFn = vi.fn<Fetch>(async () => new Response(null, { status: 204 }));
    await expect(endMeeting('123456789', fetchFn)).resolves.toBeUndefined();
    const [url, init] = vi.mocked(fetchFn).mock.calls[0]!;
    expect([url, init!.method]).toEqual(['/api/v1/meetings/123456789', 'DELETE']);
    expect((init!.headers as Record<string, string>)['X-Kaihui-Request']).toBe('1');
  });

  it('meetingHistory asks for 50 and returns the list', async () => {
    const past = [{ meetingNumber: '123456789', title: 'Weekly sync', hostName: 'Bob', startedAtMs: 1, endedAtMs: null, participants: ['Bob'], guests: 0 }];
    const fetchFn = respond(200, past);
    await expect(meetingHistory(undefined, fetchFn)).resolves.toEqual(past);
    expect(fetchFn).toHaveBeenCalledWith('/api/v1/meetings/history?limit=50', expect.objectContaining({ method: 'GET' }));
    expect((await failure(meetingHistory(10, respond(200, { not: 'a list' })))).code).toBe('server_error');
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
    const create = { title: null, allowGuests: false };
    expect((await failure(createMeeting(create, respond(201, '"just a string"')))).code).toBe('server_error');
    expect((await failure(createMeeting(create, respond(201, {})))).code).toBe('server_error');
  });

  it('reports network when the server cannot be reached', async () => {
    const offline: Fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const error = await failure(createMeeting({ title: null, allowGuests: false }, offline));
    expect([error.code, error.status]).toEqual(['network', 0]);
  });
});
