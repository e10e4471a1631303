package io.kaihui.bench.load;

import io.kaihui.bench.BenchOptions;
import io.kaihui.e2e.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How many signed-in WebSocket clients one server holds: opens {@code --clients} sockets (in
 * steps of {@code --step}), each signed in with the cookie of one of {@code --accounts}
 * accounts (a person may have many tabs) and sending the web client's heartbeat, a {@code ping}
 * every 5 s. After each step it holds for {@code --hold} seconds and reports the server's RSS,
 * its live heap after a full GC and that heap per socket above the empty server's, the
 * server's CPU during the hold, and the share of heartbeats answered. Sockets go to 127.0.0.1 ... 127.0.0.{@code --addresses} (the server
 * listens on every address of its loopback-only namespace), so that no one address pair runs
 * out of ephemeral ports. It stops at the first step where a socket fails to open or closes.
 *
 * <pre>
 * ./mvnw -B -q -pl bench compile exec:exec -Dbench=load.SignalingScale -Dbench.args="--clients=18000"
 * </pre>
 *
 * <p>Both processes are limited to 20 000 open files here, so about 19 000 sockets is the
 * ceiling this machine allows.
 */
public final class SignalingScale {

  private static final Pattern USED = Pattern.compile("heap\\s+total[^\\n]*?used (\\d+)K");

  private SignalingScale() {}

  /** Runs (in a namespace when one can be made) and prints one table row per step. */
  public static void main(String[] args) throws Exception {
    if (InNamespace.shouldRerun()) {
      System.exit(InNamespace.run(SignalingScale.class, args, null));
    }
    BenchOptions o = BenchOptions.parse(args);
    int clients = o.integer("clients", 10_000);
    int step = o.integer("step", 2_000);
    int accounts = o.integer("accounts", 20);
    int addresses = o.integer("addresses", 8);
    int hold = o.integer("hold", 15);
    String csv = o.values().get("csv");
    try (ServerProcess server = ServerProcess.start(null,
        List.of("--http-host=0.0.0.0", "--session-single=false"))) {
      int port = URI.create(server.url()).getPort();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
      List<String> cookies = new ArrayList<>();
      for (int i = 0; i < accounts; i++) {
        cookies.add(KaihuiRest.register(http, server.url(),
            "scale_" + ProcessHandle.current().pid() % 1000 + "_" + i, "Scale"));
      }
      Thread.sleep(3000);
      ProcessStats empty = ProcessStats.of(server.pid());
      long emptyHeap = heapUsedAfterGc(server.pid());
      AtomicLong answered = new AtomicLong();
      AtomicLong closed = new AtomicLong();
      List<WebSocket> sockets = new ArrayList<>();
      ScheduledExecutorService pings = Executors.newScheduledThreadPool(2);
      System.out.println("| sockets | server RSS MB | live heap after GC MB | heap per socket KB"
          + " | server CPU during heartbeats, % of a core | heartbeats answered |");
      System.out.println("| --- | --- | --- | --- | --- | --- |");
      try {
        while (sockets.size() < clients) {
          int target = Math.min(clients, sockets.size() + step);
          try {
            while (sockets.size() < target) {
              int n = sockets.size();
              String host = "127.0.0." + (1 + n % addresses);
              WebSocket ws = http.newWebSocketBuilder()
                  .header("Cookie", cookies.get(n % cookies.size()))
                  .buildAsync(URI.create("ws://" + host + ":" + port + "/ws"),
                      new Counter(answered, closed))
                  .get(30, TimeUnit.SECONDS);
              sockets.add(ws);
              long id = n;
              pings.scheduleAtFixedRate(() -> ws.sendText(
                  "{\"type\":\"ping\",\"id\":" + (id + 1) + ",\"away\":false}", true),
                  (n * 7L) % 5000, 5000, TimeUnit.MILLISECONDS);
            }
          } catch (Exception e) {
            System.out.println("stopped at " + sockets.size() + " sockets: " + e);
            break;
          }
          Thread.sleep(5000); // every socket's first heartbeat
          long answeredBefore = answered.get();
          ProcessStats before = ProcessStats.of(server.pid());
          Thread.sleep(hold * 1000L);
          ProcessStats after = ProcessStats.of(server.pid());
          long answeredInHold = answered.get() - answeredBefore;
          double expected = sockets.size() * (hold / 5.0);
          long heap = heapUsedAfterGc(server.pid());
          String row = String.format(Locale.ROOT, "| %d | %.0f | %.0f | %.1f | %.1f | %.1f %% |",
              sockets.size(), after.rssBytes() / 1e6, heap / 1e6,
              (heap - emptyHeap) / 1024.0 / sockets.size(),
              100 * (after.cpuSeconds() - before.cpuSeconds()) / hold,
              100 * answeredInHold / expected);
          System.out.println(row);
          if (csv != null) {
            Files.writeString(Path.of(csv), row + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
          }
          if (closed.get() > 0) {
            System.out.println("stopped: " + closed.get() + " sockets were closed");
            break;
          }
        }
      } finally {
        pings.shutdownNow();
        sockets.forEach(WebSocket::abort);
      }
    }
    System.exit(0);
  }

  /**
   * The server's live Java heap after a full collection, bytes, from {@code jcmd <pid> GC.run}
   * then {@code GC.heap_info} (the JDK's own tool, next to this JVM's {@code java}).
   */
  static long heapUsedAfterGc(long pid) throws Exception {
    Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow())
        .resolveSibling("jcmd");
    jcmd(jcmd, pid, "GC.run");
    Matcher m = USED.matcher(jcmd(jcmd, pid, "GC.heap_info"));
    if (!m.find()) {
      throw new IllegalStateException("no heap figure from jcmd " + pid + " GC.heap_info");
    }
    return Long.parseLong(m.group(1)) * 1024;
  }

  private static String jcmd(Path jcmd, long pid, String command) throws Exception {
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
    }
    return out;
  }


  /** Counts the answers to heartbeats, and closes. */
  private record Counter(AtomicLong answered, AtomicLong closed) implements WebSocket.Listener {
    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      if (data.toString().startsWith("{\"type\":\"ok\"")) {
        answered.incrementAndGet();
      }
      ws.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      closed.incrementAndGet();
      return null;
    }
  }
}
