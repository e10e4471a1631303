package io.kaihui.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.e2e.NetworkNamespace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A smoke run of each load scenario, a few participants for a few seconds, so that the load
 * generator keeps working: every receiver gets every stream, decrypts it, and nothing is lost.
 * No figure of speed is asserted.
 */
class LoadRunTest {

  @TempDir
  Path dir;

  @Test
  @Timeout(300)
  void eachScenarioRunsAndTheMediaArrivesIntact() throws Exception {
    if (Boolean.getBoolean("kaihui.requireServices")
        || "true".equalsIgnoreCase(System.getenv("KAIHUI_REQUIRE_SERVICES"))) {
      assertThat(NetworkNamespace.canCreate()).as("CI runs the load generator in a network"
          + " namespace").isTrue();
    }
    Path csv = dir.resolve("smoke.csv");
    List<String[]> runs = List.of(
        new String[] {"--scenario=meeting", "--size=3"},
        new String[] {"--scenario=webinar", "--subscribers=3"},
        new String[] {"--scenario=meetings", "--meetings=2", "--size=2"});
    for (String[] scenario : runs) {
      String[] args = new String[scenario.length + 3];
      System.arraycopy(scenario, 0, args, 0, scenario.length);
      args[scenario.length] = "--warmup=1";
      args[scenario.length + 1] = "--seconds=3";
      args[scenario.length + 2] = "--csv=" + csv;
      Path log = dir.resolve("run.log");
      int status = LoadRun.runInNamespace(args, log);
      assertThat(status).as("exit status of %s; its output:\n%s", String.join(" ", args),
          Files.readString(log)).isZero();
    }
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSize(1 + runs.size());
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
    assertThat(lines.get(2)).startsWith("kaihui,webinar,1,1,3,4,");
    assertThat(lines.get(3)).startsWith("kaihui,meetings,2,2,0,4,");
  }
}
