import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServerEvent } from '../protocol/messages';
import { FakeSocket } from '../testing/FakeSocket';
import { SignalingClient } from './SignalingClient';
import { SignalingError } from './SignalingError';

describe('SignalingClient', () => {
  let socket: FakeSocket;
  let events: ServerEvent[];
  let closes: number[];
  let serverErrors: string[];
  let client: SignalingClient;

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    events = [];
    closes = [];
    serverErrors = [];
    client = new SignalingClient(
      socket,
      {
        onEvent: (event) => events.push(event),
        onClose: (code) => closes.push(code),
        onServerError: (code) => serverErrors.push(code),
      },
      { requestTimeoutMs: 1000 },
    );
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('numbers requests from 1 and resolves each with the answer of the same id', async () => {
    socket.open();
    const join = client.join({
      meetingNumber: '123456789',
      displayName: 'Ada',
      audioMuted: false,
      videoMuted: true,
    });
    const ping = client.ping(true);
    expect(socket.sent).toEqual([
      {
        type: 'join',
        id: 1,
        meetingNumber: '123456789',
        displayName: 'Ada',
        audioMuted: false,
        videoMuted: true,
      },
      { type: 'ping', id: 2, away: true },
    ]);
    // Answers out of order still find their requests.
    socket.receive({ type: 'ok', id: 2 });
    socket.receive({
      type: 'joinResponse',
      id: 1,
      meetingNumber: '123456789',
      participantId: 'p1',
      participants: [],
    });
    await expect(ping).resolves.toEqual({ type: 'ok', id: 2 });
    await expect(join).resolves.toMatchObject({ participantId: 'p1' });
  });

  it('rejects with the server error code', async () => {
    socket.open();
    const publish = client.publish('v=0');
    socket.receive({ type: 'error', id: 1, code: 'bad_sdp', message: 'no m-line' });
    const error = await publish.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignalingError);
    expect((error as SignalingError).code).toBe('bad_sdp');
    expect((error as SignalingError).isConnectionProblem).toBe(false);
  });

  it('rejects an answer of the wrong type', async () => {
    socket.open();
    const publish = client.publish('v=0');
    socket.receive({ type: 'ok', id: 1 });
    await expect(publish).rejects.toMatchObject({ code: 'unexpected_response' });
  });

  it('times out a request with no answer and drops the late answer', async () => {
    socket.open();
    const ping = client.ping();
    const outcome = ping.catch((e: unknown) => e);
    vi.advanceTimersByTime(999);
    socket.receive({ type: 'pong?' });
    vi.advanceTimersByTime(1);
    const error = (await outcome) as SignalingError;
    expect(error.code).toBe('timeout');
    expect(error.isConnectionProblem).toBe(true);
    socket.receive({ type: 'ok', id: 1 });
    expect(client.droppedFrames).toBe(2);
  });

  it('fails pending requests when the socket closes, and reports the close', async () => {
    socket.open();
    const leave = client.leave();
    socket.drop(1006);
    await expect(leave).rejects.toMatchObject({ code: 'connection_closed' });
    expect(closes).toEqual([1006]);
    await expect(client.ping()).rejects.toMatchObject({ code: 'connection_closed' });
  });

  it('rejects requests made before the socket opens', async () => {
    await expect(client.ping()).rejects.toMatchObject({ code: 'connection_closed' });
    expect(socket.sent).toEqual([]);
  });

  it('dispatches events, which carry no id', () => {
    socket.open();
    socket.receive({ type: 'subscribeOffer', version: 1, sdp: 'v=0' });
    socket.receive({
      type: 'participantJoined',
      participant: { participantId: 'p2', displayName: 'Bo', audioMuted: true, videoMuted: false },
    });
    socket.receive({ type: 'participantLeft', participantId: 'p2', reason: 'left' });
    socket.receive({ type: 'meetingUpdated', meeting: { meetingNumber: '123456789', allowGuests: true } });
    socket.receive({ type: 'meetingEnded', reason: 'ended_by_host', by: 'Bob' });
    socket.receive({ type: 'presence', userId: 81, state: 'away' });
    expect(events.map((e) => e.type)).toEqual([
      'subscribeOffer',
      'participantJoined',
      'participantLeft',
      'meetingUpdated',
      'meetingEnded',
      'presence',
    ]);
    expect(client.droppedFrames).toBe(0);
  });

  it('drops frames that are not JSON objects with a type, without throwing', () => {
    socket.open();
    for (const frame of ['', 'not json', '42', 'null', '[]', '{"id":1}', '{"type":7}']) {
      socket.receive(frame);
    }
    expect(client.droppedFrames).toBe(7);
    expect(events).toEqual([]);
  });

  it('reports an error with id 0 as a server error', () => {
    socket.open();
    socket.receive({ type: 'error', id: 0, code: 'bad_request', message: 'unreadable' });
    expect(serverErrors).toEqual(['bad_request']);
  });

  it('close fails pending requests and does not report its own close', async () => {
    socket.open();
    const ping = client.ping();
    client.close();
    await expect(ping).rejects.toMatchObject({ code: 'connection_closed' });
    expect(socket.closedByClient).toBe(true);
    expect(closes).toEqual([]);
    expect(client.isOpen).toBe(false);
  });
});
