package io.kaihui.media.stun;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StunParseExceptionTest {
  @Test
  void messageNamesTheProblemAndTheOffset() {
    StunParseException e = new StunParseException("magic cookie is 0x00000000", 4);
    assertThat(e.getMessage()).isEqualTo("magic cookie is 0x00000000 (at offset 4)");
    assertThat(e.offset()).isEqualTo(4);
    assertThat(e).isInstanceOf(Exception.class).isNotInstanceOf(RuntimeException.class);
  }

  @Test
  void parserReportsOffsetsRelativeToTheMessage() {
    byte[] buf = new byte[50];
    System.arraycopy(Rfc5769.SAMPLE_IPV4_RESPONSE, 0, buf, 10, 20);
    buf[10 + 6] = 0;
    try {
      StunMessage.parse(buf, 10, 20);
    } catch (StunParseException e) {
      assertThat(e.offset()).isEqualTo(4);
      return;
    }
    throw new AssertionError("expected StunParseException");
  }
}
