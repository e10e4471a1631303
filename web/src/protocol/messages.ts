/**
 * The signaling protocol as the client uses it. Every message type comes from `generated.ts`,
 * which Maven generates from the Java records in kaihui-protocol (io.kaihui.protocol); this file
 * only adds the views the client needs: a request before it gets its id, and the split of server
 * messages into responses (they carry the request's id) and events (they carry none).
 */
import type { ClientMessageUnion, ServerMessageUnion } from './generated';

export type * from './generated';

/** A client request as the caller writes it: the SignalingClient adds the `id`. */
export type RequestBody<M extends ClientMessageUnion = ClientMessageUnion> = M extends unknown
  ? Omit<M, 'id'>
  : never;

/** Server messages that are events: they carry no request id. */
export type ServerEvent = Extract<
  ServerMessageUnion,
  {
    type:
      | 'subscribeOffer'
      | 'participantJoined'
      | 'participantUpdated'
      | 'participantLeft'
      | 'meetingUpdated'
      | 'meetingEnded'
      | 'presence'
      | 'friendRequest'
      | 'friendsChanged'
      | 'message'
      | 'receipt'
      | 'typing'
      | 'conversationChanged'
      | 'callIncoming'
      | 'callAccepted'
      | 'callEnded'
      | 'meetingChat'
      | 'meetingInvite';
  }
>;

/** Server messages that answer a request: they carry its id. */
export type ServerResponse = Exclude<ServerMessageUnion, ServerEvent>;

/** The `type` of each server event; a record so the compiler checks the list is complete. */
const EVENT_TYPES: Record<ServerEvent['type'], true> = {
  subscribeOffer: true,
  participantJoined: true,
  participantUpdated: true,
  participantLeft: true,
  meetingUpdated: true,
  meetingEnded: true,
  presence: true,
  friendRequest: true,
  friendsChanged: true,
  message: true,
  receipt: true,
  typing: true,
  conversationChanged: true,
  callIncoming: true,
  callAccepted: true,
  callEnded: true,
  meetingChat: true,
  meetingInvite: true,
};

/**
 * A person's presence, as the `presence` event says it: `online`, `in_meeting` (one of their
 * sockets is in a meeting), `away` (every socket of theirs says `away`) or `offline` (no socket
 * heard from for 25 s).
 */
export type PresenceState = 'online' | 'in_meeting' | 'away' | 'offline';

const PRESENCE_STATES: ReadonlySet<string> = new Set<PresenceState>(['online', 'in_meeting', 'away', 'offline']);

/** isPresenceState tells whether a `presence` event's `state` is one the client knows. */
export function isPresenceState(state: string): state is PresenceState {
  return PRESENCE_STATES.has(state);
}

/** isServerEventType tells whether a server message `type` names an event. */
export function isServerEventType(type: string): type is ServerEvent['type'] {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}
