package io.kaihui.media.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttributeListTest {

  private static AttributeList of(String... texts) throws SdpParseException {
    AttributeList list = new AttributeList();
    for (String t : texts) {
      list.add(Attribute.parse(t));
    }
    return list;
  }

  @Test
  void looksUpByName() throws SdpParseException {
    AttributeList list = of("mid:0", "rtcp-mux", "rid:h send", "rid:l send");

    assertThat(list.first("rid")).isEqualTo(new Attribute("rid", "h send"));
    assertThat(list.value("mid")).isEqualTo("0");
    assertThat(list.value("rtcp-mux")).isNull();
    assertThat(list.has("rtcp-mux")).isTrue();
    assertThat(list.value("absent")).isNull();
    assertThat(list.has("absent")).isFalse();
    assertThat(list.first("absent")).isNull();
    assertThat(list.values("rid")).containsExactly("h send", "l send");
    assertThat(list.values("rtcp-mux")).containsExactly((String) null);
  }

  @Test
  void putReplacesTheFirstInPlaceAndDropsTheRest() throws SdpParseException {
    AttributeList list = of("a:1", "setup:actpass", "b:2", "setup:active", "c:3");

    list.put("setup", "passive");

    assertThat(list)
        .containsExactly(
            new Attribute("a", "1"),
            new Attribute("setup", "passive"),
            new Attribute("b", "2"),
            new Attribute("c", "3"));
    list.put("new", "x");
    assertThat(list.get(list.size() - 1)).isEqualTo(new Attribute("new", "x"));
  }

  @Test
  void flagsAndRemoval() throws SdpParseException {
    AttributeList list = of("ssrc:1 cname:a", "rtcp-mux", "ssrc:2 cname:b");

    list.putFlag("rtcp-mux", true);
    assertThat(list).hasSize(3);
    list.putFlag("rtcp-mux", false);
    assertThat(list.has("rtcp-mux")).isFalse();
    assertThat(list.removeNamed("ssrc")).isEqualTo(2);
    assertThat(list).isEmpty();
    list.putFlag("ice-lite", true);
    assertThat(list).containsExactly(Attribute.flag("ice-lite"));
  }

  @Test
  void isAListThatRejectsNulls() throws SdpParseException {
    AttributeList list = of("mid:0");

    assertThat(list).isEqualTo(List.of(new Attribute("mid", "0")));
    assertThatThrownBy(() -> list.add((Attribute) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> list.set(0, null)).isInstanceOf(NullPointerException.class);
    list.add(0, Attribute.flag("first"));
    assertThat(list.remove(0)).isEqualTo(Attribute.flag("first"));
    assertThatThrownBy(() -> list.add("bad name", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void typedReadsOfHandAddedGarbageFailClearly() {
    AttributeList list = new AttributeList();
    list.add("rtpmap", "not a mapping");

    assertThatThrownBy(() -> list.parseAll("rtpmap", RtpMap::parse))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("a=rtpmap");
  }
}
