package io.kaihui.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SdesChunkTest {

  @Test
  void findsTheFirstCname() {
    SdesChunk chunk =
        new SdesChunk(
            1,
            List.of(
                new SdesItem(SdesItem.TOOL, "kaihui"),
                new SdesItem(SdesItem.CNAME, "first"),
                new SdesItem(SdesItem.CNAME, "second")));
    assertThat(chunk.cname()).contains("first");
    assertThat(new SdesChunk(1, List.of()).cname()).isEmpty();
    assertThat(new SdesChunk(1, "abc").items())
        .containsExactly(new SdesItem(SdesItem.CNAME, "abc"));
  }

  @Test
  void sizeIncludesOneToFourNullOctets() {
    assertThat(new SdesChunk(1, List.of()).size()).isEqualTo(8);
    assertThat(new SdesChunk(1, "a").size()).isEqualTo(8);
    assertThat(new SdesChunk(1, "ab").size()).isEqualTo(12);
    assertThat(new SdesChunk(1, "abcde").size()).isEqualTo(12);
    assertThat(new SdesChunk(1, "abcdef").size()).isEqualTo(16);
  }

  @Test
  void rejectsItemsTheWireCannotCarry() {
    assertThatThrownBy(() -> new SdesChunk(1, "x".repeat(256)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("UTF-8 bytes");
    // 86 three-byte characters are 258 bytes in UTF-8.
    assertThatThrownBy(() -> new SdesChunk(1, "会".repeat(86)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SdesItem(0, "end marker"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SDES item type");
    assertThatThrownBy(() -> new SdesChunk(-1, "a")).isInstanceOf(IllegalArgumentException.class);
  }
}
