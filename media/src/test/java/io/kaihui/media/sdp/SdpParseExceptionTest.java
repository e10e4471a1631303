package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpParseExceptionTest {

  @Test
  void carriesLineAndReason() {
    SdpParseException e = new SdpParseException(12, "bad a=rtpmap");

    assertThat(e.line()).isEqualTo(12);
    assertThat(e.reason()).isEqualTo("bad a=rtpmap");
    assertThat(e.getMessage()).isEqualTo("SDP line 12: bad a=rtpmap");
  }

  @Test
  void aValueErrorHasNoLineUntilPlaced() {
    SdpParseException e = new SdpParseException(0, "bad port");

    assertThat(e.getMessage()).isEqualTo("bad port");
    SdpParseException placed = e.atLine(3);
    assertThat(placed.line()).isEqualTo(3);
    assertThat(placed.getMessage()).isEqualTo("SDP line 3: bad port");
  }
}
