package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DirectionTest {

  @Test
  void reverseSwapsSendAndReceive() {
    assertThat(Direction.SENDONLY.reverse()).isEqualTo(Direction.RECVONLY);
    assertThat(Direction.RECVONLY.reverse()).isEqualTo(Direction.SENDONLY);
    assertThat(Direction.SENDRECV.reverse()).isEqualTo(Direction.SENDRECV);
    assertThat(Direction.INACTIVE.reverse()).isEqualTo(Direction.INACTIVE);
  }

  @Test
  void sendsReceivesAndNames() {
    assertThat(Direction.SENDRECV.sends()).isTrue();
    assertThat(Direction.SENDRECV.receives()).isTrue();
    assertThat(Direction.SENDONLY.receives()).isFalse();
    assertThat(Direction.RECVONLY.sends()).isFalse();
    assertThat(Direction.INACTIVE.sends() || Direction.INACTIVE.receives()).isFalse();
    for (Direction d : Direction.values()) {
      assertThat(Direction.fromAttributeName(d.attributeName())).isEqualTo(d);
    }
    assertThat(Direction.fromAttributeName("SENDONLY")).isNull();
    assertThat(Direction.fromAttributeName(null)).isNull();
  }
}
