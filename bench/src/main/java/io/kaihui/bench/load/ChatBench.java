package io.kaihui.bench.load;

import io.kaihui.bench.BenchOptions;
import io.kaihui.e2e.ServerProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Chat delivery through a real server process: {@code pairs} pairs of friends, each sender
 * sending to its friend as fast as the server acknowledges (one message in flight per sender,
 * {@code POST .../messages} answered 201 after the commit), each receiver on its own WebSocket.
 * Delivery latency is the time from just before the POST to the {@code message} event at the
 * receiver (same clock); throughput is acknowledged messages per second over the counted window.
 * Runs once per database: the embedded H2 and, when it answers, MariaDB on 127.0.0.1.
 *
 * <pre>
 * ./mvnw -B -q -pl bench compile exec:exec -Dbench=load.ChatBench -Dbench.args="--pairs=20 --seconds=15"
 * </pre>
 */
public final class ChatBench {

  private static final Pattern FIELD = Pattern.compile("\"(\\w+)\":(\\d+)");
  private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":\"([0-9a-f-]{36})\"");

  private ChatBench() {}

  /** Runs and prints one table row per database. */
  public static void main(String[] args) throws Exception {
    BenchOptions o = BenchOptions.parse(args);
    int pairs = o.integer("pairs", 20);
    int warmup = o.integer("warmup", 3);
    int seconds = o.integer("seconds", 15);
    System.out.println("| database | pairs | messages/s | latency p50 / p99 / max ms | lost |");
    System.out.println("| --- | --- | --- | --- | --- |");
    run("H2 (embedded)", List.of(), pairs, warmup, seconds);
    String mariadb = "kaihui_bench_" + ProcessHandle.current().pid();
    if (sql("CREATE DATABASE " + mariadb + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin")) {
      try {
        run("MariaDB", List.of("--db-url=jdbc:mariadb://127.0.0.1:3306/" + mariadb,
            "--db-user=root", "--db-password="), pairs, warmup, seconds);
      } finally {
        sql("DROP DATABASE " + mariadb);
      }
    } else {
      System.out.println("| MariaDB | (not reachable with `mariadb -u root`: skipped) | | | |");
    }
  }

  private static boolean sql(String statement) throws InterruptedException {
    try {
      Process p = new ProcessBuilder("mariadb", "-u", "root", "-h", "127.0.0.1", "-e", statement)
          .redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static void run(String name, List<String> settings, int pairs, int warmup,
      int seconds) throws Exception {
    List<String> all = new ArrayList<>(List.of("--session-single=false"));
    all.addAll(settings);
    try (ServerProcess server = ServerProcess.start(null, all)) {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
      String base = server.url();
      Histogram latency = new ConcurrentHistogram(3);
      Map<String, Long> sentAt = new ConcurrentHashMap<>();
      AtomicLong counted = new AtomicLong();
      AtomicLong received = new AtomicLong();
      AtomicLong windowStart = new AtomicLong(Long.MAX_VALUE);
      AtomicLong windowEnd = new AtomicLong(Long.MAX_VALUE);
      List<Thread> senders = new ArrayList<>();
      List<WebSocket> sockets = new ArrayList<>();
      CountDownLatch ready = new CountDownLatch(pairs);
      long tag = ProcessHandle.current().pid() % 1000;
      for (int i = 0; i < pairs; i++) {
        String a = KaihuiRest.register(http, base, "chat_a" + tag + "_" + i, "Sender " + i);
        String b = KaihuiRest.register(http, base, "chat_b" + tag + "_" + i, "Receiver " + i);
        long bId = field(get(http, base + "api/v1/me", b), "userId");
        long request = field(KaihuiRest.post(http, base + "api/v1/friend-requests", a,
            "{\"toUserId\":" + bId + "}").body(), "requestId");
        KaihuiRest.post(http, base + "api/v1/friend-requests/" + request + "/accept", b, "");
        long aId = field(get(http, base + "api/v1/me", a), "userId");
        long conversation = field(KaihuiRest.post(http, base + "api/v1/conversations/direct",
            a, "{\"userId\":" + bId + "}").body(), "conversationId");
        sockets.add(http.newWebSocketBuilder().header("Cookie", b)
            .buildAsync(URI.create(base.replace("http", "ws") + "ws"), new WebSocket.Listener() {
              private final StringBuilder partial = new StringBuilder();

              @Override
              public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                  String text = partial.toString();
                  partial.setLength(0);
                  if (text.startsWith("{\"type\":\"message\"")) {
                    long now = System.nanoTime();
                    Matcher m = CLIENT_ID.matcher(text);
                    Long at = m.find() ? sentAt.remove(m.group(1)) : null;
                    if (at != null && at >= windowStart.get() && at < windowEnd.get()) {
                      latency.recordValue(Math.max(1, (now - at) / 1000));
                      received.incrementAndGet();
                    }
                  }
                }
                ws.request(1);
                return null;
              }
            }).get(20, TimeUnit.SECONDS));
        String cookie = a;
        senders.add(Thread.ofPlatform().name("sender-" + i).unstarted(() -> {
          ready.countDown();
          while (!Thread.currentThread().isInterrupted()) {
            String clientId = UUID.randomUUID().toString();
            long start = System.nanoTime();
            sentAt.put(clientId, start);
            try {
              KaihuiRest.post(http, base + "api/v1/conversations/" + conversation
                  + "/messages", cookie, "{\"clientId\":\"" + clientId + "\",\"text\":\"m "
                  + start + " from " + aId + "\"}");
            } catch (InterruptedException e) {
              return;
            } catch (Exception e) {
              if (Thread.currentThread().isInterrupted()) {
                return;
              }
              throw new IllegalStateException(e);
            }
            if (start >= windowStart.get() && start < windowEnd.get()) {
              counted.incrementAndGet();
            }
          }
        }));
      }
      senders.forEach(Thread::start);
      ready.await();
      Thread.sleep(warmup * 1000L);
      windowStart.set(System.nanoTime());
      Thread.sleep(seconds * 1000L);
      windowEnd.set(System.nanoTime());
      senders.forEach(Thread::interrupt);
      for (Thread t : senders) {
        t.join(10_000);
      }
      Thread.sleep(1000);
      sockets.forEach(WebSocket::abort);
      double perSecond = counted.get() * 1e9 / (windowEnd.get() - windowStart.get());
      System.out.printf("| %s | %d | %.0f | %.2f / %.2f / %.2f | %d of %d |%n", name, pairs,
          perSecond, latency.getValueAtPercentile(50) / 1000.0,
          latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0,
          Math.max(0, counted.get() - received.get()), counted.get());
    }
  }

  private static String get(HttpClient http, String url, String cookie) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long field(String json, String name) {
    Matcher m = FIELD.matcher(json);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return Long.parseLong(m.group(2));
      }
    }
    throw new IllegalStateException("no " + name + " in " + json);
  }
}
