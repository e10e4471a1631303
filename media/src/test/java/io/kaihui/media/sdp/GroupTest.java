package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class GroupTest {

  @Test
  void parsesBundleGroups() throws SdpParseException {
    assertThat(Group.parse("BUNDLE 0 1")).isEqualTo(new Group(Group.BUNDLE, List.of("0", "1")));
    assertThat(Group.parse("BUNDLE").mids()).isEmpty();
    assertThat(Group.parse("LS audio video").toString()).isEqualTo("LS audio video");
    assertThat(new Group("BUNDLE", List.of()).toString()).isEqualTo("BUNDLE");
  }

  @Test
  void rejectsMalformedGroups() {
    for (String bad : List.of("", " ", "BUNDLE ", "BUNDLE  0", "BUNDLE 0:1")) {
      Garbage.rejected(Group::parse, bad);
    }
    assertThatThrownBy(() -> new Group("BUNDLE", List.of("a b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void fuzzedGroupsParseOrAreRejected() {
    assertThat(Garbage.fuzz(Group::parse, Group::toString, 8843, List.of("BUNDLE 0 1 2")))
        .isPositive();
  }
}
