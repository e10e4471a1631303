package io.kaihui.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of the signaling-scale tool: 20 signed-in sockets of 2 accounts over 4 loopback
 * addresses, in two steps; every heartbeat is answered and no socket is closed. No figure of
 * memory or speed is asserted.
 */
class SignalingScaleTest {

  @TempDir
  Path dir;

  @Test
  @Timeout(180)
  void signedInSocketsAreHeldAndTheirHeartbeatsAnswered() throws Exception {
    Path log = dir.resolve("scale.log");
    int status = InNamespace.run(SignalingScale.class, new String[] {"--clients=20",
        "--step=10", "--accounts=2", "--addresses=4", "--hold=5"}, log);
    String output = Files.readString(log);
    assertThat(status).as(output).isZero();
    List<String> rows = output.lines().filter(l -> l.matches("\\| \\d+ \\|.*")).toList();
    assertThat(rows).as(output).hasSize(2);
    assertThat(rows.get(0)).startsWith("| 10 |");
    assertThat(rows.get(1)).startsWith("| 20 |");
    for (String row : rows) {
      // 5 s of heartbeats every 5 s: each socket's answered once, give or take one.
      String answered = row.replaceAll(".*\\| ([0-9.]+) % \\|$", "$1");
      assertThat(Double.parseDouble(answered)).as(row).isBetween(50.0, 200.0);
    }
    assertThat(output).doesNotContain("stopped");
  }
}
