package io.kaihui.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CsrfGuardTest {

  private static void refused(String method, String header, String origin, String scheme,
      String host) {
    assertThatThrownBy(() -> CsrfGuard.check(method, header, origin, scheme, host))
        .as("%s %s %s %s %s", method, header, origin, scheme, host)
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.code()).isEqualTo("csrf_rejected");
        });
  }

  @Test
  void safeMethodsPass() {
    for (String m : new String[] {"GET", "HEAD", "OPTIONS", "get"}) {
      assertThat(CsrfGuard.isStateChanging(m)).isFalse();
      CsrfGuard.check(m, null, "http://evil.example", "http", "meet.example.org");
    }
    for (String m : new String[] {"POST", "PUT", "PATCH", "DELETE", "QUERY", "PROPFIND", "",
        null}) {
      assertThat(CsrfGuard.isStateChanging(m)).as("%s", m).isTrue();
    }
  }

  @Test
  void stateChangingRequestsNeedTheHeader() {
    CsrfGuard.check("POST", "1", null, "https", "meet.example.org");
    CsrfGuard.check("DELETE", " 1 ", null, "https", "meet.example.org");
    refused("POST", null, null, "https", "meet.example.org");
    refused("PUT", "0", null, "https", "meet.example.org");
    refused("PATCH", "true", null, "https", "meet.example.org");
    refused("DELETE", "", null, "https", "meet.example.org");
  }

  @Test
  void andTheirOwnOrigin() {
    CsrfGuard.check("POST", "1", "https://meet.example.org", "https", "meet.example.org");
    CsrfGuard.check("POST", "1", "https://MEET.example.org:443", "https", "meet.example.org");
    CsrfGuard.check("POST", "1", "https://meet.example.org", "https", "meet.example.org:443");
    CsrfGuard.check("POST", "1", "http://127.0.0.1:8080", "http", "127.0.0.1:8080");
    CsrfGuard.check("POST", "1", "https://[::1]:8443", "https", "[::1]:8443");
    refused("POST", "1", "https://evil.example", "https", "meet.example.org");
    refused("POST", "1", "http://meet.example.org", "https", "meet.example.org");
    refused("POST", "1", "https://meet.example.org:8443", "https", "meet.example.org");
    refused("POST", "1", "https://meet.example.org.evil.example", "https", "meet.example.org");
    refused("POST", "1", "null", "https", "meet.example.org");
    refused("POST", "1", "", "https", "meet.example.org");
    refused("POST", "1", "https://meet.example.org/path", "https", "meet.example.org");
    refused("POST", "1", "https://user@meet.example.org", "https", "meet.example.org");
    refused("POST", "1", "https://meet.example.org", "https", null);
    refused("POST", "1", "https://meet.example.org", "https", "meet.example.org/x");
  }

  @Test
  void garbageOriginsAndHostsNeverMatchNorThrow() {
    Random random = new Random(11);
    String alphabet = "htps:/[]@.:%?#0123456789abcdef \u0000\u00e9\u4f1a";
    for (int i = 0; i < 5000; i++) {
      String origin = random(random, alphabet);
      String host = random(random, alphabet);
      boolean same = CsrfGuard.sameOrigin(origin, "https", host);
      if (same) {
        assertThat(origin.toLowerCase()).contains(host.toLowerCase().replaceAll(":443$", ""));
      }
    }
    assertThat(CsrfGuard.sameOrigin(null, "https", "a")).isFalse();
    assertThat(CsrfGuard.sameOrigin("https://a", null, "a")).isFalse();
  }

  private static String random(Random random, String alphabet) {
    StringBuilder sb = new StringBuilder();
    if (random.nextBoolean()) {
      sb.append("https://");
    }
    for (int n = random.nextInt(24); n > 0; n--) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }
}
