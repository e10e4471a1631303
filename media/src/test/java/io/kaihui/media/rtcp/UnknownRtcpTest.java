package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UnknownRtcpTest {

  @Test
  void comparesBodiesByContent() {
    UnknownRtcp a = new UnknownRtcp(207, 0, new byte[] {1, 2, 3, 4});
    UnknownRtcp b = new UnknownRtcp(207, 0, new byte[] {1, 2, 3, 4});
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(new UnknownRtcp(207, 0, new byte[] {1, 2, 3, 5}));
    assertThat(a).isNotEqualTo(new UnknownRtcp(207, 1, new byte[] {1, 2, 3, 4}));
    assertThat(a.toString()).contains("packetType=207").contains("01020304");
  }

  @Test
  void copiesTheBodyInAndOut() {
    byte[] body = {1, 2, 3, 4};
    UnknownRtcp packet = new UnknownRtcp(204, 0, body);
    body[0] = 9;
    packet.body()[1] = 9;
    assertThat(packet.body()).containsExactly(1, 2, 3, 4);
    assertThat(packet.size()).isEqualTo(8);
  }

  @Test
  void rejectsWhatTheWireCannotCarry() {
    assertThatThrownBy(() -> new UnknownRtcp(204, 0, new byte[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 4");
    assertThatThrownBy(() -> new UnknownRtcp(256, 0, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnknownRtcp(204, 32, new byte[0]))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnknownRtcp(204, 0, new byte[65536 * 4]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at most");
  }
}
