package io.kaihui.protocol;

/**
 * Heartbeat, sent by the client every 5 s on every socket; answered by {@link OkResponse}. A
 * socket silent for 25 s is closed, and its participant leaves its meeting ({@code timeout}).
 *
 * @param id request id
 * @param away whether the person has not touched this page (pointer, keys, focus) for 10
 *     minutes; a signed-in person whose every socket says so is {@code away}. Absent (null)
 *     means false
 */
public record PingRequest(long id, Boolean away) implements ClientMessage {

  /** Whether the page says it is untouched; false when {@code away} was absent. */
  public boolean isAway() {
    return Boolean.TRUE.equals(away);
  }
}
