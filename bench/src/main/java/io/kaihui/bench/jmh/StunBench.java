package io.kaihui.bench.jmh;

import io.kaihui.media.stun.StunClass;
import io.kaihui.media.stun.StunMessage;
import io.kaihui.media.stun.StunMessageBuilder;
import io.kaihui.media.stun.StunParseException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parsing a browser's ICE connectivity check, a STUN Binding Request as Chromium sends it
 * (USERNAME, PRIORITY, ICE-CONTROLLING, USE-CANDIDATE, MESSAGE-INTEGRITY, FINGERPRINT; RFC 8445
 * §7.1.1), and verifying its MESSAGE-INTEGRITY as the server does for every check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class StunBench {

  private static final byte[] PASSWORD =
      "VOkJxbRl1RmTxUk/WvJxBt4xRqs0QzM1".getBytes(StandardCharsets.UTF_8);

  private final byte[] request = new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST,
      new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
      .username("serverUfrag:browserUfrag")
      .priority(1_853_824_767L)
      .iceControlling(0x1122_3344_5566_7788L)
      .useCandidate()
      .build(PASSWORD, true);

  /** Parses the request. */
  @Benchmark
  public StunMessage parse() throws StunParseException {
    return StunMessage.parse(request, 0, request.length);
  }

  /** Parses it and checks its MESSAGE-INTEGRITY (HMAC-SHA1 with the server's password). */
  @Benchmark
  public boolean parseAndVerify() throws StunParseException {
    return StunMessage.parse(request, 0, request.length).verifyMessageIntegrity(PASSWORD);
  }
}
