package io.kaihui.server.session;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sign-in sessions: opaque bearer tokens, stored only as their SHA-256, revocable one by one or
 * all at once. By default an account has one live session: {@link #create} ends the others and
 * says which, and every revocation is also told to the {@link SessionListener}s so the
 * signaling layer can close those sessions' WebSockets at once.
 *
 * <p>Thread-safe. Creating and mass-revoking lock the account's {@code users} row
 * ({@code SELECT ... FOR UPDATE}), so two sign-ins of one account racing each other still leave
 * exactly one live session.
 */
public final class SessionService {

  private static final Logger log = LoggerFactory.getLogger(SessionService.class);

  /** {@link Session#lastSeenAt()} is written at most this often per session. */
  public static final Duration LAST_SEEN_GRANULARITY = Duration.ofMinutes(1);

  private static final String COLUMNS = "id, user_id, created_ms, last_seen_ms, expires_ms,"
      + " revoked_ms, revoked_reason, address, user_agent";

  private final Jdbi jdbi;
  private final Clock clock;
  private final SessionSettings settings;
  private final SessionTokens tokens;
  private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates the service.
   *
   * @param jdbi the database (schema migrated)
   * @param clock the time source; tests pass a fixed or stepping clock
   * @param settings single or several sessions per account, lifetimes
   */
  public SessionService(Jdbi jdbi, Clock clock, SessionSettings settings) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.settings = settings;
    this.tokens = new SessionTokens(new SecureRandom());
  }

  /** The settings in force. */
  public SessionSettings settings() {
    return settings;
  }

  /**
   * Subscribes to revocations.
   *
   * @param listener told of every revocation from now on
   */
  public void addListener(SessionListener listener) {
    listeners.add(listener);
  }

  /**
   * Signs an account in: makes a session and its token. With one live session per account
   * (the default), the account's other live sessions are revoked with
   * {@link RevocationReason#SIGNED_IN_ELSEWHERE} in the same transaction.
   *
   * @param userId the account, which must exist
   * @param rememberMe true for the long lifetime ({@link SessionSettings#rememberMeLifetime()})
   * @param client where the sign-in came from
   * @return the token (only now), the session, and the sessions it ended
   * @throws IllegalArgumentException if no account has this id
   */
  public IssuedSession create(long userId, boolean rememberMe, ClientInfo client) {
    Instant now = now();
    String token = tokens.newToken();
    Duration lifetime = rememberMe ? settings.rememberMeLifetime() : settings.lifetime();
    ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
    Session session = new Session(tokens.newSessionId(), userId, now, now, now.plus(lifetime),
        null, null, from.address(), from.userAgent());
    List<Session> revoked = jdbi.inTransaction(h -> {
      if (!lockUser(h, userId)) {
        throw new IllegalArgumentException("no account with id " + userId);
      }
      List<Session> ended = settings.singleSession()
          ? revokeLive(h, userId, null, RevocationReason.SIGNED_IN_ELSEWHERE, now)
          : List.of();
      h.createUpdate("INSERT INTO sessions (id, token_hash, user_id, created_ms, last_seen_ms,"
              + " expires_ms, revoked_ms, revoked_reason, user_agent, address) VALUES (:id,"
              + " :tokenHash, :userId, :created, :created, :expires, NULL, NULL, :userAgent,"
              + " :address)")
          .bind("id", session.id())
          .bind("tokenHash", SessionTokens.hash(token))
          .bind("userId", userId)
          .bind("created", now.toEpochMilli())
          .bind("expires", session.expiresAt().toEpochMilli())
          .bind("userAgent", session.userAgent())
          .bind("address", session.address())
          .execute();
      return ended;
    });
    notifyRevoked(revoked, RevocationReason.SIGNED_IN_ELSEWHERE);
    return new IssuedSession(token, session, revoked);
  }

  /**
   * Finds the live session of a token, and notes that it was seen now.
   *
   * @param token the bearer token as the client sent it; null or garbage is fine
   * @return the session, or empty if the token is malformed, unknown, revoked or expired
   */
  public Optional<Session> authenticate(String token) {
    if (!SessionTokens.wellFormed(token)) {
      return Optional.empty();
    }
    String hash = SessionTokens.hash(token);
    Instant now = now();
    return jdbi.withHandle(h -> {
      Optional<Session> found = h.createQuery(
              "SELECT " + COLUMNS + " FROM sessions WHERE token_hash = :hash")
          .bind("hash", hash)
          .map(SessionService::mapSession)
          .findOne();
      if (found.isEmpty() || !found.get().liveAt(now)) {
        return Optional.empty();
      }
      Session s = found.get();
      if (Duration.between(s.lastSeenAt(), now).compareTo(LAST_SEEN_GRANULARITY) >= 0) {
        h.createUpdate("UPDATE sessions SET last_seen_ms = :now WHERE id = :id")
            .bind("now", now.toEpochMilli())
            .bind("id", s.id())
            .execute();
        s = new Session(s.id(), s.userId(), s.createdAt(), now, s.expiresAt(), null, null,
            s.address(), s.userAgent());
      }
      return Optional.of(s);
    });
  }

  /**
   * Why the session of a token was ended early, so that its browser can be told so (for example
   * "this account signed in elsewhere") rather than merely "not signed in". The reason stays
   * known until the session is {@linkplain #purge purged}, even after it would have expired.
   *
   * @param token the bearer token as the client sent it; null or garbage is fine
   * @return the reason ({@link RevocationReason#REVOKED} for a stored code this version does not
   *     know); empty if the token is malformed or unknown, or its session is live or merely
   *     expired
   */
  public Optional<RevocationReason> revocationOf(String token) {
    if (!SessionTokens.wellFormed(token)) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> h.createQuery("SELECT revoked_reason FROM sessions"
            + " WHERE token_hash = :hash AND revoked_ms IS NOT NULL")
        .bind("hash", SessionTokens.hash(token))
        .map((rs, ctx) -> {
          RevocationReason reason = RevocationReason.fromCode(rs.getString("revoked_reason"));
          return reason == null ? RevocationReason.REVOKED : reason;
        })
        .findOne());
  }

  /**
   * Signs out: revokes the session of a token with {@link RevocationReason#LOGOUT}.
   *
   * @param token the bearer token; null or garbage is fine
   * @return the session ended, or empty if the token named no live session
   */
  public Optional<Session> logout(String token) {
    if (!SessionTokens.wellFormed(token)) {
      return Optional.empty();
    }
    Optional<String> id = jdbi.withHandle(h -> h.createQuery(
            "SELECT id FROM sessions WHERE token_hash = :hash")
        .bind("hash", SessionTokens.hash(token))
        .mapTo(String.class)
        .findOne());
    return id.flatMap(i -> revoke(i, RevocationReason.LOGOUT));
  }

  /**
   * Revokes one session.
   *
   * @param sessionId the session's public id
   * @param reason why
   * @return the session as revoked, or empty if it was unknown, already revoked or expired
   */
  public Optional<Session> revoke(String sessionId, RevocationReason reason) {
    if (sessionId == null) {
      return Optional.empty();
    }
    Instant now = now();
    Optional<Session> revoked = jdbi.inTransaction(h -> {
      Optional<Session> s = find(h, sessionId);
      if (s.isEmpty() || !s.get().liveAt(now) || !markRevoked(h, sessionId, reason, now)) {
        return Optional.<Session>empty();
      }
      return Optional.of(revokedCopy(s.get(), now, reason));
    });
    revoked.ifPresent(s -> notifyRevoked(List.of(s), reason));
    return revoked;
  }

  /**
   * Revokes every live session of an account but one (after a password change, or "sign out
   * everywhere else").
   *
   * @param userId the account
   * @param keepSessionId the session to keep (the one asking); null to revoke them all
   * @param reason why
   * @return the sessions revoked; empty if none were live or the account does not exist
   */
  public List<Session> revokeAllExcept(long userId, String keepSessionId,
      RevocationReason reason) {
    Instant now = now();
    List<Session> revoked = jdbi.inTransaction(h -> lockUser(h, userId)
        ? revokeLive(h, userId, keepSessionId, reason, now)
        : List.<Session>of());
    notifyRevoked(revoked, reason);
    return revoked;
  }

  /**
   * The session with this id, live or not.
   *
   * @param sessionId the public id
   * @return the session, or empty if unknown (or purged)
   */
  public Optional<Session> find(String sessionId) {
    if (sessionId == null) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> find(h, sessionId));
  }

  /**
   * The live sessions of an account, newest first.
   *
   * @param userId the account
   * @return the sessions; empty if none
   */
  public List<Session> liveSessions(long userId) {
    Instant now = now();
    return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM sessions"
            + " WHERE user_id = :userId AND revoked_ms IS NULL AND expires_ms > :now"
            + " ORDER BY created_ms DESC, id")
        .bind("userId", userId)
        .bind("now", now.toEpochMilli())
        .map(SessionService::mapSession)
        .list());
  }

  /**
   * Deletes sessions that ended (expired or revoked) longer ago than {@code keep}; run it now and
   * then so the table does not grow without bound.
   *
   * @param keep how long ended sessions stay visible, for example 30 days
   * @return how many were deleted
   */
  public int purge(Duration keep) {
    long cutoff = now().minus(keep).toEpochMilli();
    return jdbi.withHandle(h -> h.createUpdate("DELETE FROM sessions WHERE expires_ms < :cutoff"
            + " OR (revoked_ms IS NOT NULL AND revoked_ms < :cutoff)")
        .bind("cutoff", cutoff)
        .execute());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private static boolean lockUser(Handle h, long userId) {
    return h.createQuery("SELECT id FROM users WHERE id = :id FOR UPDATE")
        .bind("id", userId)
        .mapTo(Long.class)
        .findOne()
        .isPresent();
  }

  private static List<Session> revokeLive(Handle h, long userId, String keepSessionId,
      RevocationReason reason, Instant now) {
    List<Session> live = h.createQuery("SELECT " + COLUMNS + " FROM sessions"
            + " WHERE user_id = :userId AND revoked_ms IS NULL AND expires_ms > :now")
        .bind("userId", userId)
        .bind("now", now.toEpochMilli())
        .map(SessionService::mapSession)
        .list();
    List<Session> revoked = new ArrayList<>();
    for (Session s : live) {
      if (!s.id().equals(keepSessionId) && markRevoked(h, s.id(), reason, now)) {
        revoked.add(revokedCopy(s, now, reason));
      }
    }
    return revoked;
  }

  private static boolean markRevoked(Handle h, String sessionId, RevocationReason reason,
      Instant now) {
    return h.createUpdate("UPDATE sessions SET revoked_ms = :now, revoked_reason = :reason"
            + " WHERE id = :id AND revoked_ms IS NULL")
        .bind("now", now.toEpochMilli())
        .bind("reason", reason.code())
        .bind("id", sessionId)
        .execute() == 1;
  }

  private static Session revokedCopy(Session s, Instant now, RevocationReason reason) {
    return new Session(s.id(), s.userId(), s.createdAt(), s.lastSeenAt(), s.expiresAt(), now,
        reason, s.address(), s.userAgent());
  }

  private static Optional<Session> find(Handle h, String sessionId) {
    return h.createQuery("SELECT " + COLUMNS + " FROM sessions WHERE id = :id")
        .bind("id", sessionId)
        .map(SessionService::mapSession)
        .findOne();
  }

  private void notifyRevoked(List<Session> sessions, RevocationReason reason) {
    if (sessions.isEmpty()) {
      return;
    }
    log.info("revoked {} session(s) {} of user {}: {}", sessions.size(),
        sessions.stream().map(Session::id).toList(), sessions.get(0).userId(), reason.code());
    for (SessionListener l : listeners) {
      try {
        l.onSessionsRevoked(sessions, reason);
      } catch (RuntimeException e) {
        log.warn("session listener {} failed", l, e);
      }
    }
  }

  private static Session mapSession(ResultSet rs, StatementContext ctx) throws SQLException {
    long revokedMs = rs.getLong("revoked_ms");
    boolean revoked = !rs.wasNull();
    return new Session(
        rs.getString("id"),
        rs.getLong("user_id"),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        Instant.ofEpochMilli(rs.getLong("last_seen_ms")),
        Instant.ofEpochMilli(rs.getLong("expires_ms")),
        revoked ? Instant.ofEpochMilli(revokedMs) : null,
        revoked ? RevocationReason.fromCode(rs.getString("revoked_reason")) : null,
        rs.getString("address"),
        rs.getString("user_agent"));
  }
}
