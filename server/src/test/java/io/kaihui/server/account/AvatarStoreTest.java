package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.server.session.SessionService;
import io.kaihui.server.session.SessionSettings;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.MutableClock;
import io.kaihui.server.testing.TestDatabase;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Avatar files beside an H2 database (the SQL involved is tested on all three elsewhere). */
class AvatarStoreTest {

  @TempDir
  Path dataDir;

  private TestDatabase db;
  private AccountService accounts;
  private AvatarStore store;
  private long userId;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.create(DatabaseVendor.H2);
    MutableClock clock = new MutableClock();
    SessionService sessions = new SessionService(db.open().jdbi(), clock,
        SessionSettings.DEFAULTS);
    accounts = new AccountService(db.open(), sessions, new PasswordHasher(),
        CommonPasswords.of(java.util.Set.of()), new LoginThrottle(clock, ThrottlePolicy.DEFAULTS),
        clock);
    store = new AvatarStore(dataDir.resolve("avatars"), accounts, new AvatarImage(1));
    userId = accounts.register(new Registration("alice", "Plum-Orchard-7", "Alice", null)).id();
  }

  @AfterEach
  void close() {
    db.close();
  }

  private List<Path> files() throws Exception {
    if (!Files.isDirectory(store.directory())) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(store.directory())) {
      return s.toList();
    }
  }

  private static byte[] png(int w, int h) throws Exception {
    return AvatarImageTest.encode(
        AvatarImageTest.thirds(w, h, BufferedImage.TYPE_INT_RGB), "png");
  }

  @Test
  void replaceStoresOneFileAndDeletesThePreviousOne() throws Exception {
    User first = store.replace(userId, png(300, 200), "image/png");
    assertThat(first.avatarRef()).matches(userId + "-[0-9a-f]{16}\\.png");
    Path file = store.file(first.avatarRef()).orElseThrow();
    assertThat(files()).containsExactly(file);
    BufferedImage stored = ImageIO.read(new ByteArrayInputStream(Files.readAllBytes(file)));
    assertThat(stored.getWidth()).isEqualTo(256);
    assertThat(stored.getHeight()).isEqualTo(256);
    assertThat(accounts.find(userId).orElseThrow().avatarRef()).isEqualTo(first.avatarRef());

    User second = store.replace(userId, png(50, 80), "image/png");
    assertThat(second.avatarRef()).isNotEqualTo(first.avatarRef());
    assertThat(files()).containsExactly(store.file(second.avatarRef()).orElseThrow());
    assertThat(store.file(first.avatarRef())).isEmpty();
    assertThat(AvatarStore.version(second.avatarRef()))
        .isEqualTo(second.avatarRef().substring(second.avatarRef().indexOf('-') + 1, 
            second.avatarRef().length() - 4));

    User none = store.remove(userId);
    assertThat(none.avatarRef()).isNull();
    assertThat(files()).isEmpty();
  }

  @Test
  void refusalsStoreNothing() throws Exception {
    User before = store.replace(userId, png(64, 64), "image/png");
    assertThatThrownBy(() -> store.replace(userId, "not an image".getBytes(), "image/png"))
        .isInstanceOf(AccountException.class)
        .extracting(e -> ((AccountException) e).code()).isEqualTo("avatar_invalid");
    assertThatThrownBy(() -> store.replace(404, png(64, 64), "image/png"))
        .isInstanceOf(AccountException.class)
        .extracting(e -> ((AccountException) e).code()).isEqualTo("user_not_found");
    assertThat(files()).containsExactly(store.file(before.avatarRef()).orElseThrow());
    assertThat(accounts.find(userId).orElseThrow().avatarRef()).isEqualTo(before.avatarRef());
  }

  @Test
  void onlyReferencesOfThisStoreNameFiles() throws Exception {
    Files.createDirectories(store.directory());
    Files.writeString(dataDir.resolve("secret.png"), "x");
    for (String ref : new String[] {null, "", "../secret.png", "1-0123456789abcdef.png/..",
        "/etc/passwd", "1-0123456789ABCDEF.png", "1-0123456789abcdef.jpg", "x-0123456789abcdef.png",
        "1-0123456789abcdef.png\u0000"}) {
      assertThat(store.file(ref)).as("%s", ref).isEmpty();
    }
    assertThat(store.file("1-0123456789abcdef.png")).isEmpty(); // well-formed but absent
    assertThat(AvatarStore.version("legacy")).isEqualTo("legacy");
  }
}
