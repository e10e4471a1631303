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
import java.util.Locale;

/**
 * The server's metrics in Micrometer, scraped by Prometheus at {@code GET /metrics}: every
 * {@link MediaCounter} of the media engine as {@code kaihui_media_<counter>_total}, signaling
 * errors by code, live meetings and connections, and the JVM's memory, GC, threads and CPU.
 */
public final class Metrics implements AutoCloseable {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  /**
   * Creates the registry and binds the media engine's counters and the JVM's meters.
   *
   * @param engine the media engine
   */
  public Metrics(MediaEngine engine) {
    for (MediaCounter c : MediaCounter.values()) {
      FunctionCounter.builder("kaihui.media." + c.name().toLowerCase(Locale.ROOT), engine,
              e -> e.counter(c))
          .description(c.name())
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
