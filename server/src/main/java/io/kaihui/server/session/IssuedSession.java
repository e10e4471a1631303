package io.kaihui.server.session;

import java.util.List;

/**
 * A session just created, with its token: the only time the token exists outside the client.
 *
 * @param token the bearer token, 43 base64url characters (32 random bytes); give it to the
 *     client (in an HttpOnly cookie) and forget it. {@link #toString()} hides it
 * @param session the stored session
 * @param revoked the account's other sessions that this sign-in ended (one live session per
 *     account); empty when several are allowed or there were none. Their WebSockets should be
 *     closed with {@link RevocationReason#SIGNED_IN_ELSEWHERE}
 */
public record IssuedSession(String token, Session session, List<Session> revoked) {

  /** Copies the list. */
  public IssuedSession {
    revoked = List.copyOf(revoked);
  }

  /** The session without its token. */
  @Override
  public String toString() {
    return "IssuedSession[token=***, session=" + session + ", revoked=" + revoked + "]";
  }
}
