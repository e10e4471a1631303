import type { ErrorKey } from '../i18n/errorKey';
import type { MediaErrorCode } from '../media/mediaErrorCode';
import type { MeetingChatMessage, MeetingSummary, ParticipantInfo } from '../protocol/messages';

/**
 * The visible state of my connection to the meeting (`data-state` of the status element);
 * `ended` once the host ended the meeting for everyone (for good: no reconnecting).
 */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'ended';

/** The remote tracks of one participant, as received on the subscribe PeerConnection. */
export interface RemoteTracks {
  audio: MediaStreamTrack | null;
  video: MediaStreamTrack | null;
}

/** The i18n key of a notice's text. */
export type NoticeKey =
  | 'notices.joined'
  | 'notices.left'
  | 'notices.disconnected'
  | 'notices.linkCopied'
  | 'notices.copyFailed'
  | `media.camera.${MediaErrorCode}`
  | ErrorKey;

/** A short message shown for a few seconds (a toast), also read out by screen readers. */
export interface Notice {
  /** Increasing id, unique in this meeting screen. */
  id: number;
  /** The i18n key of the text. */
  key: NoticeKey;
  /** Interpolation values of the text. */
  values: Record<string, string>;
}

/** Everything the meeting screen shows, apart from my own media tracks. */
export interface MeetingState {
  connection: ConnectionState;
  /** Why the connection failed (an error code, translated by the UI), when `failed`. */
  failureReason: string | null;
  /** My participant id in this meeting, once joined. */
  selfId: string | null;
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
  /** The others, by participant id, in the order they joined. */
  participants: ReadonlyMap<string, ParticipantInfo>;
  /** Remote tracks by participant id (a track can arrive before its participant's event). */
  tracks: ReadonlyMap<string, RemoteTracks>;
  notices: readonly Notice[];
  nextNoticeId: number;
  /**
   * Why the server signed this account out (`signed_in_elsewhere`, `logout`,
   * `password_changed`...), once it closed the connection with code 4001; null before.
   */
  signedOut: string | null;
  /** The meeting as the server last described it (title, host, allowGuests); null before joining. */
  meeting: MeetingSummary | null;
  /** How the others see me (host, guest, avatar), from the join answer; null before joining. */
  me: ParticipantInfo | null;
  /** The display name of who ended the meeting for everyone, once it ended; null before. */
  endedBy: string | null;
  /** What was said in the meeting's chat that is for me, in order, once each. */
  chat: readonly MeetingChatMessage[];
}

/** What changes the meeting state; the names follow the signaling messages. */
export type MeetingAction =
  | { type: 'connecting' }
  | { type: 'reconnecting' }
  | { type: 'connected' }
  | { type: 'failed'; reason: string }
  | { type: 'signedOut'; reason: string }
  | {
      type: 'joined';
      selfId: string;
      participants: readonly ParticipantInfo[];
      meeting?: MeetingSummary | null;
      me?: ParticipantInfo | null;
    }
  | { type: 'meetingUpdated'; meeting: MeetingSummary }
  | { type: 'chat'; message: MeetingChatMessage }
  | { type: 'meetingEnded'; by: string }
  | { type: 'participantJoined'; participant: ParticipantInfo }
  | { type: 'participantUpdated'; participant: ParticipantInfo }
  | { type: 'participantLeft'; participantId: string; reason: string }
  | { type: 'remoteTrack'; participantId: string; track: MediaStreamTrack }
  | { type: 'localMuted'; audioMuted: boolean; videoMuted: boolean }
  | { type: 'notice'; key: NoticeKey; values?: Record<string, string> }
  | { type: 'dismissNotice'; id: number };

/** The most notices shown at once; older ones go first. */
export const MAX_NOTICES = 4;

/** initialMeetingState is the state before the first connection attempt. */
export function initialMeetingState(init: {
  displayName: string;
  audioMuted: boolean;
  videoMuted: boolean;
}): MeetingState {
  return {
    connection: 'connecting',
    failureReason: null,
    selfId: null,
    displayName: init.displayName,
    audioMuted: init.audioMuted,
    videoMuted: init.videoMuted,
    participants: new Map(),
    tracks: new Map(),
    notices: [],
    nextNoticeId: 1,
    signedOut: null,
    meeting: null,
    me: null,
    endedBy: null,
    chat: [],
  };
}

