package io.kaihui.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JitsiSrtpLoggerTest {

  @Test
  void perPacketLevelsAreOffAndTheirMessagesNeverBuilt() {
    JitsiSrtpLogger logger = JitsiSrtpLogger.INSTANCE;
    AtomicInteger built = new AtomicInteger();

    logger.debug(() -> "seq " + built.incrementAndGet());
    logger.info(() -> "seq " + built.incrementAndGet());
    logger.trace(() -> "seq " + built.incrementAndGet());

    assertThat(built).hasValue(0);
    assertThat(logger.isDebugEnabled()).isFalse();
    assertThat(logger.isInfoEnabled()).isFalse();
    assertThat(logger.createChildLogger("x")).isSameAs(logger);
  }
}
