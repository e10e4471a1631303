package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CandidateTest {

  private static final String CHROMIUM_UDP =
      "3560222864 1 udp 2122260223 127.0.0.1 35445 typ host generation 0 network-id 1 network-cost"
          + " 50";
  private static final String CHROMIUM_TCP =
      "2868597256 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active generation 0 network-id 1"
          + " network-cost 50";

  /** RFC 8839 §5.1 shape of a server-reflexive candidate (addresses from RFC 5737). */
  private static final String SRFLX =
      "842163049 1 udp 1677729535 203.0.113.7 61665 typ srflx raddr 192.0.2.10 rport 54321"
          + " generation 0";

  private static final String MDNS =
      "1 1 udp 2122262783 4b6e1b4e-7f7a-4c6e-9b5e-2f0d4c0a8e11.local 52313 typ host";
  private static final String IPV6 = "2 1 UDP 2122187007 2001:db8::1 40000 typ host";

  @Test
  void parsesChromiumHostCandidates() throws SdpParseException {
    Candidate udp = Candidate.parse(CHROMIUM_UDP);

    assertThat(udp)
        .isEqualTo(
            new Candidate(
                "3560222864",
                1,
                "udp",
                2122260223L,
                "127.0.0.1",
                35445,
                "host",
                Map.of("generation", "0", "network-id", "1", "network-cost", "50")));
    assertThat(udp.extensions().keySet())
        .containsExactly("generation", "network-id", "network-cost");
    assertThat(udp.tcpType()).isNull();
    assertThat(Candidate.parse(CHROMIUM_TCP).tcpType()).isEqualTo("active");
    assertThat(Candidate.parse(CHROMIUM_TCP).port()).isEqualTo(9);
  }

  @Test
  void parsesRelatedAddressMdnsAndIpv6() throws SdpParseException {
    Candidate srflx = Candidate.parse(SRFLX);
    assertThat(srflx.type()).isEqualTo("srflx");
    assertThat(srflx.relatedAddress()).isEqualTo("192.0.2.10");
    assertThat(srflx.relatedPort()).isEqualTo(54321);
    assertThat(Candidate.parse(CHROMIUM_UDP).relatedPort()).isNull();

    assertThat(Candidate.parse(MDNS).address()).endsWith(".local");
    Candidate v6 = Candidate.parse(IPV6);
    assertThat(v6.address()).isEqualTo("2001:db8::1");
    assertThat(v6.transport()).isEqualTo("UDP");
  }

  @Test
  void acceptsTheTrickleFormAndWritesIt() throws SdpParseException {
    Candidate c = Candidate.parse("candidate:" + SRFLX);

    assertThat(c).isEqualTo(Candidate.parse(SRFLX));
    assertThat(c.toString()).isEqualTo("candidate:" + SRFLX);
    assertThat(c.toAttributeValue()).isEqualTo(SRFLX);
    for (String s : List.of(CHROMIUM_UDP, CHROMIUM_TCP, MDNS, IPV6)) {
      assertThat(Candidate.parse(s).toAttributeValue()).isEqualTo(s);
    }
  }

  @Test
  void hostFactoryWritesAServerCandidate() {
    Candidate c = Candidate.host("1", "udp", 2130706431L, "127.0.0.1", 10000);

    assertThat(c.toString()).isEqualTo("candidate:1 1 udp 2130706431 127.0.0.1 10000 typ host");
    assertThat(c.extensions()).isEmpty();
  }

  @Test
  void rejectsMalformedCandidates() {
    for (String bad :
        List.of(
            "",
            "1 1 udp 1 1.2.3.4 5",
            "1 1 udp 1 1.2.3.4 5 type host",
            "1 1 udp 1 1.2.3.4 5 typ",
            "1 1 udp 1 1.2.3.4 5 typ host generation",
            "1 0 udp 1 1.2.3.4 5 typ host",
            "1 257 udp 1 1.2.3.4 5 typ host",
            "1 1 udp 4294967296 1.2.3.4 5 typ host",
            "1 1 udp 1 1.2.3.4 65536 typ host",
            "1 1 udp -1 1.2.3.4 5 typ host",
            "1 1 udp 1 1.2.3.4 5 typ host raddr 1.2.3.4 rport x",
            "1_ 1 udp 1 1.2.3.4 5 typ host",
            "123456789012345678901234567890123 1 udp 1 1.2.3.4 5 typ host",
            "1 1 udp 1  1.2.3.4 5 typ host",
            "1 1 u:dp 1 1.2.3.4 5 typ host",
            "1 1 udp 1 1.2.3.4 5 typ host ")) {
      Garbage.rejected(Candidate::parse, bad);
    }
    Garbage.rejected(Candidate::parse, null);
  }

  @Test
  void constructorRejectsOutOfRangeParts() {
    assertThatThrownBy(() -> Candidate.host("1", "udp", 1, "1.2.3.4", 70000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new Candidate("1", 1, "udp", 1, "1.2.3.4", 5, "host", Map.of("a b", "c")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fuzzedCandidatesParseOrAreRejected() {
    int rejected =
        Garbage.fuzz(
            Candidate::parse,
            Candidate::toString,
            8839,
            List.of(CHROMIUM_UDP, CHROMIUM_TCP, SRFLX, MDNS, "candidate:" + IPV6));
    assertThat(rejected).isGreaterThan(1000);
  }
}
