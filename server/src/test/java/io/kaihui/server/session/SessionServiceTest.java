package io.kaihui.server.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.MutableClock;
import io.kaihui.server.testing.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The same session tests on H2, MariaDB and PostgreSQL, each on a fresh database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseVendor.class)
class SessionServiceTest {

  @Parameter
  DatabaseVendor vendor;

  private TestDatabase db;
  private Database database;
  private final MutableClock clock = new MutableClock();
  private final List<String> events = Collections.synchronizedList(new ArrayList<>());
  private final ClientInfo laptop = new ClientInfo("192.0.2.10", "Mozilla/5.0 (X11; Linux)");

  @BeforeEach
  void openDatabase() {
    db = TestDatabase.create(vendor);
    database = db.open();
    insertUser(1, "alice");
    insertUser(2, "bob");
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private SessionService service(SessionSettings settings) {
    SessionService s = new SessionService(database.jdbi(), clock, settings);
    s.addListener((sessions, reason) -> {
      for (Session x : sessions) {
        events.add(x.id() + ":" + reason.code());
      }
    });
    return s;
  }

  @Test
  void createThenAuthenticate() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession issued = sessions.create(1, false, laptop);
    assertThat(issued.token()).hasSize(43).matches("[A-Za-z0-9_-]{43}");
    assertThat(issued.revoked()).isEmpty();
    Session s = issued.session();
    assertThat(s.userId()).isEqualTo(1);
    assertThat(s.id()).matches("[A-Za-z0-9_-]{22}");
    assertThat(s.createdAt()).isEqualTo(clock.instant());
    assertThat(s.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofHours(12)));
    assertThat(s.address()).isEqualTo("192.0.2.10");
    assertThat(s.userAgent()).isEqualTo("Mozilla/5.0 (X11; Linux)");
    assertThat(sessions.authenticate(issued.token())).contains(s);
    assertThat(sessions.find(s.id())).contains(s);
    assertThat(sessions.liveSessions(1)).containsExactly(s);
  }

  @Test
  void tokensAreRandomAndSessionIdsAreNotTokens() {
    SessionService sessions = service(new SessionSettings(false, Duration.ofDays(30),
        Duration.ofHours(12)));
    IssuedSession a = sessions.create(1, false, laptop);
    IssuedSession b = sessions.create(1, false, laptop);
    assertThat(a.token()).isNotEqualTo(b.token());
    assertThat(a.session().id()).isNotEqualTo(b.session().id());
    assertThat(sessions.authenticate(a.session().id())).isEmpty();
    assertThat(a.toString()).doesNotContain(a.token());
  }

  @Test
  void tokenIsStoredOnlyAsItsHash() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession issued = sessions.create(1, true, laptop);
    List<String> values = db.allValues();
    assertThat(values).noneMatch(v -> v.contains(issued.token()));
    assertThat(values).contains("sessions.token_hash=" + SessionTokens.hash(issued.token()));
  }

  @Test
  void unknownAndMalformedTokensAreRefused() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession issued = sessions.create(1, false, laptop);
    String t = issued.token();
    List<String> bad = new ArrayList<>(List.of("", " ", t.substring(1), t + "A",
        t.toUpperCase(), "' OR '1'='1' -- " + "x".repeat(27), "\u0000".repeat(43),
        SessionTokens.hash(t), issued.session().id(), "x".repeat(1_000_000)));
    bad.add(null);
    Random random = new Random(42);
    for (int i = 0; i < 500; i++) {
      char[] c = new char[random.nextInt(60)];
      for (int j = 0; j < c.length; j++) {
        c[j] = (char) random.nextInt(0x3000);
      }
      bad.add(new String(c));
    }
    for (String token : bad) {
      assertThat(sessions.authenticate(token)).as("token %s", token).isEmpty();
      assertThat(sessions.revocationOf(token)).as("token %s", token).isEmpty();
      assertThat(sessions.logout(token)).isEmpty();
    }
    assertThat(sessions.authenticate(t)).isPresent();
  }

  @Test
  void sessionsExpire() {
    SessionService sessions = service(new SessionSettings(false, Duration.ofDays(30),
        Duration.ofHours(12)));
    IssuedSession shortOne = sessions.create(1, false, laptop);
    IssuedSession remembered = sessions.create(1, true, laptop);
    assertThat(remembered.session().expiresAt())
        .isEqualTo(clock.instant().plus(Duration.ofDays(30)));
    clock.advance(Duration.ofHours(12).minusMillis(1));
    assertThat(sessions.authenticate(shortOne.token())).isPresent();
    clock.advance(Duration.ofMillis(1));
    assertThat(sessions.authenticate(shortOne.token())).isEmpty();
    assertThat(sessions.authenticate(remembered.token())).isPresent();
    clock.advance(Duration.ofDays(30));
    assertThat(sessions.authenticate(remembered.token())).isEmpty();
    assertThat(sessions.liveSessions(1)).isEmpty();
    assertThat(events).as("expiry is not a revocation").isEmpty();
  }

  @Test
  void logoutRevokesAndTellsTheListener() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession issued = sessions.create(1, false, laptop);
    clock.advance(Duration.ofSeconds(5));
    Session ended = sessions.logout(issued.token()).orElseThrow();
    assertThat(ended.revokedAt()).isEqualTo(clock.instant());
    assertThat(ended.revocationReason()).isEqualTo(RevocationReason.LOGOUT);
    assertThat(sessions.authenticate(issued.token())).isEmpty();
    assertThat(sessions.logout(issued.token())).isEmpty();
    assertThat(sessions.revoke(issued.session().id(), RevocationReason.REVOKED)).isEmpty();
    assertThat(sessions.find(issued.session().id())).contains(ended);
    assertThat(events).containsExactly(issued.session().id() + ":logout");
  }

  @Test
  void revocationOfTellsWhyARevokedSessionEndedAndNothingElse() {
    SessionService sessions = service(new SessionSettings(false, Duration.ofDays(30),
        Duration.ofHours(12)));
    IssuedSession live = sessions.create(1, false, laptop);
    IssuedSession loggedOut = sessions.create(1, false, laptop);
    IssuedSession byOperator = sessions.create(1, true, laptop);
    IssuedSession expired = sessions.create(2, false, laptop);
    sessions.logout(loggedOut.token());
    sessions.revoke(byOperator.session().id(), RevocationReason.REVOKED);
    assertThat(sessions.revocationOf(live.token())).isEmpty();
    assertThat(sessions.revocationOf(loggedOut.token())).contains(RevocationReason.LOGOUT);
    assertThat(sessions.revocationOf(byOperator.token())).contains(RevocationReason.REVOKED);

    IssuedSession phone = sessions.create(1, false, laptop);
    sessions.revokeAllExcept(1, live.session().id(), RevocationReason.PASSWORD_CHANGED);
    assertThat(sessions.revocationOf(phone.token())).contains(RevocationReason.PASSWORD_CHANGED);
    assertThat(sessions.revocationOf(loggedOut.token())).as("the first reason stays")
        .contains(RevocationReason.LOGOUT);

    clock.advance(Duration.ofHours(13));
    assertThat(sessions.authenticate(expired.token())).isEmpty();
    assertThat(sessions.revocationOf(expired.token())).as("expiry is no revocation").isEmpty();
    assertThat(sessions.revocationOf(phone.token())).as("known until purged")
        .contains(RevocationReason.PASSWORD_CHANGED);
    sessions.purge(Duration.ofHours(1));
    assertThat(sessions.revocationOf(phone.token())).isEmpty();

    // A stored code this version does not know is still a revocation.
    IssuedSession future = sessions.create(2, true, laptop);
    sessions.revoke(future.session().id(), RevocationReason.REVOKED);
    database.jdbi().useHandle(h -> h.createUpdate(
            "UPDATE sessions SET revoked_reason = 'banned_by_moon' WHERE id = :id")
        .bind("id", future.session().id()).execute());
    assertThat(sessions.revocationOf(future.token())).contains(RevocationReason.REVOKED);
  }

  @Test
  void oneLiveSessionPerAccountToldAsSignedInElsewhere() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession first = sessions.create(1, false, laptop);
    sessions.create(1, false, laptop);
    assertThat(sessions.revocationOf(first.token()))
        .contains(RevocationReason.SIGNED_IN_ELSEWHERE);
  }

  @Test
  void revokeById() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession issued = sessions.create(1, false, laptop);
    assertThat(sessions.revoke(issued.session().id(), RevocationReason.REVOKED)).isPresent();
    assertThat(sessions.authenticate(issued.token())).isEmpty();
    assertThat(sessions.revoke("no-such-session", RevocationReason.REVOKED)).isEmpty();
    assertThat(sessions.revoke(null, RevocationReason.REVOKED)).isEmpty();
    assertThat(events).containsExactly(issued.session().id() + ":revoked");
  }

  @Test
  void oneLiveSessionPerAccount() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession first = sessions.create(1, true, laptop);
    IssuedSession bobs = sessions.create(2, true, laptop);
    clock.advance(Duration.ofMinutes(3));
    IssuedSession second = sessions.create(1, false, new ClientInfo("198.51.100.7", "Phone"));
    assertThat(second.revoked()).singleElement().satisfies(r -> {
      assertThat(r.id()).isEqualTo(first.session().id());
      assertThat(r.revocationReason()).isEqualTo(RevocationReason.SIGNED_IN_ELSEWHERE);
      assertThat(r.revokedAt()).isEqualTo(clock.instant());
    });
    assertThat(sessions.authenticate(first.token())).isEmpty();
    assertThat(sessions.authenticate(second.token())).isPresent();
    assertThat(sessions.authenticate(bobs.token())).as("other accounts keep theirs").isPresent();
    assertThat(events).containsExactly(first.session().id() + ":signed_in_elsewhere");
    assertThat(sessions.liveSessions(1)).extracting(Session::id)
        .containsExactly(second.session().id());
  }

  @Test
  void severalSessionsWhenAllowed() {
    SessionService sessions = service(new SessionSettings(false, Duration.ofDays(30),
        Duration.ofHours(12)));
    IssuedSession a = sessions.create(1, false, laptop);
    clock.advance(Duration.ofSeconds(1));
    IssuedSession b = sessions.create(1, false, laptop);
    clock.advance(Duration.ofSeconds(1));
    IssuedSession c = sessions.create(1, false, laptop);
    assertThat(b.revoked()).isEmpty();
    assertThat(sessions.liveSessions(1)).extracting(Session::id)
        .containsExactly(c.session().id(), b.session().id(), a.session().id());
    List<Session> revoked = sessions.revokeAllExcept(1, b.session().id(),
        RevocationReason.PASSWORD_CHANGED);
    assertThat(revoked).extracting(Session::id)
        .containsExactlyInAnyOrder(a.session().id(), c.session().id());
    assertThat(sessions.authenticate(b.token())).isPresent();
    assertThat(sessions.authenticate(a.token())).isEmpty();
    assertThat(sessions.authenticate(c.token())).isEmpty();
    assertThat(events).containsExactlyInAnyOrder(a.session().id() + ":password_changed",
        c.session().id() + ":password_changed");
    assertThat(sessions.revokeAllExcept(1, null, RevocationReason.REVOKED))
        .extracting(Session::id).containsExactly(b.session().id());
    assertThat(sessions.revokeAllExcept(99, null, RevocationReason.REVOKED)).isEmpty();
  }

  @Test
  void concurrentSignInsLeaveExactlyOneLiveSession() throws Exception {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    int n = 8;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<IssuedSession>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        futures.add(pool.submit(() -> {
          start.await();
          return sessions.create(1, false, laptop);
        }));
      }
      start.countDown();
      List<IssuedSession> issued = new ArrayList<>();
      for (Future<IssuedSession> f : futures) {
        issued.add(f.get());
      }
      assertThat(sessions.liveSessions(1)).hasSize(1);
      assertThat(issued.stream().filter(i -> sessions.authenticate(i.token()).isPresent()))
          .hasSize(1);
      int revokedTotal = issued.stream().mapToInt(i -> i.revoked().size()).sum();
      assertThat(revokedTotal).isEqualTo(n - 1);
      assertThat(events).hasSize(n - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lastSeenIsWrittenAtMostOncePerMinute() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    IssuedSession issued = sessions.create(1, false, laptop);
    Instant created = clock.instant();
    clock.advance(Duration.ofSeconds(59));
    assertThat(sessions.authenticate(issued.token()).orElseThrow().lastSeenAt())
        .isEqualTo(created);
    clock.advance(Duration.ofSeconds(1));
    Instant seen = clock.instant();
    assertThat(sessions.authenticate(issued.token()).orElseThrow().lastSeenAt()).isEqualTo(seen);
    assertThat(sessions.find(issued.session().id()).orElseThrow().lastSeenAt()).isEqualTo(seen);
  }

  @Test
  void purgeDeletesOnlyLongEndedSessions() {
    SessionService sessions = service(new SessionSettings(false, Duration.ofDays(30),
        Duration.ofHours(12)));
    IssuedSession expired = sessions.create(1, false, laptop);
    IssuedSession revoked = sessions.create(1, true, laptop);
    sessions.logout(revoked.token());
    IssuedSession live = sessions.create(1, true, laptop);
    clock.advance(Duration.ofDays(8));
    assertThat(sessions.purge(Duration.ofDays(7))).isEqualTo(2);
    assertThat(sessions.find(expired.session().id())).isEmpty();
    assertThat(sessions.find(revoked.session().id())).isEmpty();
    assertThat(sessions.authenticate(live.token())).isPresent();
  }

  @Test
  void aFailingListenerDoesNotStopTheOthers() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    List<String> second = new ArrayList<>();
    SessionService wrapped = new SessionService(database.jdbi(), clock, SessionSettings.DEFAULTS);
    wrapped.addListener((s, r) -> {
      throw new IllegalStateException("listener bug");
    });
    wrapped.addListener((s, r) -> second.add(r.code()));
    IssuedSession first = sessions.create(1, false, laptop);
    IssuedSession again = wrapped.create(1, false, laptop);
    assertThat(again.revoked()).extracting(Session::id).containsExactly(first.session().id());
    assertThat(second).containsExactly("signed_in_elsewhere");
  }

  @Test
  void unknownAccountCannotSignIn() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    assertThatThrownBy(() -> sessions.create(404, false, laptop))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(db.count("sessions")).isZero();
  }

  @Test
  void hostileClientInfoIsStoredCleaned() {
    SessionService sessions = service(SessionSettings.DEFAULTS);
    ClientInfo hostile = new ClientInfo("1.2.3.4\r\nX-Evil: 1" + "9".repeat(500),
        "Agent'); DROP TABLE sessions;--\u0000\u001b[31m" + "é".repeat(10_000));
    IssuedSession issued = sessions.create(1, false, hostile);
    Session stored = sessions.find(issued.session().id()).orElseThrow();
    assertThat(stored.userAgent()).hasSize(ClientInfo.MAX_USER_AGENT)
        .startsWith("Agent'); DROP TABLE sessions;--[31m").doesNotContain("\u0000");
    assertThat(stored.address()).hasSize(ClientInfo.MAX_ADDRESS).doesNotContain("\r");
    assertThat(db.tables()).containsKey("sessions");
  }

  private void insertUser(long id, String username) {
    database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username, username_key,"
            + " display_name, password_hash, created_ms, updated_ms)"
            + " VALUES (:id, :u, :u, :u, 'not-a-real-hash', 0, 0)")
        .bind("id", id).bind("u", username).execute());
  }
}
