package io.kaihui.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StunAttributeTypeTest {
  @Test
  void comprehensionRequiredIsTheLowerHalf() {
    assertThat(StunAttributeType.isComprehensionRequired(0x0000)).isTrue();
    assertThat(StunAttributeType.isComprehensionRequired(0x7FFF)).isTrue();
    assertThat(StunAttributeType.isComprehensionRequired(0x8000)).isFalse();
    assertThat(StunAttributeType.isComprehensionRequired(0xFFFF)).isFalse();
  }

  @Test
  void registeredTypesFallInTheirRanges() {
    for (int required : new int[] {
        StunAttributeType.USERNAME, StunAttributeType.MESSAGE_INTEGRITY,
        StunAttributeType.ERROR_CODE, StunAttributeType.XOR_MAPPED_ADDRESS,
        StunAttributeType.PRIORITY, StunAttributeType.USE_CANDIDATE}) {
      assertThat(StunAttributeType.isComprehensionRequired(required)).isTrue();
    }
    for (int optional : new int[] {
        StunAttributeType.SOFTWARE, StunAttributeType.FINGERPRINT,
        StunAttributeType.ICE_CONTROLLED, StunAttributeType.ICE_CONTROLLING,
        StunAttributeType.GOOG_NETWORK_INFO}) {
      assertThat(StunAttributeType.isComprehensionRequired(optional)).isFalse();
    }
  }
}
