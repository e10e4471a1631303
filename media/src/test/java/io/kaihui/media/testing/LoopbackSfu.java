package io.kaihui.media.testing;

import io.kaihui.media.MediaEngine;
import io.kaihui.media.MediaEngineConfig;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The SFU of one loopback test, as a JUnit 5 extension ({@code @RegisterExtension}): before
 * each test a {@link MediaEngine} listening on an ephemeral UDP port of the loopback address,
 * with one {@link LoopbackMeeting} on it; after each test every meeting made here, then the
 * engine, closed.
 *
 * <p>Not thread-safe: used from the test's thread.
 */
public final class LoopbackSfu implements BeforeEachCallback, AfterEachCallback {

  private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
  private static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);

  private final Duration consentTimeout;
  private final List<LoopbackMeeting> meetings = new ArrayList<>();
  private MediaEngine engine;
  private LoopbackMeeting meeting;

  /** An SFU whose ICE consent expires after 30 seconds without a check (RFC 7675). */
  public LoopbackSfu() {
    this(DEFAULT_CONSENT_TIMEOUT);
  }

  /**
   * @param consentTimeout how long a transport lives without a consent check (RFC 7675 §5.1)
   */
  public LoopbackSfu(Duration consentTimeout) {
    this.consentTimeout = consentTimeout;
  }

  /** Starts the engine and its first meeting. */
  @Override
  public void beforeEach(ExtensionContext context) {
    engine = MediaEngine.start(
        new MediaEngineConfig(LOOPBACK, 0, List.of(LOOPBACK), consentTimeout));
    meeting = newMeeting();
  }

  /** Closes the meetings, in the order they were made, then the engine. */
  @Override
  public void afterEach(ExtensionContext context) {
    for (LoopbackMeeting m : meetings) {
      m.close();
    }
    meetings.clear();
    engine.close();
  }

  /** The running engine; valid during a test. */
  public MediaEngine engine() {
    return engine;
  }

  /** The meeting started with the engine; valid during a test. */
  public LoopbackMeeting meeting() {
    return meeting;
  }

  /**
   * Another meeting (another router) on the same engine, closed after the test.
   *
   * @return the new meeting
   */
  public LoopbackMeeting newMeeting() {
    LoopbackMeeting m = new LoopbackMeeting(engine);
    meetings.add(m);
    return m;
  }
}
