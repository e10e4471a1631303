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
  { type: 'subscribeOffer' | 'participantJoined' | 'participantUpdated' | 'participantLeft' }
>;

/** Server messages that answer a request: they carry its id. */
export type ServerResponse = Exclude<ServerMessageUnion, ServerEvent>;

/** The `type` of each server event; a record so the compiler checks the list is complete. */
const EVENT_TYPES: Record<ServerEvent['type'], true> = {
  subscribeOffer: true,
  participantJoined: true,
  participantUpdated: true,
  participantLeft: true,
};

/** isServerEventType tells whether a server message `type` names an event. */
export function isServerEventType(type: string): type is ServerEvent['type'] {
  return Object.prototype.hasOwnProperty.call(EVENT_TYPES, type);
}
