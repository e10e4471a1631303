package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConnectionTest {

  @Test
  void parsesAndPicksAddressTypes() throws SdpParseException {
    assertThat(Connection.parse("IN IP4 127.0.0.1")).isEqualTo(Connection.of("127.0.0.1"));
    assertThat(Connection.of("2001:db8::1").addrType()).isEqualTo("IP6");
    assertThat(Connection.parse("IN IP4 224.2.36.42/127").address()).isEqualTo("224.2.36.42/127");
    assertThat(Connection.of("0.0.0.0").toString()).isEqualTo("IN IP4 0.0.0.0");
  }

  @Test
  void rejectsMalformedLines() {
    for (String bad :
        List.of("", "IN IP4", "IN IP4 1.2.3.4 x", "IN  IP4 1.2.3.4", "I:N IP4 1.2.3.4")) {
      Garbage.rejected(Connection::parse, bad);
    }
  }

  @Test
  void fuzzedLinesParseOrAreRejected() {
    assertThat(
            Garbage.fuzz(Connection::parse, Connection::toString, 57, List.of("IN IP4 127.0.0.1")))
        .isPositive();
  }
}
