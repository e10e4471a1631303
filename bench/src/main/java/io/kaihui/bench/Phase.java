package io.kaihui.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * One measured phase of the glass-to-glass benchmark: the cameras of one system run, every frame
 * its pages render is read.
 *
 * @param system which system ran (a label)
 * @param round the round, from 1
 * @param frames the frames read after the warm-up (remote ones and local previews)
 * @param unreadable rendered frames whose stamp did not read (checksum failed)
 * @param rates each inbound stream's rates over the measured time
 * @param cpuBusy share (0 to 1) of all cores' time that was busy, machine-wide
 */
public record Phase(String system, int round, List<FrameSample> frames, int unreadable,
    List<StreamRates> rates, double cpuBusy) {

  /** Header of {@link #markdownRow()}. */
  public static final String MARKDOWN_HEADER = """
      | system | round | remote frames read | unreadable | median ms | p90 ms | video fps \
      | video kbit/s | video jitter buffer ms (target / minimum) | decode ms \
      | audio jitter buffer ms | lost packets | resolution | CPU busy |
      | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- \
      | ---: |""";

  /**
   * Resumes the tabs' cameras, waits {@code warmupMs}, measures for {@code phaseMs - warmupMs},
   * and pauses the cameras again.
   *
   * @param offsets clock offsets by stamp id, see {@link BenchTab#drain(Map)}
   */
  public static Phase run(String system, int round, List<BenchTab> tabs,
      Map<Integer, ClockOffset> offsets, int warmupMs, int phaseMs) throws InterruptedException {
    tabs.forEach(BenchTab::resumeCamera);
    Thread.sleep(warmupMs);
    tabs.forEach(t -> t.drain(offsets));
    Map<String, InboundStream> before = inbound(tabs);
    CpuLoad cpu = CpuLoad.now();
    long start = System.nanoTime();
    Thread.sleep(phaseMs - warmupMs);
    List<FrameSample> frames = new ArrayList<>();
    int unreadable = 0;
    for (BenchTab tab : tabs) {
      BenchTab.Frames f = tab.drain(offsets);
      frames.addAll(f.samples());
      unreadable += f.unreadable();
    }
    Map<String, InboundStream> after = inbound(tabs);
    double busy = CpuLoad.now().busySince(cpu);
    double seconds = (System.nanoTime() - start) / 1e9;
    tabs.forEach(BenchTab::pauseCamera);
    List<StreamRates> rates = new ArrayList<>();
    after.forEach((key, a) -> {
      InboundStream b = before.get(key);
      if (b != null) {
        rates.add(StreamRates.between(b, a, seconds));
      }
    });
    return new Phase(system, round, frames, unreadable, rates, busy);
  }

  /** Latencies (ms) of the frames from other pages, or of the local previews. */
  public List<Double> latencies(boolean remote) {
    List<Double> out = new ArrayList<>();
    for (FrameSample s : frames) {
      if (s.remote() == remote) {
        out.add(s.latencyMs());
      }
    }
    return out;
  }

  /**
   * This phase as a row under {@link #MARKDOWN_HEADER}: remote frames read, unreadable, their
   * median and p90 latency; per stream means of video fps, kbit/s, jitter-buffer delay (and its
   * target and minimum), decode time, audio jitter-buffer delay; lost packets, resolutions, CPU.
   */
  public String markdownRow() {
    List<Double> remote = latencies(true);
    Summary s = remote.isEmpty() ? null : Summary.of(remote);
    List<StreamRates> video = rates.stream().filter(StreamRates::video).toList();
    List<StreamRates> audio = rates.stream().filter(r -> !r.video()).toList();
    return String.format(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.1f | %.0f"
        + " | %.1f (%.1f / %.1f) | %.1f | %.1f | %d | %s | %.0f %% |",
        system, round, remote.size(), unreadable, s == null ? Double.NaN : s.median(),
        s == null ? Double.NaN : s.p90(), mean(video, StreamRates::fps),
        mean(video, StreamRates::kbps), mean(video, StreamRates::jitterBufferMs),
        mean(video, StreamRates::targetMs), mean(video, StreamRates::minimumMs),
        mean(video, StreamRates::decodeMs), mean(audio, StreamRates::jitterBufferMs),
        rates.stream().mapToLong(StreamRates::packetsLost).sum(),
        String.join(" ", video.stream().map(r -> r.width() + "x" + r.height()).distinct()
            .sorted().toList()),
        cpuBusy * 100);
  }

  /** Inbound streams of all tabs, keyed by tab id and SSRC. */
  private static Map<String, InboundStream> inbound(List<BenchTab> tabs) {
    Map<String, InboundStream> out = new HashMap<>();
    for (BenchTab tab : tabs) {
      for (InboundStream v : tab.inbound()) {
        out.put(tab.id() + "/" + v.ssrc(), v);
      }
    }
    return out;
  }

  private static double mean(List<StreamRates> rates, ToDoubleFunction<StreamRates> value) {
    return rates.stream().mapToDouble(value).filter(v -> !Double.isNaN(v)).average()
        .orElse(Double.NaN);
  }
}
