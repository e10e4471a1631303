package io.kaihui.bench.load;

import java.util.Locale;

/**
 * The figures of one load run, over its counting window.
 *
 * @param server which SFU ({@code kaihui} or {@code janus})
 * @param scenario what ran
 * @param packets RTP packets the receivers got
 * @param bytes their bytes (RTP header and payload)
 * @param cpuSeconds the server process's CPU time (user + system)
 * @param delayP50Ms median delay from sender to receiver, ms
 * @param delayP99Ms 99th percentile, ms
 * @param delayMaxMs largest, ms
 * @param lost packets lost on the received streams since they began
 * @param receivedSinceJoin packets received on them since they began
 * @param unstamped packets received without a send stamp
 * @param rssBytes the server's resident memory at the end
 * @param udpBufferDrops datagrams the kernel dropped at a full socket buffer, server's or
 *     participants', from the first join to the end ({@link UdpStats})
 * @param serverSocketDrops of those, the ones dropped at the server's own sockets
 */
public record LoadResult(String server, LoadScenario scenario, long packets, long bytes,
    double cpuSeconds, double delayP50Ms, double delayP99Ms, double delayMaxMs, long lost,
    long receivedSinceJoin, long unstamped, long rssBytes, long udpBufferDrops,
    long serverSocketDrops) {

  /** The CSV header line, matching {@link #csv()}. */
  public static final String CSV_HEADER = "server,scenario,meetings,publishers,subscribers,"
      + "participants,seconds,packets,packets_per_s,mbit_per_s,cpu_s,cpu_us_per_packet,"
      + "delay_p50_ms,delay_p99_ms,delay_max_ms,lost,loss_pct,rss_mb,unstamped,"
      + "udp_buffer_drops,server_socket_drops";

  /** Forwarded packets per second. */
  public double packetsPerSecond() {
    return packets / (double) scenario.seconds();
  }

  /** Forwarded megabits per second. */
  public double megabitsPerSecond() {
    return bytes * 8 / 1e6 / scenario.seconds();
  }

  /** Server CPU time per forwarded packet, µs. */
  public double cpuMicrosPerPacket() {
    return packets == 0 ? 0 : cpuSeconds * 1e6 / packets;
  }

  /** Lost packets as a share of those sent, %. */
  public double lossPercent() {
    long sent = lost + receivedSinceJoin;
    return sent == 0 ? 0 : 100.0 * lost / sent;
  }

  /** One CSV line. */
  public String csv() {
    return String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%d,%d,%d,%.0f,%.2f,%.2f,%.2f,%.2f,%.2f,"
        + "%.2f,%d,%.3f,%.0f,%d,%d,%d", server, scenario.name(), scenario.meetings(),
        scenario.publishers(), scenario.subscribers(), scenario.participants(),
        scenario.seconds(), packets, packetsPerSecond(), megabitsPerSecond(), cpuSeconds,
        cpuMicrosPerPacket(), delayP50Ms, delayP99Ms, delayMaxMs, lost, lossPercent(),
        rssBytes / 1e6, unstamped, udpBufferDrops, serverSocketDrops);
  }

  /** One row of the markdown table of {@link #MARKDOWN_HEADER}. */
  public String markdownRow() {
    return String.format(Locale.ROOT, "| %s | %s | %d | %.0f | %.2f | %.1f | %.2f / %.2f / %.1f"
        + " | %.3f %% (%d / %d) | %.0f |", server, describe(), scenario.participants(),
        packetsPerSecond(), megabitsPerSecond(), cpuMicrosPerPacket(), delayP50Ms, delayP99Ms,
        delayMaxMs, lossPercent(), udpBufferDrops, serverSocketDrops, rssBytes / 1e6);
  }

  /** The header of {@link #markdownRow()}. */
  public static final String MARKDOWN_HEADER = "| server | scenario | people | forwarded"
      + " packets/s | Mbit/s | server CPU µs/packet | delay p50 / p99 / max ms | loss (kernel"
      + " drops: all / server's) | server RSS MB |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- |";

  /**
   * A markdown row of the ratios of one server's figures to another's, measured in the same
   * run: forwarded packets/s, Mbit/s, CPU per packet, delay p50 / p99 / max, RSS.
   *
   * @param numerator e.g. Janus's result
   * @param denominator e.g. Kaihui's result for the same scenario
   */
  public static String ratioRow(LoadResult numerator, LoadResult denominator) {
    return String.format(Locale.ROOT, "| %s ÷ %s | %s | | %.2f | %.2f | %.2f | %.2f / %.2f / %.2f"
        + " | | %.2f |", numerator.server, denominator.server, denominator.describe(),
        ratio(numerator.packetsPerSecond(), denominator.packetsPerSecond()),
        ratio(numerator.megabitsPerSecond(), denominator.megabitsPerSecond()),
        ratio(numerator.cpuMicrosPerPacket(), denominator.cpuMicrosPerPacket()),
        ratio(numerator.delayP50Ms, denominator.delayP50Ms),
        ratio(numerator.delayP99Ms, denominator.delayP99Ms),
        ratio(numerator.delayMaxMs, denominator.delayMaxMs),
        ratio(numerator.rssBytes, denominator.rssBytes));
  }

  private static double ratio(double a, double b) {
    return b == 0 ? Double.NaN : a / b;
  }

  private String describe() {
    return switch (scenario.name()) {
      case "webinar" -> "webinar 1→" + scenario.subscribers();
      case "meetings" -> scenario.meetings() + " meetings of " + scenario.publishers();
      default -> "meeting of " + scenario.publishers();
    };
  }
}
