package io.kaihui.bench.load;

import io.kaihui.bench.BenchOptions;
import io.kaihui.bench.janus.JanusProcess;
import io.kaihui.bench.janus.JanusTarget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The load generator: starts an SFU — Kaihui, Janus, or one after the other — fills it with
 * synthetic participants ({@link LoadParticipant}) as a {@link LoadScenario} says, measures a
 * counting window and prints a {@link LoadResult} per server (a markdown row, and a CSV line
 * appended to {@code --csv}), and with both servers the ratio of Janus's figures to Kaihui's.
 *
 * <pre>
 * ./mvnw -B -q -pl bench compile exec:exec -Dbench=load.LoadRun -Dbench.args="--scenario=meeting --size=8"
 * </pre>
 *
 * <p>{@code --server} is {@code both} (the default), {@code kaihui} or {@code janus}. Janus is
 * Debian's package, installed here with apt-get when missing (root only).
 *
 * <p>Everything that speaks ICE runs in a loopback-only network namespace: when this process may
 * make one (root, {@code ip}) it runs itself again inside a new one, with the servers beside it
 * and a veth pair for Janus. Elsewhere it runs here, on 127.0.0.1, with Kaihui only.
 */
public final class LoadRun {

  private LoadRun() {}

  /** Runs, inside a namespace when one can be made; exits with the run's status. */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    List<String> servers = servers(options);
    if (InNamespace.shouldRerun()) {
      if (servers.contains("janus")) {
        JanusProcess.install();
      }
      System.exit(runInNamespace(args));
    }
    LoadScenario scenario = LoadScenario.of(options);
    List<LoadResult> results = new ArrayList<>();
    for (String server : servers) {
      results.add(run(scenario, server));
    }
    System.out.println(LoadResult.MARKDOWN_HEADER);
    results.forEach(r -> System.out.println(r.markdownRow()));
    if (results.size() == 2) {
      System.out.println(LoadResult.ratioRow(results.get(1), results.get(0)));
    }
    String csv = options.values().get("csv");
    if (csv != null) {
      for (LoadResult r : results) {
        appendCsv(Path.of(csv), r);
      }
    }
    System.exit(0);
  }

  /**
   * The servers {@code --server} names, in the order they run.
   *
   * @throws IllegalArgumentException for another value
   */
  static List<String> servers(BenchOptions options) {
    String server = options.values().getOrDefault("server", "both");
    return switch (server) {
      case "both" -> List.of("kaihui", "janus");
      case "kaihui", "janus" -> List.of(server);
      default -> throw new IllegalArgumentException(
          "--server is both, kaihui or janus, not " + server);
    };
  }

  /**
   * Runs this class again in a new loopback-only network namespace, with the veth pair Janus
   * needs (when one can be made), and waits for it.
   *
   * @param args its arguments
   * @param output where its output goes; null to share this process's
   * @return its exit status
   */
  public static int runInNamespace(String[] args, Path output)
      throws IOException, InterruptedException {
    return InNamespace.run(LoadRun.class, args, output, true);
  }

  /** {@link #runInNamespace(String[], Path)}, its output shared with this process. */
  public static int runInNamespace(String[] args) throws IOException, InterruptedException {
    return runInNamespace(args, null);
  }

  /**
   * Starts a server here and runs one scenario against it.
   *
   * @param server {@code kaihui} or {@code janus}
   * @throws IllegalStateException if the server does not start, refuses a participant, the
   *     media does not flow within 30 s, or it does not arrive intact: a receiver that got
   *     nothing while counting, an SRTP failure, a packet without its send stamp
   */
  public static LoadResult run(LoadScenario scenario, String server) throws Exception {
    RecordedMedia recorded = RecordedMedia.load();
    int size = scenario.publishers() + scenario.subscribers();
    try (LoadTarget target = server.equals("janus") ? JanusTarget.start()
        : KaihuiTarget.start(size)) {
      DelayHistogram delays = new DelayHistogram();
      List<LoadParticipant> everyone = new ArrayList<>();
      UdpStats udpBefore = UdpStats.now();
      try (ExecutorService joins = Executors.newFixedThreadPool(8);
          LoadParticipant.SharedThreads shared = LoadParticipant.SharedThreads.start()) {
        List<Future<LoadParticipant>> joining = new ArrayList<>();
        try {
          for (int m = 0; m < scenario.meetings(); m++) {
            String meeting = target.newMeeting(m, size);
            for (int i = 0; i < size; i++) {
              boolean publisher = i < scenario.publishers();
              String name = "m" + (m + 1) + (publisher ? "-p" : "-s") + (i + 1);
              joining.add(joins.submit(() -> LoadParticipant.join(target, meeting, name,
                  publisher, recorded, delays, shared)));
              // People arrive over time, not all in one instant: each join costs the server a
              // DTLS handshake per PeerConnection.
              Thread.sleep(1000L / scenario.joinsPerSecond());
            }
          }
        } finally {
          // Collect everyone who got in, so that all of them are closed whatever happens.
          Throwable refused = null;
          for (Future<LoadParticipant> f : joining) {
            try {
              everyone.add(f.get());
            } catch (ExecutionException e) {
              refused = refused == null ? e.getCause() : refused;
            }
          }
          if (refused != null) {
            throw new IllegalStateException(server + " refused a participant: "
                + refused.getMessage(), refused);
          }
        }
        long joinedDrops = UdpStats.socketDrops(target.pid());
        awaitMedia(scenario, everyone);
        Thread.sleep(scenario.warmupSeconds() * 1000L);
        long warmDrops = UdpStats.socketDrops(target.pid());

        delays.reset();
        ProcessStats before = ProcessStats.of(target.pid());
        ThreadSchedStats threadsBefore = ThreadSchedStats.of(target.pid());
        long windowStart = System.nanoTime();
        everyone.forEach(p -> p.counting(true));
        Thread.sleep(scenario.seconds() * 1000L);
        everyone.forEach(p -> p.counting(false));
        ProcessStats after = ProcessStats.of(target.pid());
        System.err.println(server + ": " + ThreadSchedStats.of(target.pid())
            .busiestSince(threadsBefore, System.nanoTime() - windowStart));
        long udpDrops = UdpStats.now().dropsSince(udpBefore);
        long serverDrops = UdpStats.socketDrops(target.pid());
        System.err.printf("%s: datagrams dropped at the server's sockets: %d while people"
            + " joined, %d more until counting began, %d while counting%n", server, joinedDrops,
            warmDrops - joinedDrops, serverDrops - warmDrops);

        long packets = everyone.stream().mapToLong(LoadParticipant::packets).sum();
        long bytes = everyone.stream().mapToLong(LoadParticipant::bytes).sum();
        long lost = everyone.stream().mapToLong(LoadParticipant::lost).sum();
        long since = everyone.stream().mapToLong(LoadParticipant::packetsSinceJoin).sum();
        long unstamped = everyone.stream().mapToLong(LoadParticipant::unstamped).sum();
        List<String> problems = new ArrayList<>();
        for (LoadParticipant p : everyone) {
          if (p.packets() == 0 && scenario.streamsFor(p.publisher()) > 0) {
            problems.add(p.media().name() + " received nothing while counting");
          }
          if (p.srtpFailures() > 0) {
            problems.add(p.media().name() + ": " + p.srtpFailures() + " SRTP failures");
          }
        }
        if (unstamped > 0) {
          problems.add(unstamped + " packets without a send stamp");
        }
        if (!problems.isEmpty()) {
          throw new IllegalStateException(server + ": the media did not arrive intact: "
              + problems);
        }
        return new LoadResult(target.name(), scenario, packets, bytes,
            after.cpuSeconds() - before.cpuSeconds(), delays.percentileMs(50),
            delays.percentileMs(99), delays.maxMs(), lost, since, unstamped, after.rssBytes(),
            udpDrops, serverDrops);
      } finally {
        everyone.forEach(LoadParticipant::close);
      }
    }
  }

  /** Waits until every participant receives every stream it should. */
  private static void awaitMedia(LoadScenario scenario, List<LoadParticipant> everyone)
      throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L + everyone.size() * 100_000_000L;
    for (LoadParticipant p : everyone) {
      int want = scenario.streamsFor(p.publisher());
      while (p.media().subscribeConnection().streams().values().stream()
          .filter(s -> s.packets() > 0).count() < want) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(p.media().name() + " receives "
              + p.media().subscribeConnection().streams().size() + " of " + want + " streams");
        }
        Thread.sleep(50);
      }
    }
  }


  /** Appends a result to a CSV file, writing the header first when the file is new. */
  static void appendCsv(Path file, LoadResult result) throws IOException {
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    if (!Files.exists(file)) {
      Files.writeString(file, LoadResult.CSV_HEADER + "\n");
    }
    Files.writeString(file, result.csv() + "\n", StandardOpenOption.APPEND);
  }
}
