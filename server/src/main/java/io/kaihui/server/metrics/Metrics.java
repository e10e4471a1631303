package io.kaihui.server.metrics;

import io.kaihui.media.MediaCounter;
import io.kaihui.media.MediaEngine;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.Locale;

/**
 * The server's metrics in Micrometer, scraped by Prometheus at {@code GET /metrics}: every
 * {@link MediaCounter} summed over the media workers as {@code kaihui_media_<counter>_total},
 * the forwarding of each worker as {@code kaihui_media_worker_rtp_forwarded_total}, signaling
 * errors by code, live meetings and connections, and the JVM's memory, GC, threads and CPU.
 */
public final class Metrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  /** Held here because Micrometer holds the object of a function counter only weakly. */
  private final List<MediaEngine> workers;

  /**
   * Creates the registry and binds the media workers' counters and the JVM's meters.
   *
   * @param engines the media workers
   */
  public Metrics(List<MediaEngine> engines) {
    workers = List.copyOf(engines);
    for (MediaCounter c : MediaCounter.values()) {
      FunctionCounter.builder("kaihui.media." + c.name().toLowerCase(Locale.ROOT), workers,
              w -> w.stream().mapToLong(e -> e.counter(c)).sum())
          .description(c.name())
          .register(registry);
    }
    for (int i = 0; i < workers.size(); i++) {
      FunctionCounter.builder("kaihui.media.worker.rtp_forwarded", workers.get(i),
              e -> e.counter(MediaCounter.RTP_FORWARDED))
          .description("RTP packets forwarded by one media worker")
          .tag("worker", Integer.toString(i))
          .register(registry);
    }
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  /** The registry, for features that count their own things. */
  public MeterRegistry registry() {
    return registry;
  }

  /** The Prometheus text exposition of every meter. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
