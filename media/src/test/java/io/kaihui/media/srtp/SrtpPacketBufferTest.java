package io.kaihui.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SrtpPacketBufferTest {

  @Test
  void growsInPlaceUpToTheEndOfTheArrayAndNoFurther() {
    byte[] array = new byte[10];
    SrtpPacketBuffer packet = new SrtpPacketBuffer();
    packet.wrap(array, 2, 4);

    packet.append(new byte[] {7, 8, 9}, 2);
    assertThat(packet.getLength()).isEqualTo(6);
    assertThat(array[6]).isEqualTo((byte) 7);
    assertThat(array[7]).isEqualTo((byte) 8);
    assertThat(packet.getBuffer()).isSameAs(array);

    packet.grow(2);
    assertThatThrownBy(() -> packet.grow(3)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> packet.append(new byte[3], 3))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> packet.setLength(9)).isInstanceOf(IllegalArgumentException.class);
    packet.setLength(8);
    assertThat(packet.getLength()).isEqualTo(8);
  }

  @Test
  void shrinksAndReadsRegions() {
    byte[] array = {0, 1, 2, 3, 4, 5, 6, 7};
    SrtpPacketBuffer packet = new SrtpPacketBuffer();
    packet.wrap(array, 1, 6);
    byte[] out = new byte[3];

    packet.readRegionToBuff(2, 3, out);
    packet.shrink(4);
    packet.shrink(100);

    assertThat(out).containsExactly(3, 4, 5);
    assertThat(packet.getLength()).isZero();
    assertThat(packet.isInvalid()).isFalse();
  }

  @Test
  void releaseForgetsTheCallersArray() {
    SrtpPacketBuffer packet = new SrtpPacketBuffer();
    packet.wrap(new byte[5], 0, 5);

    packet.release();

    assertThat(packet.getBuffer()).isEmpty();
    assertThat(packet.getLength()).isZero();
  }
}
