package io.kaihui.server.account;

import io.kaihui.server.session.ClientInfo;
import io.kaihui.server.session.IssuedSession;
import io.kaihui.server.session.RevocationReason;
import io.kaihui.server.session.Session;
import io.kaihui.server.session.SessionService;
import io.kaihui.server.store.Database;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accounts: registration, sign-in, password change and profile. Passwords are kept only as
 * Argon2id hashes ({@link PasswordHasher}); sign-in answers {@code invalid_credentials} alike
 * for an unknown username and a wrong password, taking the same time (an unknown username is
 * checked against a dummy hash), and is rate-limited per account and per client address by
 * {@link LoginThrottle}. Every method takes untrusted input and reports a bad field as an
 * {@link AccountException} with a stable code, storing nothing. SQL only through bound
 * parameters. Thread-safe.
 */
public final class AccountService {

  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  /** Shortest password, in characters (code points). */
  public static final int MIN_PASSWORD_LENGTH = 8;

  /** Longest password, in UTF-16 characters: far beyond any passphrase, short enough to hash. */
  public static final int MAX_PASSWORD_LENGTH = 1024;

  private static final String USER_COLUMNS = "id, username, display_name, phone, avatar_ref,"
      + " mood_line, created_ms, updated_ms";

  private final Jdbi jdbi;
  private final SessionService sessions;
  private final PasswordHasher hasher;
  private final CommonPasswords commonPasswords;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final String dummyHash;

  /**
   * Creates the service.
   *
   * @param database the database (schema migrated)
   * @param sessions makes the sessions of successful sign-ins
   * @param hasher hashes passwords
   * @param commonPasswords the passwords refused as too common
   * @param throttle limits failed sign-ins
   * @param clock the time source (the throttle has its own, normally the same)
   */
  public AccountService(Database database, SessionService sessions, PasswordHasher hasher,
      CommonPasswords commonPasswords, LoginThrottle throttle, Clock clock) {
    this.jdbi = database.jdbi();
    this.sessions = sessions;
    this.hasher = hasher;
    this.commonPasswords = commonPasswords;
    this.throttle = throttle;
    this.clock = clock;
    // Hashed at the current settings, so checking a password against it costs what checking a
    // real account's does.
    this.dummyHash = hasher.hash(UUID.randomUUID().toString());
  }

