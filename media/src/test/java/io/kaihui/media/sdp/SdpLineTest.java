package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SdpLineTest {

  @Test
  void writesTypeAndValue() {
    assertThat(new SdpLine('i', "A talk").toString()).isEqualTo("i=A talk");
    assertThat(new SdpLine('k', "").toString()).isEqualTo("k=");
  }

  @Test
  void rejectsModelledTypesAndLineBreaks() {
    for (char type : "vosctbam".toCharArray()) {
      assertThatThrownBy(() -> new SdpLine(type, "x")).isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> new SdpLine('i', "a\r\nb"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
