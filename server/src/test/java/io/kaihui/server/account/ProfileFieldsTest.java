package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProfileFieldsTest {

  private final CommonPasswords common = CommonPasswords.of(Set.of("password123"));

  @Test
  void usernames() throws Exception {
    for (String ok : new String[] {"abc", "Alice_01", "_", "x".repeat(32)}) {
      if (ok.length() >= 3) {
        assertThat(ProfileFields.username(ok)).isEqualTo(ok);
      }
    }
    for (String bad : new String[] {null, "", "ab", "x".repeat(33), "alice bob", "alice-bob",
        "ålice", "alice\u0000", "' OR 1=1 --", "ａｌｉｃｅ", "alice\n", "x".repeat(1_000_000)}) {
      assertCode(() -> ProfileFields.username(bad), AccountException.USERNAME_INVALID);
    }
    assertThat(ProfileFields.usernameKey("AlIcE_9")).isEqualTo("alice_9");
  }

  @Test
  void displayNames() throws Exception {
    assertThat(ProfileFields.displayName("  王小明  ")).isEqualTo("王小明");
    assertThat(ProfileFields.displayName("Zoe\u0308")).as("NFC").isEqualTo("Zoë");
    assertThat(ProfileFields.displayName("👨‍👩‍👧 family")).isEqualTo("👨‍👩‍👧 family");
    assertThat(ProfileFields.displayName("Robert'); DROP TABLE users;--"))
        .isEqualTo("Robert'); DROP TABLE users;--");
    String emoji64 = "😀".repeat(64);
    assertThat(ProfileFields.displayName(emoji64)).isEqualTo(emoji64);
    for (String bad : new String[] {null, "", "   ", "😀".repeat(65), "a".repeat(65),
        "Bob\u0000", "Bob\nSmith", "Bob\u2028Smith", "evil\u202Eexe.txt", "\u2066x\u2069",
        "\u200B\u200B", "\uD800bad", "x".repeat(1_000_000), "\u0007bell"}) {
      assertCode(() -> ProfileFields.displayName(bad), AccountException.DISPLAY_NAME_INVALID,
          bad);
    }
  }

  @Test
  void moodLines() throws Exception {
    assertThat(ProfileFields.moodLine(null)).isNull();
    assertThat(ProfileFields.moodLine("   ")).isNull();
    assertThat(ProfileFields.moodLine(" 今天开会 ")).isEqualTo("今天开会");
    assertThat(ProfileFields.moodLine("m".repeat(80))).hasSize(80);
    for (String bad : new String[] {"m".repeat(81), "tab\there", "\u202Ereversed",
        "x".repeat(1_000_000)}) {
      assertCode(() -> ProfileFields.moodLine(bad), AccountException.MOOD_INVALID);
    }
  }

  @Test
  void phones() throws Exception {
    assertThat(ProfileFields.phone(null)).isNull();
    assertThat(ProfileFields.phone(" ")).isNull();
    assertThat(ProfileFields.phone("+86 138-1234-5678")).isEqualTo("+8613812345678");
    assertThat(ProfileFields.phone("(555) 123.4567")).isEqualTo("5551234567");
    assertThat(ProfileFields.phone("+1 202 555 0143")).isEqualTo("+12025550143");
    assertThat(ProfileFields.phone("123456")).isEqualTo("123456");
    for (String bad : new String[] {"12345", "+0123456789", "1234567890123456", "+86 abc",
        "++8613812345678", "86+13812345678", "1".repeat(40), "138\u00001234567",
        "'; DROP TABLE users; --", "１２３４５６７"}) {
      assertCode(() -> ProfileFields.phone(bad), AccountException.PHONE_INVALID);
    }
  }

  @Test
  void avatarRefs() throws Exception {
    assertThat(ProfileFields.avatarRef(null)).isNull();
    assertThat(ProfileFields.avatarRef("ab12.png")).isEqualTo("ab12.png");
    for (String bad : new String[] {"", "../etc/passwd", "a b", "x".repeat(129), "é"}) {
      assertCode(() -> ProfileFields.avatarRef(bad), AccountException.AVATAR_INVALID);
    }
  }

  @Test
  void passwords() throws Exception {
    ProfileFields.password("correct horse battery staple", "alice", common);
    ProfileFields.password("密码很长的一句话", "alice", common);
    assertCode(() -> ProfileFields.password(null, "alice", common),
        AccountException.PASSWORD_TOO_SHORT);
    assertCode(() -> ProfileFields.password("short", "alice", common),
        AccountException.PASSWORD_TOO_SHORT);
    assertCode(() -> ProfileFields.password("😀😀😀😀😀😀😀", "alice", common),
        AccountException.PASSWORD_TOO_SHORT);
    assertCode(() -> ProfileFields.password("x".repeat(1025), "alice", common),
        AccountException.PASSWORD_TOO_LONG);
    assertCode(() -> ProfileFields.password("Alice_2026", "alice_2026", common),
        AccountException.PASSWORD_EQUALS_USERNAME);
    assertCode(() -> ProfileFields.password("PASSWORD123", "alice", common),
        AccountException.PASSWORD_TOO_COMMON);
  }

  @Test
  void randomInputOnlyEverGivesTheFieldsCode() {
    Random random = new Random(99);
    for (int i = 0; i < 5_000; i++) {
      char[] c = new char[random.nextInt(i % 10 == 0 ? 400 : 40)];
      for (int j = 0; j < c.length; j++) {
        c[j] = (char) (random.nextBoolean() ? random.nextInt(128) : random.nextInt(0x10000));
      }
      String s = new String(c);
      check(() -> ProfileFields.username(s), AccountException.USERNAME_INVALID);
      check(() -> ProfileFields.displayName(s), AccountException.DISPLAY_NAME_INVALID);
      check(() -> ProfileFields.moodLine(s), AccountException.MOOD_INVALID);
      check(() -> ProfileFields.phone(s), AccountException.PHONE_INVALID);
      check(() -> ProfileFields.avatarRef(s), AccountException.AVATAR_INVALID);
    }
  }

  private interface Field {
    String parse() throws AccountException;
  }

  private static void check(Field field, String code) {
    try {
      String v = field.parse();
      if (v != null) {
        assertThat(v.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
            || Character.getType(cp) == Character.SURROGATE)).isTrue();
        assertThat(v.codePointCount(0, v.length())).isBetween(1, 128);
      }
    } catch (AccountException e) {
      assertThat(e.code()).isEqualTo(code);
    }
  }

  private interface Check {
    void run() throws AccountException;
  }

  private static void assertCode(Check check, String code) {
    assertCode(check, code, "");
  }

  private static void assertCode(Check check, String code, String input) {
    String shown = input == null ? "null" : input.length() > 40 ? input.substring(0, 40) : input;
    assertThatThrownBy(check::run).as("input %s", shown).isInstanceOf(AccountException.class)
        .extracting(e -> ((AccountException) e).code()).isEqualTo(code);
  }
}
