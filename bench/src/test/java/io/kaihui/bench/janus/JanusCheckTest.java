package io.kaihui.bench.janus;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.bench.Services;
import io.kaihui.bench.load.InNamespace;
import io.kaihui.e2e.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Janus, the benchmarks' reference SFU, starts with the configuration the benchmarks write, its
 * VideoRoom answers through the REST API, and two synthetic participants publish to it and
 * receive each other through it. Needs Janus (Debian's {@code janus}) and a network
 * namespace: skipped loudly without them, a failure when services are required (CI).
 */
class JanusCheckTest {

  @TempDir
  Path dir;

  @Test
  @Timeout(120)
  void janusStartsAndForwardsBetweenTwoSyntheticParticipants() throws Exception {
    if (!JanusProcess.available() || !NetworkNamespace.canCreate()) {
      Services.missing("Janus (apt-get install -y janus) and root with `ip` are needed to check"
          + " the benchmarks' reference SFU");
    }
    Path log = dir.resolve("janus.log");
    int status = InNamespace.run(JanusCheck.class, new String[0], log, true);
    String output = Files.readString(log);
    assertThat(status).as(output).isZero();
    assertThat(output)
        .containsPattern("videoroom ok, room \\d+, 2 publishers, \\d+ packets received");
  }
}
