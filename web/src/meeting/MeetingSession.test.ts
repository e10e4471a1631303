import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FakePeerConnection } from '../testing/FakePeerConnection';
import { FakeSocket } from '../testing/FakeSocket';
import type { MeetingAction } from './meetingState';
import {
  MeetingSession,
  PEER_CONNECTION_CONFIG,
  SIGNED_OUT_CLOSE_CODE,
  SILENT_CLOSE_CODE,
  type MeetingSessionOptions,
} from './MeetingSession';

function fakeTrack(kind: 'audio' | 'video'): MediaStreamTrack {
  return { kind, id: `local-${kind}`, enabled: true } as MediaStreamTrack;
}

const ada = { participantId: 'p-ada', displayName: 'Ada', audioMuted: false, videoMuted: false };

describe('MeetingSession', () => {
  let sockets: FakeSocket[];
  let pcs: FakePeerConnection[];
  let actions: MeetingAction[];
  let audio: MediaStreamTrack;
  let video: MediaStreamTrack;

  function session(overrides: Partial<MeetingSessionOptions> = {}): MeetingSession {
    return new MeetingSession(
      {
        signalingUrl: 'wss://meet.test/ws',
        meetingNumber: '123456789',
        displayName: 'Me',
        audioTrack: audio,
        videoTrack: video,
        audioMuted: false,
        createSocket: (url) => {
          const socket = new FakeSocket(url);
          sockets.push(socket);
          return socket;
        },
        createPeerConnection: (config) => {
          const pc = new FakePeerConnection(config);
          pcs.push(pc);
          return pc;
        },
        requestTimeoutMs: 3000,
        ...overrides,
      },
      (action) => actions.push(action),
    );
  }

  const socket = () => sockets[sockets.length - 1]!;
  const types = () => actions.map((a) => a.type);
  const connectionStates = () =>
    types().filter((t) => ['connecting', 'connected', 'reconnecting', 'failed'].includes(t));

  /** Plays the server through join and publish on the newest socket. */
  async function serverAccepts(participants = [ada], selfId = 'p-me'): Promise<void> {
    const s = socket();
    s.open();
    const join = s.lastSent('join')!;
    s.receive({ type: 'joinResponse', id: join.id, meetingNumber: '123456789', participantId: selfId, participants });
    await vi.advanceTimersByTimeAsync(0);
    const publish = s.lastSent('publish')!;
    s.receive({ type: 'publishResponse', id: publish.id, sdp: 'server-answer' });
    await vi.advanceTimersByTimeAsync(5);
    publishPc().setConnectionState('connected');
  }

  /** The newest publish PeerConnection (the one with transceivers). */
  const publishPc = () => pcs.filter((pc) => pc.transceivers.length > 0).at(-1)!;

  beforeEach(() => {
    vi.useFakeTimers();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    sockets = [];
    pcs = [];
    actions = [];
    audio = fakeTrack('audio');
    video = fakeTrack('video');
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('joins, then publishes one sendonly audio and one sendonly video transceiver', async () => {
    const s = session();
    s.start();
    expect(socket().url).toBe('wss://meet.test/ws');
    expect(connectionStates()).toEqual(['connecting']);
    await serverAccepts();

    expect(socket().sent[0]).toEqual({
      type: 'join',
      id: 1,
      meetingNumber: '123456789',
      displayName: 'Me',
      audioMuted: false,
      videoMuted: false,
    });
    const publishPc = pcs.find((pc) => pc.transceivers.length > 0)!;
    expect(publishPc.config).toEqual(PEER_CONNECTION_CONFIG);
    expect(publishPc.transceivers.map((t) => [t.kind, t.direction, t.track])).toEqual([
      ['audio', 'sendonly', audio],
      ['video', 'sendonly', video],
    ]);
    expect(socket().lastSent('publish')).toMatchObject({ sdp: 'offer-1' });
    expect(publishPc.remoteDescriptions).toEqual([{ type: 'answer', sdp: 'server-answer' }]);
    expect(connectionStates()).toEqual(['connecting', 'connected']);
    const joined = actions.find((a) => a.type === 'joined');
    expect(joined).toEqual({ type: 'joined', selfId: 'p-me', participants: [ada], meeting: null, me: null });
  });

  it('publishes a video transceiver without a track when the camera is off', async () => {
    session({ videoTrack: null }).start();
    await serverAccepts();
    expect(socket().sent[0]).toMatchObject({ videoMuted: true });
    const publishPc = pcs.find((pc) => pc.transceivers.length > 0)!;
    expect(publishPc.transceivers.map((t) => [t.kind, t.track])).toEqual([
      ['audio', audio],
      ['video', null],
    ]);
  });

  it('joins muted without a microphone', async () => {
    session({ audioTrack: null }).start();
    await serverAccepts();
    expect(socket().sent[0]).toMatchObject({ audioMuted: true });
  });

  it('answers subscribe offers strictly in order with their versions', async () => {
    session().start();
    await serverAccepts();
    socket().receive({ type: 'subscribeOffer', version: 1, sdp: 'offer-v1' });
    socket().receive({ type: 'subscribeOffer', version: 2, sdp: 'offer-v2' });
    socket().receive({ type: 'subscribeOffer', version: 3, sdp: 'offer-v3' });
    await vi.advanceTimersByTimeAsync(10);
    const answers = socket().sentOfType('subscribeAnswer');
    expect(answers.map((a) => [a.version, a.sdp])).toEqual([
      [1, 'answer-to-offer-v1'],
      [2, 'answer-to-offer-v2'],
      [3, 'answer-to-offer-v3'],
    ]);
    const subscribePc = pcs.find((pc) => pc.transceivers.length === 0)!;
    expect(subscribePc.remoteDescriptions.map((d) => d.sdp)).toEqual(['offer-v1', 'offer-v2', 'offer-v3']);
  });

  it('gives each remote track to the participant named by its stream id', async () => {
    session().start();
    await serverAccepts();
    const subscribePc = pcs.find((pc) => pc.transceivers.length === 0)!;
    const track = subscribePc.fireTrack('video', 'p-ada');
    expect(actions).toContainEqual({ type: 'remoteTrack', participantId: 'p-ada', track });
  });

  it('passes participant events on', async () => {
    session().start();
    await serverAccepts([]);
    socket().receive({ type: 'participantJoined', participant: ada });
    socket().receive({ type: 'participantUpdated', participant: { ...ada, audioMuted: true } });
    socket().receive({ type: 'participantLeft', participantId: 'p-ada', reason: 'left' });
    expect(types().slice(-3)).toEqual(['participantJoined', 'participantUpdated', 'participantLeft']);
  });

  it('mute disables the track and tells the server; the camera is replaced without renegotiation', async () => {
    const s = session();
    s.start();
    await serverAccepts();
    s.setMicrophoneMuted(true);
    expect(audio.enabled).toBe(false);
    expect(socket().lastSent('setMuted')).toMatchObject({ audioMuted: true, videoMuted: false });
    s.setCamera(null);
    const publishPc = pcs.find((pc) => pc.transceivers.length > 0)!;
    expect(publishPc.transceivers[1]!.sender.track).toBeNull();
    expect(socket().lastSent('setMuted')).toMatchObject({ audioMuted: true, videoMuted: true });
    expect(socket().sentOfType('publish')).toHaveLength(1);
    expect(actions).toContainEqual({ type: 'localMuted', audioMuted: true, videoMuted: true });
  });

  it('tells the server a change made while the join was in flight', async () => {
    const s = session();
    s.start();
    socket().open();
    s.setMicrophoneMuted(true);
    expect(socket().sentOfType('setMuted')).toHaveLength(0);
    const join = socket().lastSent('join')!;
    socket().receive({ type: 'joinResponse', id: join.id, meetingNumber: '123456789', participantId: 'p-me', participants: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(socket().lastSent('setMuted')).toMatchObject({ audioMuted: true });
  });

  it('pings every 5 s', async () => {
    session().start();
    await serverAccepts();
    const s = socket();
    const before = s.sentOfType('ping').length;
    for (let i = 0; i < 3; i++) {
      await vi.advanceTimersByTimeAsync(5000);
      s.receive({ type: 'ok', id: s.lastSent('ping')!.id });
    }
    expect(s.sentOfType('ping').length - before).toBe(3);
    expect(sockets).toHaveLength(1);
    expect(connectionStates().at(-1)).toBe('connected');
  });

  it('reconnects with backoff 1 s, 2 s, 4 s after drops, then joins and publishes again', async () => {
    session().start();
    await serverAccepts();
    const firstPcs = [...pcs];

    socket().drop();
    expect(connectionStates().at(-1)).toBe('reconnecting');
    expect(firstPcs.every((pc) => pc.closed)).toBe(true);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(sockets).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(2);

    socket().drop(); // the server is still down
    await vi.advanceTimersByTimeAsync(1999);
    expect(sockets).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(sockets).toHaveLength(3);

    socket().drop();
    await vi.advanceTimersByTimeAsync(4000);
    expect(sockets).toHaveLength(4);

    await serverAccepts([ada], 'p-me-again');
    expect(connectionStates().at(-1)).toBe('connected');
    expect(socket().lastSent('join')).toMatchObject({ meetingNumber: '123456789' });
    expect(socket().sentOfType('publish')).toHaveLength(1);

    // After a success the backoff starts again at 1 s.
    socket().drop();
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(5);
  });

  it('is connected only once the publish PeerConnection is, and reconnecting while it is disconnected', async () => {
    session().start();
    socket().open();
    socket().receive({ type: 'joinResponse', id: 1, meetingNumber: '123456789', participantId: 'p', participants: [] });
    await vi.advanceTimersByTimeAsync(0);
    socket().receive({ type: 'publishResponse', id: 2, sdp: 'server-answer' });
    await vi.advanceTimersByTimeAsync(5);
    expect(connectionStates()).toEqual(['connecting']);
    publishPc().setConnectionState('connecting');
    publishPc().setConnectionState('connected');
    expect(connectionStates()).toEqual(['connecting', 'connected']);
    publishPc().setConnectionState('disconnected');
    expect(connectionStates().at(-1)).toBe('reconnecting');
    publishPc().setConnectionState('connected');
    expect(connectionStates().at(-1)).toBe('connected');
    expect(sockets).toHaveLength(1);
  });

  it('keeps backing off when media never connects', async () => {
    session().start();
    for (const wait of [1000, 2000, 4000]) {
      socket().open();
      const join = socket().lastSent('join')!;
      socket().receive({ type: 'joinResponse', id: join.id, meetingNumber: '123456789', participantId: 'p', participants: [] });
      await vi.advanceTimersByTimeAsync(0);
      socket().receive({ type: 'publishResponse', id: socket().lastSent('publish')!.id, sdp: 'a' });
      await vi.advanceTimersByTimeAsync(5);
      const count = sockets.length;
      publishPc().setConnectionState('failed');
      await vi.advanceTimersByTimeAsync(wait - 1);
      expect(sockets).toHaveLength(count);
      await vi.advanceTimersByTimeAsync(1);
      expect(sockets).toHaveLength(count + 1);
    }
    expect(connectionStates()).not.toContain('connected');
  });

  it('reconnects when a PeerConnection fails', async () => {
    session().start();
    await serverAccepts();
    publishPc().setConnectionState('failed');
    expect(connectionStates().at(-1)).toBe('reconnecting');
    expect(socket().closedByClient).toBe(true);
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
  });

  it('reconnects when a ping goes unanswered', async () => {
    session({ pingIntervalMs: 5000, requestTimeoutMs: 3000 }).start();
    await serverAccepts();
    await vi.advanceTimersByTimeAsync(5000 + 3000);
    expect(connectionStates().at(-1)).toBe('reconnecting');
  });

  it('ends for good when the server signs the account out (close code 4001)', async () => {
    session().start();
    await serverAccepts();
    socket().drop(SIGNED_OUT_CLOSE_CODE, 'password_changed');
    expect(actions.at(-1)).toEqual({ type: 'signedOut', reason: 'password_changed' });
    expect(pcs.every((pc) => pc.closed)).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(SIGNED_OUT_CLOSE_CODE).toBe(4001);
  });

  it('fails with the server error code, without retrying', async () => {
    session().start();
    socket().open();
    socket().receive({ type: 'error', id: 1, code: 'meeting_not_found', message: 'no such meeting' });
    await vi.advanceTimersByTimeAsync(0);
    expect(actions.at(-1)).toEqual({ type: 'failed', reason: 'meeting_not_found' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
  });

  it('fails with bad_sdp when the server rejects the publish offer', async () => {
    session().start();
    socket().open();
    socket().receive({ type: 'joinResponse', id: 1, meetingNumber: '123456789', participantId: 'p', participants: [] });
    await vi.advanceTimersByTimeAsync(0);
    socket().receive({ type: 'error', id: 2, code: 'bad_sdp', message: 'no VP8' });
    await vi.advanceTimersByTimeAsync(5);
    expect(actions.at(-1)).toEqual({ type: 'failed', reason: 'bad_sdp' });
  });

  it('fails with bad_sdp when a subscribe offer cannot be applied', async () => {
    session().start();
    await serverAccepts();
    pcs.find((pc) => pc.transceivers.length === 0)!.failRemoteDescription = 'InvalidAccessError';
    socket().receive({ type: 'subscribeOffer', version: 1, sdp: 'garbage' });
    await vi.advanceTimersByTimeAsync(5);
    expect(actions.at(-1)).toEqual({ type: 'failed', reason: 'bad_sdp' });
  });

  it('gives up after the last attempt with the reason', async () => {
    session({ maxReconnectAttempts: 2 }).start();
    socket().drop();
    await vi.advanceTimersByTimeAsync(1000);
    socket().drop();
    await vi.advanceTimersByTimeAsync(2000);
    socket().drop();
    expect(actions.at(-1)).toEqual({ type: 'failed', reason: 'connection_lost' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(3);
  });

  it('retry starts over after failing', async () => {
    const s = session();
    s.start();
    socket().open();
    socket().receive({ type: 'error', id: 1, code: 'meeting_full', message: 'full' });
    await vi.advanceTimersByTimeAsync(0);
    s.retry();
    expect(sockets).toHaveLength(2);
    expect(connectionStates().at(-1)).toBe('connecting');
    await serverAccepts();
    expect(connectionStates().at(-1)).toBe('connected');
  });

  it('leave sends leave, closes everything and never reconnects', async () => {
    const s = session();
    s.start();
    await serverAccepts();
    const leaving = s.leave();
    const leave = socket().lastSent('leave')!;
    socket().receive({ type: 'ok', id: leave.id });
    await leaving;
    expect(socket().closedByClient).toBe(true);
    expect(pcs.every((pc) => pc.closed)).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(connectionStates().at(-1)).toBe('connected');
  });

  it('leave does not wait more than 2 s for the server', async () => {
    const s = session();
    s.start();
    await serverAccepts();
    let done = false;
    void s.leave().then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2000);
    expect(done).toBe(true);
  });
  it('pings with away false: a meeting tab is never away', async () => {
    session().start();
    await serverAccepts();
    await vi.advanceTimersByTimeAsync(5000);
    expect(socket().lastSent('ping')).toMatchObject({ type: 'ping', away: false });
  });

  it('reports the meeting and how the others see me from the join answer', async () => {
    session().start();
    const s = socket();
    s.open();
    const meeting = {
      meetingNumber: '123456789', title: "Bob's meeting", hostName: 'Bob', allowGuests: false,
      participantCount: 2, startedAtMs: 1, youAreHost: false,
    };
    const me = { ...ada, participantId: 'p-me', displayName: 'Me', host: false, guest: true, avatarUrl: null };
    s.receive({ type: 'joinResponse', id: s.lastSent('join')!.id, meetingNumber: '123456789', participantId: 'p-me', participants: [], meeting, me });
    await vi.advanceTimersByTimeAsync(0);
    expect(actions.find((a) => a.type === 'joined')).toMatchObject({ meeting, me });
    s.receive({ type: 'meetingUpdated', meeting: { ...meeting, allowGuests: true } });
    expect(actions.at(-1)).toEqual({ type: 'meetingUpdated', meeting: { ...meeting, allowGuests: true } });
  });

  it('ends for good when the host ends the meeting, without reconnecting', async () => {
    session().start();
    await serverAccepts();
    socket().receive({ type: 'participantLeft', participantId: 'p-ada', reason: 'ended' });
    socket().receive({ type: 'meetingEnded', reason: 'ended_by_host', by: 'Bob' });
    expect(actions.at(-1)).toEqual({ type: 'meetingEnded', by: 'Bob' });
    expect(socket().closedByClient).toBe(true);
    expect(pcs.every((pc) => pc.closed)).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(sockets).toHaveLength(1);
    expect(types().filter((t) => t === 'meetingEnded')).toHaveLength(1);
  });

  it('ended() closes for good once, whether or not the event came first', async () => {
    const s1 = session();
    s1.start();
    await serverAccepts();
    s1.ended('Me');
    socket().receive({ type: 'meetingEnded', reason: 'ended_by_host', by: 'Me' });
    s1.ended('Me');
    expect(types().filter((t) => t === 'meetingEnded')).toHaveLength(1);
    expect(actions.at(-1)).toEqual({ type: 'meetingEnded', by: 'Me' });
  });

  it('reconnects when the server closes a silent socket (code 4000)', async () => {
    session().start();
    await serverAccepts();
    socket().drop(SILENT_CLOSE_CODE, 'silent');
    expect(connectionStates().at(-1)).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1000);
    expect(sockets).toHaveLength(2);
  });
});
