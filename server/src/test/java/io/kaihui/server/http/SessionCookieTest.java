package io.kaihui.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SessionCookieTest {

  private static final String TOKEN = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde";

  @Test
  void issuedCookies() {
    assertThat(SessionCookie.issue(TOKEN, Duration.ofDays(30), true)).isEqualTo(
        "kaihui_session=" + TOKEN + "; Max-Age=2592000; Path=/; HttpOnly; SameSite=Lax; Secure");
    assertThat(SessionCookie.issue(TOKEN, null, false)).isEqualTo(
        "kaihui_session=" + TOKEN + "; Path=/; HttpOnly; SameSite=Lax");
    assertThat(SessionCookie.clear(true)).isEqualTo(
        "kaihui_session=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax; Secure");
  }

  @Test
  void tokensThatWouldBreakTheHeaderAreRefused() {
    for (String bad : new String[] {null, "", "a;b", "a b", "a=b", "a\r\nSet-Cookie: x=y",
        "\"quoted\"", "ü"}) {
      assertThatThrownBy(() -> SessionCookie.issue(bad, null, true)).as("%s", bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void secureOverHttpsAndOnLoopback() {
    assertThat(SessionCookie.secureFor("https", "meet.example.org")).isTrue();
    assertThat(SessionCookie.secureFor("HTTPS", null)).isTrue();
    assertThat(SessionCookie.secureFor("http", "meet.example.org")).isFalse();
    assertThat(SessionCookie.secureFor("http", "192.168.1.5:8080")).isFalse();
    for (String loopback : new String[] {"localhost", "localhost:8080", "LOCALHOST",
        "app.localhost:5173", "127.0.0.1", "127.0.0.1:8080", "127.1.2.3", "[::1]", "[::1]:8080",
        "localhost."}) {
      assertThat(SessionCookie.secureFor("http", loopback)).as(loopback).isTrue();
    }
    for (String other : new String[] {"", "127.evil.example", "127.0.0.1.evil.example",
        "1270.0.0.1", "127.0.0.256", "[::2]", "[::1", "localhost.example", "notlocalhost",
        "128.0.0.1"}) {
      assertThat(SessionCookie.isLoopbackHost(other)).as(other).isFalse();
    }
    assertThat(SessionCookie.isLoopbackHost(null)).isFalse();
  }
}
