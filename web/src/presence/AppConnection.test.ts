import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SIGNED_OUT_CLOSE_CODE, SILENT_CLOSE_CODE } from '../meeting/MeetingSession';
import type { PresenceState } from '../protocol/messages';
import { FakeSocket } from '../testing/FakeSocket';
import {
  AppConnection,
  type AppConnectionListener,
  type AppConnectionOptions,
  type AppConnectionStatus,
} from './AppConnection';

describe('AppConnection', () => {
  let sockets: FakeSocket[];
  let statuses: AppConnectionStatus[];
  let presences: PresenceState[];
  let signedOut: string[];
  let away: boolean;

  function connection(
    overrides: Partial<AppConnectionOptions> = {},
    more: Partial<AppConnectionListener> = {},
  ): AppConnection {
    const created = new AppConnection(
      {
        signalingUrl: 'wss://meet.test/ws',
        userId: 7,
        isAway: () => away,
        createSocket: (url) => {
          const socket = new FakeSocket(url);
          sockets.push(socket);
          return socket;
        },
        requestTimeoutMs: 3000,
        ...overrides,
      },
      {
        onStatus: (status) => statuses.push(status),
        onPresence: (state) => presences.push(state),
        onSignedOut: (reason) => signedOut.push(reason),
        ...more,
      },
    );
    created.start();
    return created;
  }

  const socket = () => sockets[sockets.length - 1]!;

  /** The server answers every ping sent so far on the newest socket. */
  function answerPings() {
    for (const ping of socket().sentOfType('ping')) socket().receive({ type: 'ok', id: ping.id });
  }

  beforeEach(() => {
    vi.useFakeTimers();
    sockets = [];
    statuses = [];
    presences = [];
    signedOut = [];
    away = false;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('opens /ws and pings at once, then every 5 s, saying whether the page is away', async () => {
    connection();
    expect(socket().url).toBe('wss://meet.test/ws');
    socket().open();
    expect(statuses).toEqual(['connecting', 'open']);
    expect(socket().sentOfType('ping')).toEqual([{ type: 'ping', id: 1, away: false }]);
    answerPings();
    away = true;
    await vi.advanceTimersByTimeAsync(5000);
    expect(socket().sentOfType('ping').map((p) => p.away)).toEqual([false, true]);
    answerPings();
    await vi.advanceTimersByTimeAsync(5000);
    answerPings();
    await vi.advanceTimersByTimeAsync(5000);
    expect(socket().sentOfType('ping')).toHaveLength(4);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('open');
  });

  it('reports my presence as mine and a friend’s as theirs, and friend events', () => {
    const friendPresences: string[] = [];
    const friendEvents: string[] = [];
    connection({}, {
      onFriendPresence: (userId, state) => friendPresences.push(`${userId} ${state}`),
      onFriendRequest: (request) => friendEvents.push(`request ${request.requestId}`),
      onFriendsChanged: (reason, userId) => friendEvents.push(`${reason} ${userId}`),
    });
    socket().open();
    socket().receive({ type: 'presence', userId: 7, state: 'online' });
    socket().receive({ type: 'presence', userId: 8, state: 'away' });
    socket().receive({ type: 'presence', userId: 7, state: 'in_meeting' });
    socket().receive({ type: 'presence', userId: 7, state: 'dancing' });
    socket().receive({ type: 'presence', userId: 8, state: 'dancing' });
    socket().receive({
      type: 'friendRequest',
      request: { requestId: 5, from: {}, to: {}, note: null, createdMs: 1 },
    });
    socket().receive({ type: 'friendsChanged', reason: 'accepted', userId: 8 });
    expect(presences).toEqual(['online', 'in_meeting']);
    expect(friendPresences).toEqual(['8 away']);
    expect(friendEvents).toEqual(['request 5', 'accepted 8']);
  });

  it('reconnects after a drop or a silent close, with the backoff', async () => {
    connection();
    socket().open();
    socket().drop(1006);
    expect(statuses.at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);
    // The second socket never opens and drops: the next wait is 2 s.
    socket().drop(1006);
    await vi.advanceTimersByTimeAsync(1999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);
    socket().open();
    expect(statuses.at(-1)).toBe('open');
    answerPings();
    await vi.advanceTimersByTimeAsync(0);
    // Answered: the backoff starts over, and the server's silent close is a drop like any other.
    socket().drop(SILENT_CLOSE_CODE, 'silent');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(4);
  });

  it('reconnects when a ping goes unanswered', async () => {
    connection();
    socket().open();
    await vi.advanceTimersByTimeAsync(3000);
    expect(statuses.at(-1)).toBe('reconnecting');
    expect(sockets[0]!.closedByClient).toBe(true);
  });

  it('on close 4001 reports the reason and never reconnects', async () => {
    connection();
    socket().open();
    socket().drop(SIGNED_OUT_CLOSE_CODE, 'signed_in_elsewhere');
    expect(signedOut).toEqual(['signed_in_elsewhere']);
    expect(statuses.at(-1)).toBe('closed');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('close stops pinging and reconnecting', async () => {
    const created = connection();
    socket().open();
    socket().drop(1006);
    created.close();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(statuses.at(-1)).toBe('closed');
  });
});
