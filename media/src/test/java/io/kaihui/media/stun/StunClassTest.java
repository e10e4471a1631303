package io.kaihui.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StunClassTest {
  @Test
  void bindingMessageTypesMatchRfc8489() {
    // RFC 8489 §6: Binding request 0x0001, indication 0x0011, success 0x0101, error 0x0111.
    assertThat(StunClass.REQUEST.messageType(StunMessage.BINDING)).isEqualTo(0x0001);
    assertThat(StunClass.INDICATION.messageType(StunMessage.BINDING)).isEqualTo(0x0011);
    assertThat(StunClass.SUCCESS_RESPONSE.messageType(StunMessage.BINDING)).isEqualTo(0x0101);
    assertThat(StunClass.ERROR_RESPONSE.messageType(StunMessage.BINDING)).isEqualTo(0x0111);
  }

  @Test
  void methodBitsSkipTheClassBits() {
    // TURN Allocate (0x003) error response is 0x0113 (RFC 8656 §17); method 0xFFF fills every
    // method bit around the class bits.
    assertThat(StunClass.ERROR_RESPONSE.messageType(0x003)).isEqualTo(0x0113);
    assertThat(StunClass.REQUEST.messageType(0xFFF)).isEqualTo(0x3EEF);
  }

  @Test
  void everyMessageTypeDecodesBack() {
    for (int method = 0; method <= 0xFFF; method++) {
      for (StunClass cls : StunClass.values()) {
        int type = cls.messageType(method);
        assertThat(type).isBetween(0, 0x3FFF);
        assertThat(StunClass.methodOf(type)).isEqualTo(method);
        assertThat(StunClass.ofMessageType(type)).isEqualTo(cls);
      }
    }
  }
}
