package io.kaihui.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

  private static TrustedProxies trusting(String... addresses) throws Exception {
    Set<InetAddress> set = new java.util.HashSet<>();
    for (String a : addresses) {
      set.add(InetAddress.getByName(a));
    }
    return new TrustedProxies(set);
  }

  @Test
  void byDefaultTheTcpPeerIsTheClient() {
    TrustedProxies none = TrustedProxies.NONE;
    assertThat(none.clientAddress("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
    assertThat(none.scheme("203.0.113.9", "http", "https")).isEqualTo("http");
  }

  @Test
  void aTrustedProxyNamesTheClient() throws Exception {
    TrustedProxies p = trusting("10.0.0.2", "10.0.0.3", "::1");
    assertThat(p.clientAddress("10.0.0.2", List.of("198.51.100.7"))).isEqualTo("198.51.100.7");
    // Spoofed entries to the left of the first untrusted hop are ignored.
    assertThat(p.clientAddress("10.0.0.2", List.of("1.2.3.4, 198.51.100.7")))
        .isEqualTo("198.51.100.7");
    // A chain of trusted proxies, in several headers.
    assertThat(p.clientAddress("10.0.0.2", List.of("1.2.3.4, 198.51.100.7", "10.0.0.3")))
        .isEqualTo("198.51.100.7");
    assertThat(p.clientAddress("0:0:0:0:0:0:0:1", List.of("[2001:db8::5]:4711")))
        .isEqualTo("2001:db8:0:0:0:0:0:5");
    assertThat(p.clientAddress("10.0.0.2", List.of("198.51.100.7:5000")))
        .isEqualTo("198.51.100.7");
    // Without the header, or with garbage, the last vouched-for hop stays.
    assertThat(p.clientAddress("10.0.0.2", List.of())).isEqualTo("10.0.0.2");
    assertThat(p.clientAddress("10.0.0.2", List.of("unknown"))).isEqualTo("10.0.0.2");
    assertThat(p.clientAddress("10.0.0.2", List.of("198.51.100.7, evil.example")))
        .isEqualTo("10.0.0.2");
    // An untrusted peer cannot choose its address.
    assertThat(p.clientAddress("203.0.113.9", List.of("198.51.100.7"))).isEqualTo("203.0.113.9");

    assertThat(p.scheme("10.0.0.2", "http", "https")).isEqualTo("https");
    assertThat(p.scheme("10.0.0.2", "http", "HTTPS, http")).isEqualTo("https");
    assertThat(p.scheme("10.0.0.2", "https", "gopher")).isEqualTo("https");
    assertThat(p.scheme("10.0.0.2", "http", null)).isEqualTo("http");
    assertThat(p.scheme("203.0.113.9", "http", "https")).isEqualTo("http");
  }

  @Test
  void literalsOnlyNeverHostNames() {
    assertThat(TrustedProxies.literal("192.0.2.1")).isNotNull();
    assertThat(TrustedProxies.literal("[::1]")).isNotNull();
    assertThat(TrustedProxies.literal("::ffff:192.0.2.1")).isNotNull();
    for (String bad : new String[] {null, "", "localhost", "example.org", "1.2.3", "1.2.3.4.5",
        "999.1.1.1", "[::1", "::g", "1.2.3.4:x", "0x7f.1.1.1"}) {
      assertThat(TrustedProxies.literal(bad)).as("%s", bad).isNull();
    }
  }

  @Test
  void garbageHeadersNeverThrow() throws Exception {
    TrustedProxies p = trusting("10.0.0.2");
    Random random = new Random(3);
    String alphabet = "0123456789abcdef.:[], \u0000xyz";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      for (int n = random.nextInt(40); n > 0; n--) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String client = p.clientAddress("10.0.0.2", List.of(sb.toString()));
      assertThat(client).isNotNull();
      assertThat(TrustedProxies.literal(client)).isNotNull();
      assertThat(p.scheme("10.0.0.2", "http", sb.toString())).isIn("http", "https");
    }
  }
}
