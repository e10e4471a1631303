package io.kaihui.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** {@link UdpStats} reads the kernel's UDP buffer drops, and refuses what is not /proc/net/snmp. */
class UdpStatsTest {

  private static final String SNMP = """
      Ip: Forwarding DefaultTTL
      Ip: 2 64
      Udp: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors
      Udp: 31262 2 7 31271 5 3 0
      UdpLite: InDatagrams NoPorts InErrors OutDatagrams RcvbufErrors SndbufErrors InCsumErrors
      UdpLite: 0 0 0 0 11 12 0
      """;

  @Test
  void readsTheUdpLineNotUdpLite() {
    UdpStats s = UdpStats.parse(SNMP);
    assertThat(s).isEqualTo(new UdpStats(5, 3));
    assertThat(s.dropsSince(new UdpStats(1, 1))).isEqualTo(6);
  }

  @Test
  void sumsTheDropsOfTheGivenSockets() {
    String table = """
           sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  \
        timeout inode ref pointer drops
          123: 0100007F:2710 00000000:0000 07 00000000:00000000 00:00000000 00000000     0  \
              0 45678 2 0000000000000000 17
          124: 0200007F:2711 00000000:0000 07 00000000:00000000 00:00000000 00000000     0  \
              0 45679 2 0000000000000000 4
          125: 0300007F:2712 00000000:0000 07 00000000:00000000 00:00000000 00000000     0  \
              0 45680 2 0000000000000000 100
        """;
    assertThat(UdpStats.socketDrops(table, java.util.Set.of("45678", "45679"))).isEqualTo(21);
    assertThat(UdpStats.socketDrops(table, java.util.Set.of())).isZero();
    assertThatThrownBy(() -> UdpStats.socketDrops("header\n  1: short line\n",
        java.util.Set.of("1"))).hasMessageContaining("not a /proc/net/udp line");
  }

  @Test
  void readsThisProcesssSockets() throws Exception {
    try (java.net.DatagramSocket socket = new java.net.DatagramSocket()) {
      assertThat(UdpStats.socketDrops(ProcessHandle.current().pid())).isNotNegative();
    }
  }

  @Test
  void readsThisMachinesCounters() {
    assertThat(UdpStats.now().receiveBufferErrors()).isNotNegative();
  }

  @Test
  void garbageIsRefusedWithAReason() {
    assertThatThrownBy(() -> UdpStats.parse("")).hasMessageContaining("no Udp:");
    assertThatThrownBy(() -> UdpStats.parse("Udp: InDatagrams\nUdp: 1 2\n"))
        .hasMessageContaining("differ in length");
    assertThatThrownBy(() -> UdpStats.parse("Udp: InDatagrams\nUdp: 1\n"))
        .hasMessageContaining("no RcvbufErrors");
    assertThatThrownBy(() -> UdpStats.parse("Udp: RcvbufErrors SndbufErrors\nUdp: x 1\n"))
        .hasMessageContaining("not a number");
  }
}
