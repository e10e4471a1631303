package io.kaihui.server.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.server.meeting.Meeting;
import io.kaihui.server.meeting.Participant;
import io.kaihui.server.meeting.ParticipantSink;
import io.kaihui.server.session.RevocationReason;
import io.kaihui.server.session.Session;

/**
 * One browser's WebSocket: writes server messages as JSON text frames, in call order, without
 * blocking; remembers the sign-in session it was opened with (if any) and the meeting and
 * participant it joined.
 */
final class SignalingConnection implements ParticipantSink {

  /** Where the JSON text frames go: the WebSocket, or a list in tests. */
  interface Wire {
    /** Sends one text frame without blocking; drops it when the socket is closed. */
    void sendText(String text);

    /**
     * Closes the socket without blocking.
     *
     * @param code the close code (RFC 6455 §7.4)
     * @param reason the reason, at most 123 bytes of UTF-8
     */
    void close(int code, String reason);
  }

  private final Wire wire;
  private final ObjectMapper json;
  private final Session session;
  private volatile Meeting meeting;
  private volatile Participant participant;
  private volatile long lastHeardNanos = System.nanoTime();
  private volatile boolean away;
  private volatile Runnable onRemoved = () -> { };

  /**
   * Creates the connection.
   *
   * @param wire where frames go
   * @param json writes the messages
   * @param session the live sign-in session of the upgrade request's cookie; null when the
   *     connection is anonymous
   */
  SignalingConnection(Wire wire, ObjectMapper json, Session session) {
    this.wire = wire;
    this.json = json;
    this.session = session;
  }

  /** The id of the sign-in session the socket was opened with, or null when anonymous. */
  String sessionId() {
    return session == null ? null : session.id();
  }

  /** The account the socket was opened for, or 0 when anonymous. */
  long userId() {
    return session == null ? 0 : session.userId();
  }

  /**
   * Closes the socket because its sign-in session ended, with close code
   * {@link SignalingEndpoint#SIGNED_OUT} and the reason's code, so the browser can say why.
   *
   * @param reason why the session ended
   */
  void signOut(RevocationReason reason) {
    closeWith(SignalingEndpoint.SIGNED_OUT, reason.code());
  }

  @Override
  public void send(ServerMessage message) {
    String text;
    try {
      text = json.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write " + message.getClass().getSimpleName(), e);
    }
    synchronized (this) {
      wire.sendText(text);
    }
  }

  @Override
  public void close(String reason) {
    closeWith(1000, reason.length() > 100 ? reason.substring(0, 100) : reason);
  }

  @Override
  public void removed() {
    left();
    onRemoved.run();
  }

  /** What to do when the meeting removes this connection's participant. */
  void onRemoved(Runnable action) {
    this.onRemoved = action;
  }

  /** When a frame last arrived (System.nanoTime). */
  long lastHeardNanos() {
    return lastHeardNanos;
  }

  /** Notes that a frame arrived. */
  void heard(long nanos) {
    lastHeardNanos = nanos;
  }

  /** Whether the last heartbeat said the page has been untouched for 10 minutes. */
  boolean away() {
    return away;
  }

  void setAway(boolean away) {
    this.away = away;
  }

  /** Closes the socket with a code and reason of its own, without blocking. */
  void closeWith(int code, String reason) {
    synchronized (this) {
      wire.close(code, reason);
    }
  }

  Meeting meeting() {
    return meeting;
  }

  Participant participant() {
    return participant;
  }

  void joined(Meeting m, Participant p) {
    this.meeting = m;
    this.participant = p;
  }

  void left() {
    this.meeting = null;
    this.participant = null;
  }
}
