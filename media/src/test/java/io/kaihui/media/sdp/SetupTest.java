package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SetupTest {

  @Test
  void parsesTheFourRoles() throws SdpParseException {
    for (Setup s : Setup.values()) {
      assertThat(Setup.parse(s.value())).isEqualTo(s);
    }
    assertThat(Setup.ACTPASS.value()).isEqualTo("actpass");
  }

  @Test
  void rejectsOtherValues() {
    for (String bad : List.of("", "ACTIVE", "actpass ", "active:x")) {
      Garbage.rejected(Setup::parse, bad);
    }
    assertThat(Garbage.rejected(Setup::parse, null).reason()).contains("(none)");
    Random random = new Random(4145);
    for (int i = 0; i < 2000; i++) {
      Garbage.parseOrReject(Setup::parse, Garbage.corrupt(random, "holdconn"));
    }
  }
}
