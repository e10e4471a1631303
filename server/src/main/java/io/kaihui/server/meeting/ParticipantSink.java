package io.kaihui.server.meeting;

import io.kaihui.protocol.ServerMessage;

/** Where a participant's events go: its signaling connection. */
public interface ParticipantSink {

  /**
   * Sends a message to the participant's browser without blocking; messages arrive in the order
   * of the calls. Never throws: a closed connection drops the message.
   *
   * @param message the event or response
   */
  void send(ServerMessage message);

  /**
   * Closes the connection, for a participant the server removed (its media timed out).
   *
   * @param reason an English reason for the close frame
   */
  void close(String reason);

  /**
   * Tells the connection that its participant is no longer in the meeting, whatever the cause
   * (left, timed out, the meeting ended). Called under the meeting's lock; never blocks.
   */
  void removed();
}
