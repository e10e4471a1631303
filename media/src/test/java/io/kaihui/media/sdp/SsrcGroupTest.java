package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SsrcGroupTest {

  @Test
  void parsesFidAndSimGroups() throws SdpParseException {
    assertThat(SsrcGroup.parse("FID 3058461377 3336897830"))
        .isEqualTo(new SsrcGroup(SsrcGroup.FID, List.of(3058461377L, 3336897830L)));
    assertThat(SsrcGroup.parse("SIM 1 2 3").ssrcs()).containsExactly(1L, 2L, 3L);
    assertThat(new SsrcGroup("FID", List.of(1L, 2L)).toString()).isEqualTo("FID 1 2");
  }

  @Test
  void copiesTheListAndRejectsBadOnes() {
    List<Long> ssrcs = new ArrayList<>(List.of(1L));
    SsrcGroup g = new SsrcGroup("FID", ssrcs);
    ssrcs.add(2L);
    assertThat(g.ssrcs()).containsExactly(1L);
    assertThatThrownBy(() -> new SsrcGroup("FID", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SsrcGroup("FID", List.of(1L << 32)))
        .isInstanceOf(IllegalArgumentException.class);
    for (String bad : List.of("", "FID", "FID ", "FID 1 ", "FID x", "F:D 1", "FID 4294967296")) {
      Garbage.rejected(SsrcGroup::parse, bad);
    }
  }

  @Test
  void fuzzedGroupsParseOrAreRejected() {
    assertThat(Garbage.fuzz(SsrcGroup::parse, SsrcGroup::toString, 4588, List.of("FID 2001 2002")))
        .isPositive();
  }
}
