import { describe, expect, it } from 'vitest';
import type { MeetingSummary, ParticipantInfo } from '../protocol/messages';
import {
  MAX_NOTICES,
  initialMeetingState,
  meetingReducer,
  type MeetingAction,
  type MeetingState,
} from './meetingState';

const ada: ParticipantInfo = {
  participantId: 'p-ada',
  displayName: 'Ada',
  audioMuted: false,
  videoMuted: false,
  host: true,
  guest: false,
  avatarUrl: '/api/v1/users/1/avatar?v=1',
};
const bo: ParticipantInfo = {
  participantId: 'p-bo',
  displayName: 'Bo',
  audioMuted: true,
  videoMuted: true,
  host: false,
  guest: true,
  // The server sends null for a participant without an avatar.
  avatarUrl: null as unknown as string,
};

function track(kind: 'audio' | 'video', id: string): MediaStreamTrack {
  return { kind, id } as MediaStreamTrack;
}

function run(...actions: MeetingAction[]): MeetingState {
  return actions.reduce(
    meetingReducer,
    initialMeetingState({ displayName: 'Me', audioMuted: false, videoMuted: false }),
  );
}

describe('meetingReducer', () => {
  it('starts connecting with nobody else', () => {
    const state = run();
    expect(state.connection).toBe('connecting');
    expect(state.participants.size).toBe(0);
    expect(state.selfId).toBeNull();
  });

  it('joined lists the others, without me, and announces nobody', () => {
    const state = run({ type: 'joined', selfId: 'p-me', participants: [ada, bo] });
    expect(state.selfId).toBe('p-me');
    expect([...state.participants.keys()]).toEqual(['p-ada', 'p-bo']);
    expect(state.notices).toEqual([]);
  });

  it('participantJoined adds the participant and a notice with the name', () => {
    const state = run(
      { type: 'joined', selfId: 'p-me', participants: [] },
      { type: 'participantJoined', participant: ada },
    );
    expect(state.participants.get('p-ada')).toEqual(ada);
    expect(state.notices).toEqual([{ id: 1, key: 'notices.joined', values: { name: 'Ada' } }]);
  });

  it('participantJoined for someone already known only updates them', () => {
    const state = run(
      { type: 'joined', selfId: 'p-me', participants: [ada] },
      { type: 'participantJoined', participant: { ...ada, displayName: 'Ada L.' } },
    );
    expect(state.participants.get('p-ada')?.displayName).toBe('Ada L.');
    expect(state.notices).toEqual([]);
  });

  it('participantUpdated changes mute state of a known participant only', () => {
    const state = run(
      { type: 'joined', selfId: 'p-me', participants: [ada] },
      { type: 'participantUpdated', participant: { ...ada, audioMuted: true } },
      { type: 'participantUpdated', participant: bo },
    );
    expect(state.participants.get('p-ada')?.audioMuted).toBe(true);
    expect(state.participants.has('p-bo')).toBe(false);
  });

  it('participantLeft removes the participant and their tracks, with a notice by reason', () => {
    const state = run(
      { type: 'joined', selfId: 'p-me', participants: [ada, bo] },
      { type: 'remoteTrack', participantId: 'p-ada', track: track('video', 'v1') },
      { type: 'participantLeft', participantId: 'p-ada', reason: 'left' },
      { type: 'participantLeft', participantId: 'p-bo', reason: 'timeout' },
      { type: 'participantLeft', participantId: 'p-unknown', reason: 'left' },
    );
    expect(state.participants.size).toBe(0);
    expect(state.tracks.has('p-ada')).toBe(false);
    expect(state.notices.map((n) => [n.key, n.values.name])).toEqual([
      ['notices.left', 'Ada'],
      ['notices.disconnected', 'Bo'],
    ]);
  });

  it('remoteTrack stores audio and video per participant, even before the participant event', () => {
    const audio = track('audio', 'a1');
    const video = track('video', 'v1');
    const state = run(
      { type: 'remoteTrack', participantId: 'p-ada', track: audio },
      { type: 'remoteTrack', participantId: 'p-ada', track: video },
    );
    expect(state.tracks.get('p-ada')).toEqual({ audio, video });
  });

  it('a track that moves to another participant leaves its previous owner', () => {
    const video = track('video', 'v1');
    const state = run(
      { type: 'remoteTrack', participantId: 'p-ada', track: video },
      { type: 'remoteTrack', participantId: 'p-bo', track: video },
    );
    expect(state.tracks.get('p-ada')?.video).toBeNull();
    expect(state.tracks.get('p-bo')?.video).toBe(video);
  });

  it('a rejoin forgets the old tracks and my old id', () => {
    const state = run(
      { type: 'joined', selfId: 'p-me', participants: [ada] },
      { type: 'remoteTrack', participantId: 'p-ada', track: track('video', 'v1') },
      { type: 'reconnecting' },
      { type: 'joined', selfId: 'p-me2', participants: [bo] },
    );
    expect(state.selfId).toBe('p-me2');
    expect(state.tracks.size).toBe(0);
    expect([...state.participants.keys()]).toEqual(['p-bo']);
  });

  it('tracks connection state and the failure reason', () => {
    expect(run({ type: 'connected' }).connection).toBe('connected');
    const failed = run({ type: 'failed', reason: 'meeting_full' });
    expect(failed.connection).toBe('failed');
    expect(failed.failureReason).toBe('meeting_full');
    expect(meetingReducer(failed, { type: 'reconnecting' }).failureReason).toBeNull();
  });

  it('keeps at most MAX_NOTICES notices and dismisses by id', () => {
    const actions: MeetingAction[] = [];
    for (let i = 0; i < MAX_NOTICES + 2; i++) actions.push({ type: 'notice', key: 'notices.linkCopied' });
    const state = run(...actions);
    expect(state.notices.map((n) => n.id)).toEqual([3, 4, 5, 6]);
    expect(meetingReducer(state, { type: 'dismissNotice', id: 4 }).notices.map((n) => n.id)).toEqual([
      3, 5, 6,
    ]);
  });

  it('localMuted records my microphone and camera state', () => {
    const state = run({ type: 'localMuted', audioMuted: true, videoMuted: true });
    expect([state.audioMuted, state.videoMuted]).toEqual([true, true]);
  });

  it('signedOut records why the server signed the account out', () => {
    const state = run({ type: 'connected' }, { type: 'signedOut', reason: 'signed_in_elsewhere' });
    expect([state.connection, state.signedOut]).toEqual(['failed', 'signed_in_elsewhere']);
    expect(run().signedOut).toBeNull();
  });
  const meeting: MeetingSummary = {
    meetingNumber: '123456789',
    title: 'Weekly sync',
    hostName: 'Me',
    allowGuests: false,
    participantCount: 1,
    startedAtMs: 1_000,
    youAreHost: true,
  };

  it('joined keeps the meeting and how the others see me', () => {
    const me = { ...ada, participantId: 'p-me', displayName: 'Me' };
    const state = run({ type: 'joined', selfId: 'p-me', participants: [ada], meeting, me });
    expect(state.meeting).toEqual(meeting);
    expect(state.me).toEqual(me);
    // A rejoin without them keeps what is known.
    expect(run({ type: 'joined', selfId: 'p-me', participants: [], meeting, me }, { type: 'joined', selfId: 'p-me2', participants: [] }).meeting).toEqual(meeting);
  });

  it('meetingUpdated takes the new settings but keeps whether I am the host', () => {
    const state = run(
      { type: 'joined', selfId: 'p-me', participants: [], meeting },
      { type: 'meetingUpdated', meeting: { ...meeting, allowGuests: true, youAreHost: false } },
    );
    expect(state.meeting).toEqual({ ...meeting, allowGuests: true, youAreHost: true });
  });

  it('meetingEnded ends for good, saying who, and no later state change reopens it', () => {
    const state = run(
      { type: 'joined', selfId: 'p-me', participants: [ada, bo] },
      { type: 'connected' },
      { type: 'participantLeft', participantId: 'p-ada', reason: 'ended' },
      { type: 'meetingEnded', by: 'Ada' },
      { type: 'reconnecting' },
      { type: 'failed', reason: 'connection_lost' },
    );
    expect(state.connection).toBe('ended');
    expect(state.endedBy).toBe('Ada');
    expect(state.failureReason).toBeNull();
    expect(state.participants.size).toBe(0);
    // Nobody "left": the ended screen tells what happened.
    expect(state.notices).toEqual([]);
  });
});

describe('meetingReducer: chat', () => {
  const message = (seq: number, text: string) => ({
    type: 'meetingChat' as const,
    seq,
    fromParticipantId: 'p1',
    fromName: 'Ann',
    toParticipantId: null as unknown as string,
    toName: null as unknown as string,
    file: null as unknown as import('../protocol/generated').FileView,
    text,
    createdMs: seq,
  });

  it('keeps each message once, in order, whatever order and how often it comes', () => {
    let state = initialMeetingState({ displayName: 'Me', audioMuted: false, videoMuted: false });
    for (const m of [message(2, 'two'), message(1, 'one'), message(2, 'two'), message(3, 'three')]) {
      state = meetingReducer(state, { type: 'chat', message: m });
    }
    expect(state.chat.map((m) => m.text)).toEqual(['one', 'two', 'three']);
    const same = meetingReducer(state, { type: 'chat', message: message(1, 'one') });
    expect(same).toBe(state);
  });
});
