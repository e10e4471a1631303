package io.kaihui.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SsrcMapTest {

  @Test
  void behavesLikeAHashMapForAnySsrc() {
    SsrcMap<String> map = new SsrcMap<>();
    Map<Integer, String> reference = new HashMap<>();
    Random random = new Random(3550);
    int[] special = {0, -1, 1, Integer.MIN_VALUE, Integer.MAX_VALUE};

    for (int i = 0; i < 20_000; i++) {
      int ssrc = i < special.length ? special[i]
          : random.nextBoolean() ? random.nextInt() : random.nextInt(64);
      String value = "v" + i;
      map.put(ssrc, value);
      reference.put(ssrc, value);
      int probe = random.nextBoolean() ? ssrc : random.nextInt();
      assertThat(map.get(probe)).isEqualTo(reference.get(probe));
    }
    assertThat(map.size()).isEqualTo(reference.size());
    for (Map.Entry<Integer, String> e : reference.entrySet()) {
      assertThat(map.get(e.getKey())).isEqualTo(e.getValue());
    }
  }

  @Test
  void clearVisitsEveryValueOnce() {
    SsrcMap<Integer> map = new SsrcMap<>();
    for (int i = 0; i < 100; i++) {
      map.put(i * 7919, i);
    }
    List<Integer> seen = new ArrayList<>();

    map.clear(seen::add);

    assertThat(seen).hasSize(100).doesNotHaveDuplicates();
    assertThat(map.size()).isZero();
    assertThat(map.get(7919)).isNull();
  }
}