  /**
   * Registers an account. The fields are checked in this order: username, display name, phone,
   * password, and last whether the username is free.
   *
   * @param registration what was filled in; any field may be null or garbage
   * @return the new account
   * @throws AccountException {@code username_invalid}, {@code display_name_invalid},
   *     {@code phone_invalid}, {@code password_too_long}, {@code password_too_short},
   *     {@code password_equals_username}, {@code password_too_common} or
   *     {@code username_taken}; nothing is stored then
   */
  public User register(Registration registration) throws AccountException {
    String username = ProfileFields.username(registration.username());
    String displayName = ProfileFields.displayName(registration.displayName());
    String phone = ProfileFields.phone(registration.phone());
    ProfileFields.password(registration.password(), username, commonPasswords);
    String key = ProfileFields.usernameKey(username);
    if (usernameKeyExists(key)) {
      throw taken();
    }
    String hash = hasher.hash(registration.password());
    Instant now = now();
    for (int attempt = 0; ; attempt++) {
      long id = random.nextLong(1, 1L << 53);
      try {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO users (id, username, username_key,"
                + " display_name, phone, password_hash, avatar_ref, mood_line, created_ms,"
                + " updated_ms) VALUES (:id, :username, :key, :displayName, :phone, :hash, NULL,"
                + " NULL, :now, :now)")
            .bind("id", id)
            .bind("username", username)
            .bind("key", key)
            .bind("displayName", displayName)
            .bind("phone", phone)
            .bind("hash", hash)
            .bind("now", now.toEpochMilli())
            .execute());
        log.info("registered user {} ({})", username, id);
        return new User(id, username, displayName, phone, null, null, now, now);
      } catch (JdbiException e) {
        if (!Database.isConstraintViolation(e)) {
          throw e;
        }
        if (usernameKeyExists(key)) {
          throw taken(); // registered by someone else a moment ago
        }
        if (attempt >= 3) {
          throw e;
        }
        // else the random id collided with an existing one: draw again
      }
    }
  }

  /**
   * Signs in with username and password and makes a session. With one live session per account
   * (the default), the account's other sessions end; they are in the result and are told to
   * the {@link io.kaihui.server.session.SessionListener}s.
   *
   * @param username the username in any letter case; null or garbage is fine
   * @param password the password; null or garbage is fine
   * @param rememberMe true for a long-lived session
   * @param client where the attempt comes from; its address is rate-limited
   * @return the account and the new session with its token
   * @throws AccountException {@code invalid_credentials} (unknown username and wrong password
   *     alike), or {@code too_many_attempts} with {@link AccountException#retryAfterSeconds()}
   */
  public LoginResult login(String username, String password, boolean rememberMe,
      ClientInfo client) throws AccountException {
    ClientInfo from = client == null ? ClientInfo.UNKNOWN : client;
    boolean wellFormed = ProfileFields.isUsername(username);
    String key = wellFormed ? ProfileFields.usernameKey(username) : null;
    String accountKey = "account:" + (wellFormed ? key : "(malformed)");
    String addressKey = "address:" + addressBucket(from.address());
    long wait = throttle.acquire(accountKey, addressKey);
    if (wait > 0) {
      throw new AccountException(AccountException.TOO_MANY_ATTEMPTS,
          "too many failed sign-ins; try again in " + wait + " s", wait);
    }
    Optional<Credentials> found = wellFormed ? credentials(key) : Optional.empty();
    boolean passwordUsable = password != null && password.length() <= MAX_PASSWORD_LENGTH;
    String candidate = passwordUsable ? password : "";
    // Always one hash check, against the account's hash or a dummy one, so the answer takes
    // the same time whether the username exists or not.
    boolean matches = hasher.verify(candidate, found.map(Credentials::hash).orElse(dummyHash));
    if (found.isEmpty() || !passwordUsable || !matches) {
      log.debug("failed sign-in for {} from {}", accountKey, from.address());
      throw new AccountException(AccountException.INVALID_CREDENTIALS,
          "wrong username or password");
    }
    throttle.reset(accountKey);
    throttle.release(addressKey);
    Credentials c = found.get();
    if (hasher.needsRehash(c.hash())) {
      String rehashed = hasher.hash(password);
      jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash WHERE id = :id")
          .bind("hash", rehashed)
          .bind("id", c.user().id())
          .execute());
    }
    IssuedSession issued = sessions.create(c.user().id(), rememberMe, from);
    log.info("user {} signed in, session {}; ended {}", c.user().id(), issued.session().id(),
        issued.revoked().stream().map(Session::id).toList());
    return new LoginResult(c.user(), issued);
  }

  /**
   * Finds who a session token belongs to.
   *
   * @param token the bearer token; null or garbage is fine
   * @return the account and its session, or empty if the token is not a live session's
   */
  public Optional<SignedIn> authenticate(String token) {
    return sessions.authenticate(token)
        .flatMap(s -> find(s.userId()).map(u -> new SignedIn(u, s)));
  }

  /**
   * Signs out the session of a token.
   *
   * @param token the bearer token; null or garbage is fine
   * @return the session ended, or empty if the token was not live
   */
  public Optional<Session> logout(String token) {
    return sessions.logout(token);
  }

  /**
   * Changes the password, after checking the old one (rate-limited like sign-in, under the
   * account's key), and ends every other session of the account.
   *
   * @param userId the account
   * @param oldPassword the current password
   * @param newPassword the new one, under the registration rules
   * @param keepSessionId the session asking, which stays signed in; null to end them all
   * @return the sessions ended
   * @throws AccountException {@code user_not_found}, {@code too_many_attempts},
   *     {@code invalid_credentials} (old password wrong), or a password rule's code
   */
  public List<Session> changePassword(long userId, String oldPassword, String newPassword,
      String keepSessionId) throws AccountException {
    Credentials c = credentials(userId).orElseThrow(AccountService::notFound);
    String accountKey = "account:" + ProfileFields.usernameKey(c.user().username());
    ProfileFields.password(newPassword, c.user().username(), commonPasswords);
    long wait = throttle.acquire(accountKey);
    if (wait > 0) {
      throw new AccountException(AccountException.TOO_MANY_ATTEMPTS,
          "too many failed attempts; try again in " + wait + " s", wait);
    }
    boolean usable = oldPassword != null && oldPassword.length() <= MAX_PASSWORD_LENGTH;
    if (!hasher.verify(usable ? oldPassword : "", c.hash()) || !usable) {
      throw new AccountException(AccountException.INVALID_CREDENTIALS,
          "the current password is wrong");
    }
    throttle.reset(accountKey);
    String hash = hasher.hash(newPassword);
    Instant now = now();
    jdbi.useHandle(h -> h.createUpdate("UPDATE users SET password_hash = :hash,"
            + " updated_ms = :now WHERE id = :id")
        .bind("hash", hash)
        .bind("now", now.toEpochMilli())
        .bind("id", userId)
        .execute());
    log.info("user {} changed password", userId);
    return sessions.revokeAllExcept(userId, keepSessionId, RevocationReason.PASSWORD_CHANGED);
  }

  /**
   * Replaces the editable profile fields.
   *
   * @param userId the account
   * @param displayName the new display name
   * @param moodLine the new mood line; null or blank to clear it
   * @param phone the new phone number; null or blank to clear it
   * @return the account as updated
   * @throws AccountException {@code display_name_invalid}, {@code mood_invalid},
   *     {@code phone_invalid} (nothing is changed then) or {@code user_not_found}
   */
  public User updateProfile(long userId, String displayName, String moodLine, String phone)
      throws AccountException {
    String name = ProfileFields.displayName(displayName);
    String mood = ProfileFields.moodLine(moodLine);
    String tel = ProfileFields.phone(phone);
    Instant now = now();
    int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE users SET display_name = :name,"
            + " mood_line = :mood, phone = :phone, updated_ms = :now WHERE id = :id")
        .bind("name", name)
        .bind("mood", mood)
        .bind("phone", tel)
        .bind("now", now.toEpochMilli())
        .bind("id", userId)
        .execute());
    if (updated == 0) {
      throw notFound();
    }
    return find(userId).orElseThrow(AccountService::notFound);
  }

  /**
   * Sets or clears the avatar.
   *
   * @param userId the account
   * @param avatarRef the stored image's reference (1–128 of {@code A-Z a-z 0-9 . _ -}); null to
   *     go back to initials
   * @return the account as updated
   * @throws AccountException {@code avatar_invalid} or {@code user_not_found}
   */
  public User updateAvatar(long userId, String avatarRef) throws AccountException {
    String ref = ProfileFields.avatarRef(avatarRef);
    Instant now = now();
    int updated = jdbi.withHandle(h -> h.createUpdate("UPDATE users SET avatar_ref = :ref,"
            + " updated_ms = :now WHERE id = :id")
        .bind("ref", ref)
        .bind("now", now.toEpochMilli())
        .bind("id", userId)
        .execute());
    if (updated == 0) {
      throw notFound();
    }
    return find(userId).orElseThrow(AccountService::notFound);
  }

  /**
   * The account with this id.
   *
   * @param userId the id
   * @return the account, or empty
   */
  public Optional<User> find(long userId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS
            + " FROM users WHERE id = :id")
        .bind("id", userId)
        .map(AccountService::mapUser)
        .findOne());
  }

  /**
   * The account with this username, ignoring case.
   *
   * @param username a username; null or garbage finds nothing
   * @return the account, or empty
   */
  public Optional<User> findByUsername(String username) {
    if (!ProfileFields.isUsername(username)) {
      return Optional.empty();
    }
    String key = ProfileFields.usernameKey(username);
    return jdbi.withHandle(h -> h.createQuery("SELECT " + USER_COLUMNS
            + " FROM users WHERE username_key = :key")
        .bind("key", key)
        .map(AccountService::mapUser)
        .findOne());
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  private boolean usernameKeyExists(String key) {
    return jdbi.withHandle(h -> h.createQuery("SELECT id FROM users WHERE username_key = :key")
        .bind("key", key)
        .mapTo(Long.class)
        .findOne()
        .isPresent());
  }

  private Optional<Credentials> credentials(String key) {
    return jdbi.withHandle(h -> credentials(h, "username_key = :key", "key", key));
  }

  private Optional<Credentials> credentials(long userId) {
    return jdbi.withHandle(h -> credentials(h, "id = :id", "id", userId));
  }

  private static Optional<Credentials> credentials(Handle h, String where, String name,
      Object value) {
    return h.createQuery("SELECT " + USER_COLUMNS + ", password_hash FROM users WHERE " + where)
        .bind(name, value)
        .map((rs, ctx) -> new Credentials(mapUser(rs, ctx), rs.getString("password_hash")))
        .findOne();
  }

  /**
   * The rate-limiting bucket of a client address: an IPv4 address as is, an IPv6 address by its
   * /64 prefix (one subscriber usually has a whole /64).
   */
  static String addressBucket(String address) {
    if (address == null) {
      return "(unknown)";
    }
    if (address.indexOf(':') >= 0 && address.matches("[0-9A-Fa-f:.]{2,45}")) {
      try {
        byte[] b = InetAddress.getByName(address).getAddress(); // a literal: no DNS
        if (b.length == 16) {
          return HexFormat.of().formatHex(b, 0, 8) + "::/64";
        }
      } catch (UnknownHostException e) {
        return address;
      }
    }
    return address;
  }

  private static AccountException taken() {
    return new AccountException(AccountException.USERNAME_TAKEN, "the username is taken");
  }

  private static AccountException notFound() {
    return new AccountException(AccountException.USER_NOT_FOUND, "no such account");
  }

  private static User mapUser(ResultSet rs, StatementContext ctx) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("phone"),
        rs.getString("avatar_ref"),
        rs.getString("mood_line"),
        Instant.ofEpochMilli(rs.getLong("created_ms")),
        Instant.ofEpochMilli(rs.getLong("updated_ms")));
  }

  /** An account with its password hash, which never leaves this class. */
  private record Credentials(User user, String hash) {}
}
