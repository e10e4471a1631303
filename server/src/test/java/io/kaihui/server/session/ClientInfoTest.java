package io.kaihui.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class ClientInfoTest {

  @Test
  void keepsOrdinaryValues() {
    ClientInfo c = new ClientInfo("2001:db8::1", "Mozilla/5.0 (Windows NT 10.0) Chrome/156");
    assertThat(c.address()).isEqualTo("2001:db8::1");
    assertThat(c.userAgent()).isEqualTo("Mozilla/5.0 (Windows NT 10.0) Chrome/156");
  }

  @Test
  void dropsControlCharactersAndCutsToSize() {
    ClientInfo c = new ClientInfo("\t192.0.2.1\r\n", "a\u0000b\u001bc\u2028d" + "😀".repeat(200));
    assertThat(c.address()).isEqualTo("192.0.2.1");
    assertThat(c.userAgent()).startsWith("abcd😀").hasSizeLessThanOrEqualTo(256);
    assertThat(Character.isHighSurrogate(c.userAgent().charAt(c.userAgent().length() - 1)))
        .as("never cuts a surrogate pair").isFalse();
  }

  @Test
  void emptyBecomesNull() {
    assertThat(new ClientInfo(null, null)).isEqualTo(ClientInfo.UNKNOWN);
    assertThat(new ClientInfo("  ", "\u0000\u0001").userAgent()).isNull();
    assertThat(new ClientInfo("  ", "").address()).isNull();
  }

  @Test
  void randomInputIsAlwaysCleanAndBounded() {
    Random random = new Random(11);
    for (int i = 0; i < 5_000; i++) {
      char[] chars = new char[random.nextInt(600)];
      for (int j = 0; j < chars.length; j++) {
        chars[j] = (char) random.nextInt(0x10000);
      }
      String s = new String(chars);
      ClientInfo c = new ClientInfo(s, s);
      for (String v : new String[] {c.address(), c.userAgent()}) {
        if (v != null) {
          assertThat(v.codePoints().noneMatch(cp -> Character.getType(cp) == Character.CONTROL
              || Character.getType(cp) == Character.SURROGATE)).isTrue();
        }
      }
      assertThat(c.address() == null ? 0 : c.address().length()).isLessThanOrEqualTo(64);
      assertThat(c.userAgent() == null ? 0 : c.userAgent().length()).isLessThanOrEqualTo(256);
    }
  }
}
