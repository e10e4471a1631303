package io.kaihui.server.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

  private final CommonPasswords list = CommonPasswords.load();

  @Test
  void holdsTheShippedList() throws Exception {
    assertThat(list.size()).isEqualTo(11_611);
    List<String> lines;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        CommonPasswords.class.getResourceAsStream("common-passwords.txt"),
        StandardCharsets.UTF_8))) {
      lines = r.lines().toList();
    }
    assertThat(lines).hasSize(11_611).allMatch(p -> p.codePointCount(0, p.length()) >= 8);
    assertThat(lines.subList(0, 3)).containsExactly("password", "12345678", "123456789");
  }

  @Test
  void knowsTheUsualSuspectsInAnyCase() {
    for (String p : new String[] {"password", "PASSWORD", "Password", "12345678", "iloveyou",
        "qwertyuiop", "1qaz2wsx", "trustno1", "sunshine", "football"}) {
      assertThat(list.contains(p)).as(p).isTrue();
    }
  }

  @Test
  void letsGoodPasswordsThrough() {
    assertThat(list.contains("correct horse battery staple")).isFalse();
    assertThat(list.contains("kaihui-会议-2026!")).isFalse();
    assertThat(list.contains(null)).isFalse();
    assertThat(list.contains("")).isFalse();
  }

  @Test
  void ownListIgnoresCase() {
    CommonPasswords own = CommonPasswords.of(Set.of("Hunter2Hunter2"));
    assertThat(own.contains("hunter2hunter2")).isTrue();
    assertThat(own.size()).isEqualTo(1);
  }
}
