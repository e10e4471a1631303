package io.kaihui.server.session;

import java.time.Instant;

/**
 * One sign-in of an account on one device, as stored. It carries no credential: the token was
 * handed out once by {@link SessionService#create} and only its SHA-256 is kept.
 *
 * @param id the public id (22 base64url characters, 128 random bits), safe to log, show and
 *     send; the WebSocket layer keys its connections by it
 * @param userId the account
 * @param createdAt when it signed in
 * @param lastSeenAt when its token was last presented (updated at most once a minute)
 * @param expiresAt when it stops being accepted
 * @param revokedAt when it was ended early; null while not revoked
 * @param revocationReason why it was ended early; null while not revoked
 * @param address the client's address at sign-in; null when unknown
 * @param userAgent the client's User-Agent at sign-in; null when unknown
 */
public record Session(String id, long userId, Instant createdAt, Instant lastSeenAt,
    Instant expiresAt, Instant revokedAt, RevocationReason revocationReason, String address,
    String userAgent) {

  /**
   * Whether the session is accepted at an instant: not revoked and not yet expired.
   *
   * @param now the instant
   * @return true if live
   */
  public boolean liveAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