function addNotice(state: MeetingState, key: NoticeKey, values: Record<string, string>) {
  const notices = [...state.notices, { id: state.nextNoticeId, key, values }];
  return {
    notices: notices.slice(Math.max(0, notices.length - MAX_NOTICES)),
    nextNoticeId: state.nextNoticeId + 1,
  };
}

function withTrack(
  tracks: ReadonlyMap<string, RemoteTracks>,
  participantId: string,
  track: MediaStreamTrack,
): Map<string, RemoteTracks> {
  const kind = track.kind === 'audio' ? 'audio' : 'video';
  const next = new Map<string, RemoteTracks>();
  // A receiver's track can move to another participant when the server reuses an m-section.
  for (const [id, entry] of tracks) {
    next.set(id, entry[kind] === track ? { ...entry, [kind]: null } : entry);
  }
  const entry = next.get(participantId) ?? { audio: null, video: null };
  next.set(participantId, { ...entry, [kind]: track });
  return next;
}

/** meetingReducer applies one action; it never mutates the previous state. */
export function meetingReducer(state: MeetingState, action: MeetingAction): MeetingState {
  switch (action.type) {
    case 'connecting':
    case 'reconnecting':
    case 'connected':
      if (state.connection === 'ended') return state;
      return { ...state, connection: action.type, failureReason: null };
    case 'failed':
      if (state.connection === 'ended') return state;
      return { ...state, connection: 'failed', failureReason: action.reason };
    case 'signedOut':
      return { ...state, connection: 'failed', failureReason: 'not_signed_in', signedOut: action.reason };
    case 'joined': {
      // A (re)join starts a new subscribe PeerConnection: every earlier remote track is gone.
      const participants = new Map<string, ParticipantInfo>();
      for (const p of action.participants) {
        if (p.participantId !== action.selfId) participants.set(p.participantId, p);
      }
      return {
        ...state,
        selfId: action.selfId,
        participants,
        tracks: new Map(),
        meeting: action.meeting ?? state.meeting,
        me: action.me ?? state.me,
      };
    }
    case 'meetingUpdated':
      // `meetingUpdated` always says youAreHost false: whether I am the host never changes.
      return {
        ...state,
        meeting: { ...action.meeting, youAreHost: state.meeting?.youAreHost ?? false },
      };
    case 'meetingEnded':
      return {
        ...state,
        connection: 'ended',
        failureReason: null,
        endedBy: action.by,
        participants: new Map(),
        tracks: new Map(),
      };
    case 'participantJoined': {
      const { participant } = action;
      if (participant.participantId === state.selfId) return state;
      const known = state.participants.has(participant.participantId);
      const participants = new Map(state.participants).set(participant.participantId, participant);
      if (known) return { ...state, participants };
      return {
        ...state,
        participants,
        ...addNotice(state, 'notices.joined', { name: participant.displayName }),
      };
    }
    case 'participantUpdated': {
      const { participant } = action;
      if (!state.participants.has(participant.participantId)) return state;
      return {
        ...state,
        participants: new Map(state.participants).set(participant.participantId, participant),
      };
    }
    case 'participantLeft': {
      const gone = state.participants.get(action.participantId);
      if (gone === undefined) return state;
      const participants = new Map(state.participants);
      participants.delete(action.participantId);
      const tracks = new Map(state.tracks);
      tracks.delete(action.participantId);
      // Everyone leaves with `ended` when the host ends the meeting: the ended screen says so.
      if (action.reason === 'ended') return { ...state, participants, tracks };
      const key = action.reason === 'left' ? 'notices.left' : 'notices.disconnected';
      return {
        ...state,
        participants,
        tracks,
        ...addNotice(state, key, { name: gone.displayName }),
      };
    }
    case 'remoteTrack':
      return { ...state, tracks: withTrack(state.tracks, action.participantId, action.track) };
    case 'localMuted':
      return { ...state, audioMuted: action.audioMuted, videoMuted: action.videoMuted };
    case 'notice':
      return { ...state, ...addNotice(state, action.key, action.values ?? {}) };
    case 'dismissNotice':
      return { ...state, notices: state.notices.filter((n) => n.id !== action.id) };
    case 'chat':
      // A rejoin sends the earlier messages again: each is kept once, by its number.
      if (state.chat.some((m) => m.seq === action.message.seq)) return state;
      return { ...state, chat: [...state.chat, action.message].sort((a, b) => a.seq - b.seq) };
  }
}
