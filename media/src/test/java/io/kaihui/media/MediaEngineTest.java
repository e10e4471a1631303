package io.kaihui.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MediaEngineTest {

  private static MediaEngine engine;

  @BeforeAll
  static void start() {
    engine = MediaEngine.start(new MediaEngineConfig(InetAddress.getLoopbackAddress(), 0,
        List.of(InetAddress.getLoopbackAddress()), Duration.ofSeconds(30)));
  }

  @AfterAll
  static void stop() {
    engine.close();
  }

  @Test
  void awaitRunsOnTheLoopAndReturnsTheResult() {
    assertThat(engine.await(() -> engine.loop().inEventLoop())).isTrue();
  }

  @Test
  void awaitThrowsWhatTheTaskThrewUnwrapped() {
    assertThatThrownBy(() -> engine.await(() -> {
      throw new SdpNegotiationException("no BUNDLE");
    })).isExactlyInstanceOf(SdpNegotiationException.class).hasMessage("no BUNDLE");
    assertThatThrownBy(() -> engine.await(() -> {
      throw new IllegalStateException("closed");
    })).isExactlyInstanceOf(IllegalStateException.class).hasMessage("closed");
  }
}
