package io.kaihui.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadChartTest {

  private static final List<String> CSV = List.of(LoadResult.CSV_HEADER,
      "kaihui,meeting,1,4,0,4,20,1000,50,1.00,1.00,10.00,0.30,2.00,5.00,0,0.000,300,0",
      "janus,meeting,1,4,0,4,20,1000,50,1.00,2.00,20.00,0.40,3.00,6.00,0,0.000,100,0",
      "kaihui,webinar,1,1,50,51,20,1000,50,1.00,1.00,5.00,0.30,2.00,5.00,0,0.000,300,0");

  @Test
  void oneBarPerServerAndScenarioScaledToTheLargest() {
    String svg = LoadChart.svg(CSV, "cpu_us_per_packet", "CPU <per> packet");
    assertThat(svg).startsWith("<svg").endsWith("</svg>\n");
    assertThat(svg.split("<rect x=").length - 1).isEqualTo(3 + 2); // bars and legend
    assertThat(svg).contains("meeting of 4", "webinar 1→50", "CPU &lt;per&gt; packet");
    // janus's 20 µs is the tallest bar (300 px); kaihui's 10 µs half of it.
    assertThat(svg).contains("height=\"300\" fill=\"#e5534b\"", "height=\"150\" fill=\"#1f6feb\"");
    // The legend names each colour beside its own swatch.
    assertThat(svg).containsPattern("<text x=\"84\" y=\"\\d+\">kaihui</text>")
        .containsPattern("<text x=\"184\" y=\"\\d+\">janus</text>");
  }

  @Test
  void anUnknownColumnIsAClearError() {
    assertThatThrownBy(() -> LoadChart.svg(CSV, "nope", "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column nope");
  }
}
