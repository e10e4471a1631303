package io.kaihui.bench.load;

import io.kaihui.bench.BenchOptions;
import io.kaihui.e2e.ServerProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load generator: starts Kaihui, fills it with synthetic participants
 * ({@link LoadParticipant}) as a {@link LoadScenario} says, measures a counting window and
 * prints a {@link LoadResult} (a markdown row, and a CSV line appended to {@code --csv}).
 *
 * <pre>
 * ./mvnw -B -q -pl bench compile exec:exec -Dbench=load.LoadRun -Dbench.args="--scenario=meeting --size=8"
 * </pre>
 *
 * <p>Everything that speaks ICE runs in a loopback-only network namespace: when this process may
 * make one (root, {@code ip}) it runs itself again inside a new one, with the server beside it.
 * Elsewhere it runs here, on 127.0.0.1.
 */
public final class LoadRun {

  private static final Pattern NUMBER = Pattern.compile("\"meetingNumber\":\"(\\d{9})\"");

  private LoadRun() {}

  /** Runs, inside a namespace when one can be made; exits with the run's status. */
  public static void main(String[] args) throws Exception {
    if (InNamespace.shouldRerun()) {
      System.exit(runInNamespace(args));
    }
    BenchOptions options = BenchOptions.parse(args);
    LoadResult result = run(LoadScenario.of(options));
    System.out.println(LoadResult.MARKDOWN_HEADER);
    System.out.println(result.markdownRow());
    String csv = options.values().get("csv");
    if (csv != null) {
      appendCsv(Path.of(csv), result);
    }
    System.exit(0);
  }

  /**
   * Runs this class again in a new loopback-only network namespace (when one can be made) and
   * waits for it.
   *
   * @param args its arguments
   * @param output where its output goes; null to share this process's
   * @return its exit status
   */
  public static int runInNamespace(String[] args, Path output)
      throws IOException, InterruptedException {
    return InNamespace.run(LoadRun.class, args, output);
  }

  /** {@link #runInNamespace(String[], Path)}, its output shared with this process. */
  public static int runInNamespace(String[] args) throws IOException, InterruptedException {
    return runInNamespace(args, null);
  }

  /**
   * Starts a server here and runs one scenario against it.
   *
   * @throws IllegalStateException if the server does not start, refuses a participant, the
   *     media does not flow within 30 s, or it does not arrive intact: a receiver that got
   *     nothing while counting, an SRTP failure, a packet without its send stamp
   */
  public static LoadResult run(LoadScenario scenario) throws Exception {
    RecordedMedia recorded = RecordedMedia.load();
    try (ServerProcess server = ServerProcess.start(null,
        List.of("--meeting-max-participants=" + Math.max(2, scenario.publishers()
            + scenario.subscribers())))) {
      String url = server.url();
      HttpClient http = HttpClient.newHttpClient();
      String cookie = KaihuiRest.register(http, url, "load_host_" + ProcessHandle.current()
          .pid(), "Load host");
      DelayHistogram delays = new DelayHistogram();
      List<LoadParticipant> everyone = new ArrayList<>();
      ScheduledExecutorService pings = Executors.newScheduledThreadPool(2);
      try (ExecutorService offers = Executors.newVirtualThreadPerTaskExecutor();
          ExecutorService joins = Executors.newFixedThreadPool(8)) {
        List<Future<LoadParticipant>> joining = new ArrayList<>();
        for (int m = 0; m < scenario.meetings(); m++) {
          Matcher number = NUMBER.matcher(KaihuiRest.post(http, url + "api/v1/meetings", cookie,
              "{\"title\":\"Load " + (m + 1) + "\",\"allowGuests\":true}").body());
          if (!number.find()) {
            throw new IllegalStateException("no meeting number in the answer");
          }
          for (int i = 0; i < scenario.publishers() + scenario.subscribers(); i++) {
            boolean publisher = i < scenario.publishers();
            String name = "m" + (m + 1) + (publisher ? "-p" : "-s") + (i + 1);
            joining.add(joins.submit(() -> LoadParticipant.join(name, publisher, http, url,
                number.group(1), recorded, offers, pings, delays)));
            // People arrive over time, not all in one instant: each join costs the server a
            // DTLS handshake per PeerConnection.
            Thread.sleep(1000L / scenario.joinsPerSecond());
          }
        }
        for (Future<LoadParticipant> f : joining) {
          everyone.add(f.get());
        }
        awaitMedia(scenario, everyone);
        Thread.sleep(scenario.warmupSeconds() * 1000L);

        delays.reset();
        ProcessStats before = ProcessStats.of(server.pid());
        everyone.forEach(p -> p.counting(true));
        Thread.sleep(scenario.seconds() * 1000L);
        everyone.forEach(p -> p.counting(false));
        ProcessStats after = ProcessStats.of(server.pid());

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
          throw new IllegalStateException("the media did not arrive intact: " + problems);
        }
        return new LoadResult("kaihui", scenario, packets, bytes,
            after.cpuSeconds() - before.cpuSeconds(), delays.percentileMs(50),
            delays.percentileMs(99), delays.maxMs(), lost, since, unstamped, after.rssBytes());
      } finally {
        everyone.forEach(LoadParticipant::close);
        pings.shutdownNow();
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
