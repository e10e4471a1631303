package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kaihui.server.session.ClientInfo;
import io.kaihui.server.session.RevocationReason;
import io.kaihui.server.session.Session;
import io.kaihui.server.session.SessionService;
import io.kaihui.server.session.SessionSettings;
import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.MutableClock;
import io.kaihui.server.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
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
import org.slf4j.LoggerFactory;

/** The same account tests on H2, MariaDB and PostgreSQL, each on a fresh database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseVendor.class)
class AccountServiceTest {

  private static final String PASSWORD = "Correct-Horse-Battery-42";
  private static final ClientInfo HOME = new ClientInfo("192.0.2.10", "Firefox");
  private static final ClientInfo OFFICE = new ClientInfo("198.51.100.20", "Chromium");

  @Parameter
  DatabaseVendor vendor;

  private TestDatabase db;
  private Database database;
  private final MutableClock clock = new MutableClock();
  private final List<String> revocations = Collections.synchronizedList(new ArrayList<>());
  private PasswordHasher hasher;
  private LoginThrottle throttle;
  private SessionService sessions;
  private AccountService accounts;

  @BeforeEach
  void openDatabase() {
    db = TestDatabase.create(vendor);
    database = db.open();
    hasher = new PasswordHasher();
    accounts = accounts(SessionSettings.DEFAULTS, hasher);
  }

  @AfterEach
  void dropDatabase() {
    if (db != null) {
      db.close();
    }
  }

  private AccountService accounts(SessionSettings settings, PasswordHasher h) {
    throttle = new LoginThrottle(clock, ThrottlePolicy.DEFAULTS);
    sessions = new SessionService(database.jdbi(), clock, settings);
    sessions.addListener((list, reason) -> list.forEach(
        s -> revocations.add(s.id() + ":" + reason.code())));
    return new AccountService(database, sessions, h, CommonPasswords.load(), throttle, clock);
  }

  private User register(String username) throws AccountException {
    return accounts.register(new Registration(username, PASSWORD, "Name of " + username, null));
  }

  @Test
  void registerLoginLogout() throws Exception {
    User alice = accounts.register(
        new Registration("Alice", PASSWORD, "  Alice Liddell ", "+44 20 7946 0000"));
    assertThat(alice.id()).isPositive().isLessThan(1L << 53);
    assertThat(alice.username()).isEqualTo("Alice");
    assertThat(alice.displayName()).isEqualTo("Alice Liddell");
    assertThat(alice.phone()).isEqualTo("+442079460000");
    assertThat(alice.createdAt()).isEqualTo(clock.instant());
    assertThat(accounts.find(alice.id())).contains(alice);
    assertThat(accounts.findByUsername("ALICE")).contains(alice);

    LoginResult result = accounts.login("alice", PASSWORD, true, HOME);
    assertThat(result.user()).isEqualTo(alice);
    assertThat(result.issued().revoked()).isEmpty();
    SignedIn signedIn = accounts.authenticate(result.issued().token()).orElseThrow();
    assertThat(signedIn.user()).isEqualTo(alice);
    assertThat(signedIn.session().id()).isEqualTo(result.issued().session().id());
    assertThat(signedIn.session().expiresAt()).isEqualTo(clock.instant().plus(Duration.ofDays(30)));

    assertThat(accounts.logout(result.issued().token())).isPresent();
    assertThat(accounts.authenticate(result.issued().token())).isEmpty();
    assertThat(revocations).containsExactly(result.issued().session().id() + ":logout");
  }

  @Test
  void usernamesAreUniqueIgnoringCase() throws Exception {
    User alice = register("Alice");
    for (String other : new String[] {"alice", "ALICE", "aLiCe"}) {
      assertCode(() -> register(other), AccountException.USERNAME_TAKEN);
    }
    register("Alice2");
    assertThat(db.count("users")).isEqualTo(2);
    assertThat(accounts.login("ALICE", PASSWORD, false, HOME).user()).isEqualTo(alice);
  }

  @Test
  void concurrentRegistrationsOfOneNameLeaveOneAccount() throws Exception {
    String[] names = {"carol", "Carol", "CAROL", "cArol", "caRol", "carOL"};
    ExecutorService pool = Executors.newFixedThreadPool(names.length);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<String>> results = new ArrayList<>();
      for (String name : names) {
        results.add(pool.submit(() -> {
          start.await();
          try {
            register(name);
            return "ok";
          } catch (AccountException e) {
            return e.code();
          }
        }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<String> f : results) {
        outcomes.add(f.get());
      }
      assertThat(outcomes).containsOnlyOnce("ok");
      assertThat(outcomes.stream().filter(o -> !o.equals("ok")))
          .containsOnly(AccountException.USERNAME_TAKEN);
      assertThat(db.count("users")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void everyValidationErrorHasItsCodeAndStoresNothing() {
    Object[][] cases = {
        {new Registration("ab", PASSWORD, "A", null), AccountException.USERNAME_INVALID},
        {new Registration("a".repeat(33), PASSWORD, "A", null), AccountException.USERNAME_INVALID},
        {new Registration("bad-name", PASSWORD, "A", null), AccountException.USERNAME_INVALID},
        {new Registration("alice", "short", "A", null), AccountException.PASSWORD_TOO_SHORT},
        {new Registration("alice", "1234567", "A", null), AccountException.PASSWORD_TOO_SHORT},
        {new Registration("alice", "p".repeat(1025), "A", null),
            AccountException.PASSWORD_TOO_LONG},
        {new Registration("alice", "iloveyou", "A", null), AccountException.PASSWORD_TOO_COMMON},
        {new Registration("alice", "Password", "A", null), AccountException.PASSWORD_TOO_COMMON},
        {new Registration("alice", "qwertyuiop", "A", null),
            AccountException.PASSWORD_TOO_COMMON},
        {new Registration("alice_in_wonderland", "ALICE_IN_WONDERLAND", "A", null),
            AccountException.PASSWORD_EQUALS_USERNAME},
        {new Registration("alice", PASSWORD, "", null), AccountException.DISPLAY_NAME_INVALID},
        {new Registration("alice", PASSWORD, "   ", null), AccountException.DISPLAY_NAME_INVALID},
        {new Registration("alice", PASSWORD, "n".repeat(65), null),
            AccountException.DISPLAY_NAME_INVALID},
        {new Registration("alice", PASSWORD, "A", "12345"), AccountException.PHONE_INVALID},
        {new Registration("alice", PASSWORD, "A", "phone me"), AccountException.PHONE_INVALID},
    };
    for (Object[] c : cases) {
      Registration r = (Registration) c[0];
      assertCode(() -> accounts.register(r), (String) c[1]);
    }
    assertThat(db.count("users")).isZero();
  }

  @Test
  void garbageInputGetsTheRightCodeAndStoresNothing() {
    String huge = "x".repeat(2_000_000);
    String control = "ab\u0000c\u001b[2J\r\n";
    Object[][] cases = {
        {new Registration(null, PASSWORD, "A", null), AccountException.USERNAME_INVALID},
        {new Registration(huge, PASSWORD, "A", null), AccountException.USERNAME_INVALID},
        {new Registration(control, PASSWORD, "A", null), AccountException.USERNAME_INVALID},
        {new Registration("alice\u0000", PASSWORD, "A", null), AccountException.USERNAME_INVALID},
        {new Registration("alice", null, "A", null), AccountException.PASSWORD_TOO_SHORT},
        {new Registration("alice", huge, "A", null), AccountException.PASSWORD_TOO_LONG},
        {new Registration("alice", PASSWORD, null, null), AccountException.DISPLAY_NAME_INVALID},
        {new Registration("alice", PASSWORD, huge, null), AccountException.DISPLAY_NAME_INVALID},
        {new Registration("alice", PASSWORD, control, null),
            AccountException.DISPLAY_NAME_INVALID},
        {new Registration("alice", PASSWORD, "A", huge), AccountException.PHONE_INVALID},
        {new Registration("alice", PASSWORD, "A", control), AccountException.PHONE_INVALID},
        {new Registration(null, null, null, null), AccountException.USERNAME_INVALID},
    };
    for (Object[] c : cases) {
      Registration r = (Registration) c[0];
      assertCode(() -> accounts.register(r), (String) c[1]);
    }
    assertThat(db.count("users")).isZero();
    for (String[] login : new String[][] {{null, null}, {huge, huge}, {control, control},
        {"alice", null}, {null, PASSWORD}}) {
      assertCode(() -> accounts.login(login[0], login[1], false, null),
          AccountException.INVALID_CREDENTIALS);
    }
    assertThat(db.count("sessions")).isZero();
  }

  @Test
  void garbageProfileUpdatesChangeNothing() throws Exception {
    User alice = register("alice");
    String huge = "y".repeat(1_000_000);
    assertCode(() -> accounts.updateProfile(alice.id(), null, null, null),
        AccountException.DISPLAY_NAME_INVALID);
    assertCode(() -> accounts.updateProfile(alice.id(), "Alice\u0000", null, null),
        AccountException.DISPLAY_NAME_INVALID);
    assertCode(() -> accounts.updateProfile(alice.id(), "Alice", huge, null),
        AccountException.MOOD_INVALID);
    assertCode(() -> accounts.updateProfile(alice.id(), "Alice", "m".repeat(81), null),
        AccountException.MOOD_INVALID);
    assertCode(() -> accounts.updateProfile(alice.id(), "Alice", "ok", huge),
        AccountException.PHONE_INVALID);
    assertCode(() -> accounts.updateAvatar(alice.id(), "../../etc/passwd"),
        AccountException.AVATAR_INVALID);
    assertCode(() -> accounts.updateProfile(404, "Nobody", null, null),
        AccountException.USER_NOT_FOUND);
    assertCode(() -> accounts.updateAvatar(404, "a.png"), AccountException.USER_NOT_FOUND);
    assertThat(accounts.find(alice.id())).contains(alice);
  }

  @Test
  void unknownUserAndWrongPasswordAnswerAlike() throws Exception {
    register("alice");
    List<AccountException> answers = new ArrayList<>();
    List<Long> hashChecks = new ArrayList<>();
    for (String[] attempt : new String[][] {{"alice", "Wrong-Password-1"},
        {"nobody", "Wrong-Password-1"}, {"nobody", PASSWORD}, {"no such user!", PASSWORD},
        {"alice", null}}) {
      long before = hasher.verifications();
      answers.add(catchAccount(() -> accounts.login(attempt[0], attempt[1], false, HOME)));
      hashChecks.add(hasher.verifications() - before);
    }
    assertThat(answers).extracting(AccountException::code)
        .containsOnly(AccountException.INVALID_CREDENTIALS);
    assertThat(answers).extracting(Throwable::getMessage).containsOnly(answers.get(0).getMessage());
    assertThat(answers).extracting(AccountException::retryAfterSeconds).containsOnly(0L);
    assertThat(hashChecks).as("one Argon2 check each, real or dummy").containsOnly(1L);
  }

  @Test
  void eleventhFailedLoginInAMinuteIsRefused() throws Exception {
    register("alice");
    for (String user : new String[] {"alice", "nobody"}) {
      long elapsed = 0;
      for (int i = 0; i < 10; i++) {
        long wait = throttle.retryAfterSeconds("account:" + user);
        clock.advance(Duration.ofSeconds(wait));
        elapsed += wait;
        // a new address each time: only the account's limit is tested here
        ClientInfo from = new ClientInfo("203.0.113." + i, "bot");
        assertCode(() -> accounts.login(user, "Wrong-Password-1", false, from),
            AccountException.INVALID_CREDENTIALS);
      }
      assertThat(elapsed).isLessThan(60);
      long before = hasher.verifications();
      AccountException refused = catchAccount(() -> accounts.login(user, PASSWORD, false,
          new ClientInfo("203.0.113.99", "bot")));
      assertThat(refused.code()).isEqualTo(AccountException.TOO_MANY_ATTEMPTS);
      assertThat(refused.retryAfterSeconds()).isEqualTo(15 * 60);
      assertThat(hasher.verifications()).as("a refusal costs no hash").isEqualTo(before);
    }
    assertThat(db.count("sessions")).isZero();
  }

  @Test
  void backoffGrows() throws Exception {
    register("alice");
    for (int i = 0; i < 5; i++) {
      assertCode(() -> accounts.login("alice", "Wrong-Password-1", false, HOME),
          AccountException.INVALID_CREDENTIALS);
    }
    List<Long> waits = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      AccountException e = catchAccount(() -> accounts.login("alice", PASSWORD, false, HOME));
      assertThat(e.code()).isEqualTo(AccountException.TOO_MANY_ATTEMPTS);
      waits.add(e.retryAfterSeconds());
      clock.advance(Duration.ofSeconds(e.retryAfterSeconds()));
      assertCode(() -> accounts.login("alice", "Wrong-Password-1", false, HOME),
          AccountException.INVALID_CREDENTIALS);
    }
    assertThat(waits).containsExactly(1L, 2L, 4L, 8L);
  }

  @Test
  void lockExpires() throws Exception {
    User alice = register("alice");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(throttle.retryAfterSeconds("account:alice")));
      assertCode(() -> accounts.login("alice", "Wrong-Password-1", false, HOME),
          AccountException.INVALID_CREDENTIALS);
    }
    assertThat(catchAccount(() -> accounts.login("alice", PASSWORD, false, HOME))
        .retryAfterSeconds()).isEqualTo(900);
    clock.advance(Duration.ofMinutes(15).minusSeconds(1));
    assertThat(catchAccount(() -> accounts.login("alice", PASSWORD, false, HOME)).code())
        .isEqualTo(AccountException.TOO_MANY_ATTEMPTS);
    clock.advance(Duration.ofSeconds(1));
    assertThat(accounts.login("alice", PASSWORD, false, HOME).user()).isEqualTo(alice);
    assertThat(throttle.retryAfterSeconds("account:alice")).as("success resets").isZero();
  }

  @Test
  void oneAddressGuessingManyAccountsIsLimited() throws Exception {
    User alice = register("alice");
    for (int i = 0; i < 10; i++) {
      clock.advance(Duration.ofSeconds(throttle.retryAfterSeconds("address:198.51.100.20")));
      String user = "victim" + i;
      assertCode(() -> accounts.login(user, "Wrong-Password-1", false, OFFICE),
          AccountException.INVALID_CREDENTIALS);
    }
    AccountException refused = catchAccount(() -> accounts.login("alice", PASSWORD, false,
        OFFICE));
    assertThat(refused.code()).isEqualTo(AccountException.TOO_MANY_ATTEMPTS);
    assertThat(accounts.login("alice", PASSWORD, false, HOME).user()).isEqualTo(alice);
  }

  @Test
  void ipv6AddressesAreLimitedBySlash64() {
    assertThat(AccountService.addressBucket("2001:db8:1:2::5"))
        .isEqualTo(AccountService.addressBucket("2001:db8:1:2:ffff:ffff:ffff:1"))
        .isEqualTo("20010db800010002::/64")
        .isNotEqualTo(AccountService.addressBucket("2001:db8:1:3::5"));
    assertThat(AccountService.addressBucket("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(AccountService.addressBucket(null)).isEqualTo("(unknown)");
    assertThat(AccountService.addressBucket("not an address")).isEqualTo("not an address");
  }

  @Test
  void noPlaintextPasswordAnywhereInTheDatabaseOrLogs() throws Exception {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Logger kaihui = (Logger) LoggerFactory.getLogger("io.kaihui");
    Level level = kaihui.getLevel();
    ListAppender<ILoggingEvent> logs = new ListAppender<>();
    logs.start();
    root.addAppender(logs);
    kaihui.setLevel(Level.DEBUG);
    String wrong = "Wrong-But-Close-43";
    String next = "Another-Long-Secret-44";
    try {
      User alice = register("alice");
      accounts.login("alice", PASSWORD, false, HOME);
      catchAccount(() -> accounts.login("alice", wrong, false, HOME));
      LoginResult r = accounts.login("alice", PASSWORD, true, HOME);
      accounts.changePassword(alice.id(), PASSWORD, next, r.issued().session().id());
      accounts.login("alice", next, false, OFFICE);
    } finally {
      root.detachAppender(logs);
      kaihui.setLevel(level);
    }
    List<String> values = db.allValues();
    assertThat(values).anyMatch(v -> v.startsWith("users.password_hash=$argon2id$v=19$"));
    List<String> logLines = logs.list.stream()
        .map(e -> e.getFormattedMessage() + " " + e.getThrowableProxy()).toList();
    assertThat(logLines).anyMatch(l -> l.contains("failed sign-in"));
    for (String secret : new String[] {PASSWORD, wrong, next}) {
      for (String form : forms(secret)) {
        assertThat(values).as("database").noneMatch(v -> v.toLowerCase(Locale.ROOT)
            .contains(form.toLowerCase(Locale.ROOT)));
        assertThat(logLines).as("logs").noneMatch(l -> l.toLowerCase(Locale.ROOT)
            .contains(form.toLowerCase(Locale.ROOT)));
      }
    }
  }

  @Test
  void tokenIsStoredOnlyHashed() throws Exception {
    register("alice");
    LoginResult r = accounts.login("alice", PASSWORD, true, HOME);
    String token = r.issued().token();
    List<String> values = db.allValues();
    for (String form : forms(token)) {
      assertThat(values).noneMatch(v -> v.contains(form));
    }
    String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(token.getBytes(StandardCharsets.US_ASCII)));
    assertThat(values).contains("sessions.token_hash=" + sha);
    assertThat(r.toString()).doesNotContain(token);
  }

  @Test
  void aNewLoginEndsThePreviousSession() throws Exception {
    User alice = register("alice");
    LoginResult first = accounts.login("alice", PASSWORD, true, HOME);
    clock.advance(Duration.ofMinutes(1));
    LoginResult second = accounts.login("alice", PASSWORD, false, OFFICE);
    assertThat(second.issued().revoked()).extracting(Session::id)
        .containsExactly(first.issued().session().id());
    assertThat(second.issued().revoked().get(0).revocationReason())
        .isEqualTo(RevocationReason.SIGNED_IN_ELSEWHERE);
    assertThat(revocations).containsExactly(
        first.issued().session().id() + ":signed_in_elsewhere");
    assertThat(accounts.authenticate(first.issued().token())).isEmpty();
    assertThat(accounts.authenticate(second.issued().token()).orElseThrow().user())
        .isEqualTo(alice);
  }

  @Test
  void changingThePasswordEndsEveryOtherSession() throws Exception {
    accounts = accounts(new SessionSettings(false, Duration.ofDays(30), Duration.ofHours(12)),
        hasher);
    User alice = register("alice");
    LoginResult a = accounts.login("alice", PASSWORD, false, HOME);
    LoginResult b = accounts.login("alice", PASSWORD, false, OFFICE);
    LoginResult c = accounts.login("alice", PASSWORD, false, HOME);
    assertThat(b.issued().revoked()).isEmpty();

    String next = "A-Completely-New-Passphrase";
    assertCode(() -> accounts.changePassword(alice.id(), "Not-The-Password", next,
        a.issued().session().id()), AccountException.INVALID_CREDENTIALS);
    assertCode(() -> accounts.changePassword(alice.id(), PASSWORD, "football",
        a.issued().session().id()), AccountException.PASSWORD_TOO_COMMON);
    assertCode(() -> accounts.changePassword(alice.id(), PASSWORD, "ALICE",
        a.issued().session().id()), AccountException.PASSWORD_TOO_SHORT);
    assertCode(() -> accounts.changePassword(404, PASSWORD, next, null),
        AccountException.USER_NOT_FOUND);
    assertThat(accounts.authenticate(b.issued().token())).as("nothing changed yet").isPresent();

    clock.advance(Duration.ofMinutes(5));
    List<Session> ended = accounts.changePassword(alice.id(), PASSWORD, next,
        a.issued().session().id());
    assertThat(ended).extracting(Session::id)
        .containsExactlyInAnyOrder(b.issued().session().id(), c.issued().session().id());
    assertThat(revocations).containsExactlyInAnyOrder(
        b.issued().session().id() + ":password_changed",
        c.issued().session().id() + ":password_changed");
    assertThat(accounts.authenticate(a.issued().token())).isPresent();
    assertThat(accounts.authenticate(b.issued().token())).isEmpty();
    assertThat(accounts.find(alice.id()).orElseThrow().updatedAt()).isEqualTo(clock.instant());
    assertCode(() -> accounts.login("alice", PASSWORD, false, HOME),
        AccountException.INVALID_CREDENTIALS);
    assertThat(accounts.login("alice", next, false, HOME).user().id()).isEqualTo(alice.id());
  }

  @Test
  void profileUpdates() throws Exception {
    User alice = register("alice");
    clock.advance(Duration.ofHours(1));
    User updated = accounts.updateProfile(alice.id(), " 王小明 🎉👨‍👩‍👧 ",
        "今天开会 — meeting today ✨", "+86 138 0013 8000");
    assertThat(updated.displayName()).isEqualTo("王小明 🎉👨‍👩‍👧");
    assertThat(updated.moodLine()).isEqualTo("今天开会 — meeting today ✨");
    assertThat(updated.phone()).isEqualTo("+8613800138000");
    assertThat(updated.updatedAt()).isEqualTo(clock.instant());
    assertThat(updated.createdAt()).isEqualTo(alice.createdAt());
    assertThat(accounts.find(alice.id())).contains(updated);
    String mood80 = "心".repeat(80);
    assertThat(accounts.updateProfile(alice.id(), "Alice", mood80, null).moodLine())
        .isEqualTo(mood80);
    User cleared = accounts.updateProfile(alice.id(), "Alice", "  ", "");
    assertThat(cleared.moodLine()).isNull();
    assertThat(cleared.phone()).isNull();
    assertThat(accounts.updateAvatar(alice.id(), "3f2a9c.webp").avatarRef())
        .isEqualTo("3f2a9c.webp");
    assertThat(accounts.updateAvatar(alice.id(), null).avatarRef()).isNull();
  }

  @Test
  void sqlInjectionIsPlainData() throws Exception {
    assertCode(() -> register("alice' OR '1'='1"), AccountException.USERNAME_INVALID);
    assertCode(() -> register("x'; DROP TABLE users; --"), AccountException.USERNAME_INVALID);
    String sqlPassword = "'; DELETE FROM users; --";
    User bobby = accounts.register(new Registration("bobby", sqlPassword,
        "Robert'); DROP TABLE users;--", "+1 (555) 010-0199"));
    accounts.updateProfile(bobby.id(), "Robert'); DROP TABLE users;--", "' OR ''=' %_\\",
        null);
    for (String u : new String[] {"' OR 1=1 --", "bobby' --", "bobby\" OR \"\"=\"", "%", "_"}) {
      assertCode(() -> accounts.login(u, sqlPassword, false, new ClientInfo(u, u)),
          AccountException.INVALID_CREDENTIALS);
      assertThat(accounts.findByUsername(u)).isEmpty();
    }
    assertThat(accounts.login("bobby", sqlPassword, false, HOME).user().id())
        .isEqualTo(bobby.id());
    User stored = accounts.find(bobby.id()).orElseThrow();
    assertThat(stored.displayName()).isEqualTo("Robert'); DROP TABLE users;--");
    assertThat(stored.moodLine()).isEqualTo("' OR ''=' %_\\");
    assertThat(db.tables()).containsKeys("users", "sessions");
    assertThat(db.count("users")).isEqualTo(1);
  }

  @Test
  void oldHashesAreUpgradedAtLogin() throws Exception {
    PasswordHasher cheap = new PasswordHasher(new Argon2Settings(64, 1, 1), 1);
    accounts = accounts(SessionSettings.DEFAULTS, cheap);
    register("alice");
    assertThat(db.allValues()).anyMatch(v -> v.startsWith("users.password_hash=$argon2id$v=19$m=64,"));
    accounts = accounts(SessionSettings.DEFAULTS, new PasswordHasher(new Argon2Settings(128, 2, 1), 1));
    accounts.login("alice", PASSWORD, false, HOME);
    assertThat(db.allValues())
        .anyMatch(v -> v.startsWith("users.password_hash=$argon2id$v=19$m=128,t=2,p=1$"))
        .noneMatch(v -> v.startsWith("users.password_hash=$argon2id$v=19$m=64,"));
    assertThat(accounts.login("alice", PASSWORD, false, HOME).user().username())
        .isEqualTo("alice");
  }

  /** A secret as it might leak: as is, in hex and in base64 of its UTF-8 bytes. */
  private static List<String> forms(String secret) {
    byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
    return List.of(secret, HexFormat.of().formatHex(bytes),
        Base64.getEncoder().withoutPadding().encodeToString(bytes),
        Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  private interface Call {
    Object run() throws AccountException;
  }

  private static AccountException catchAccount(Call call) {
    try {
      call.run();
    } catch (AccountException e) {
      return e;
    }
    throw new AssertionError("expected an AccountException");
  }

  private static void assertCode(Call call, String code) {
    assertThatThrownBy(call::run).isInstanceOf(AccountException.class)
        .extracting(e -> ((AccountException) e).code()).isEqualTo(code);
  }
}
