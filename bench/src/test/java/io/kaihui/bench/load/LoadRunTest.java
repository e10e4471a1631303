package io.kaihui.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.bench.Services;
import io.kaihui.bench.janus.JanusProcess;
import io.kaihui.e2e.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of each load scenario against Kaihui and Janus side by side, a few participants
 * for a few seconds, so that the load generator keeps working: every receiver gets every stream
 * from both servers, decrypts it, and nothing is lost. No figure of speed is asserted. Without
 * Janus (Debian's {@code janus}) or a namespace only Kaihui runs, loudly; in CI both must.
 */
class LoadRunTest {

  @TempDir
  Path dir;

  @Test
  @Timeout(300)
  void eachScenarioRunsAndTheMediaArrivesIntact() throws Exception {
    if (Services.required()) {
      assertThat(NetworkNamespace.canCreate()).as("CI runs the load generator in a network"
          + " namespace").isTrue();
    }
    boolean janus = JanusProcess.available() && NetworkNamespace.canCreate();
    if (!janus) {
      Services.warnMissing("the Janus half of the load smoke runs needs Janus"
          + " (apt-get install -y janus) and root with `ip`");
    }
    List<String> servers = janus ? List.of("kaihui", "janus") : List.of("kaihui");
    Path csv = dir.resolve("smoke.csv");
    List<String[]> runs = List.of(
        new String[] {"--scenario=meeting", "--size=3"},
        new String[] {"--scenario=webinar", "--subscribers=3"},
        new String[] {"--scenario=meetings", "--meetings=2", "--size=2"});
    for (String[] scenario : runs) {
      String[] args = new String[scenario.length + 4];
      System.arraycopy(scenario, 0, args, 0, scenario.length);
      args[scenario.length] = "--warmup=1";
      args[scenario.length + 1] = "--seconds=3";
      args[scenario.length + 2] = "--csv=" + csv;
      args[scenario.length + 3] = "--server=" + (janus ? "both" : "kaihui");
      Path log = dir.resolve("run.log");
      int status = LoadRun.runInNamespace(args, log);
      String output = Files.readString(log);
      assertThat(status).as("exit status of %s; its output:\n%s", String.join(" ", args),
          output).isZero();
      if (janus) {
        assertThat(output).as("the side-by-side table").contains("| janus ÷ kaihui |");
      }
    }
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + runs.size() * servers.size());
    assertThat(lines.get(0)).isEqualTo(LoadResult.CSV_HEADER);
    List<String> columns = List.of(LoadResult.CSV_HEADER.split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] v = line.split(",");
      assertThat(Long.parseLong(v[columns.indexOf("packets")])).as(line).isPositive();
      assertThat(Long.parseLong(v[columns.indexOf("unstamped")])).as(line).isZero();
      assertThat(Double.parseDouble(v[columns.indexOf("delay_p50_ms")])).as(line).isPositive();
      assertThat(Double.parseDouble(v[columns.indexOf("loss_pct")])).as(line).isLessThan(1.0);
      assertThat(Double.parseDouble(v[columns.indexOf("cpu_s")])).as(line).isPositive();
    }
    for (int i = 0; i < servers.size(); i++) {
      String server = servers.get(i);
      assertThat(lines.get(1 + i)).startsWith(server + ",meeting,1,3,0,3,");
      assertThat(lines.get(1 + servers.size() + i)).startsWith(server + ",webinar,1,1,3,4,");
      assertThat(lines.get(1 + 2 * servers.size() + i))
          .startsWith(server + ",meetings,2,2,0,4,");
    }
  }
}
