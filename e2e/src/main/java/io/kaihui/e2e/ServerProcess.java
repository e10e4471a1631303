package io.kaihui.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Kaihui server jar running as a child process (inside the namespace when there is one), on
 * a free HTTP port and a free media port, with its own data directory. Its output goes to
 * {@code target/server-<n>.log}.
 */
public final class ServerProcess implements AutoCloseable {

  private static final Pattern URL = Pattern.compile("Open (http://\\S+/) in your browser");

  private final Process process;
  private final String url;
  private final Path log;
  private final Path dataDir;
  private final NetworkNamespace namespace;
  private final List<String> settings;

  private ServerProcess(Process process, String url, Path log, Path dataDir,
      NetworkNamespace namespace, List<String> settings) {
    this.process = process;
    this.url = url;
    this.log = log;
    this.dataDir = dataDir;
    this.namespace = namespace;
    this.settings = List.copyOf(settings);
  }

  /**
   * Starts the jar named by the {@code kaihui.serverJar} system property and waits until it
   * prints its URL.
   *
   * @param namespace where to run it, or null
   * @throws IllegalStateException if the jar is missing or the server does not start in 60 s
   */
  public static ServerProcess start(NetworkNamespace namespace)
      throws IOException, InterruptedException {
    return start(namespace, List.of());
  }

  /**
   * Starts the jar as {@link #start(NetworkNamespace)} does, with more settings.
   *
   * @param namespace where to run it, or null
   * @param settings more {@code --key=value} flags (docs/operations.md)
   * @throws IllegalStateException if the jar is missing or the server does not start in 60 s
   */
  public static ServerProcess start(NetworkNamespace namespace, List<String> settings)
      throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("kaihui.serverJar", "../server/target/kaihui-server.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("server jar not found at " + jar.toAbsolutePath()
          + ": build it first (mvn package)");
    }
    Path dataDir = settings.stream().filter(s -> s.startsWith("--data-dir=")).findFirst()
        .map(s -> Path.of(s.substring("--data-dir=".length())))
        .orElse(Files.createTempDirectory("kaihui-e2e-data"));
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java));
    // For profiling: e.g. -Dkaihui.serverJavaOptions="-XX:StartFlightRecording=filename=s.jfr"
    String options = System.getProperty("kaihui.serverJavaOptions", "").trim();
    if (!options.isEmpty()) {
      command.addAll(List.of(options.split("\\s+")));
    }
    command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
        "--http-port=0", "--https-port=0", "--media-port=0", "--data-dir=" + dataDir,
        // Only loopback: WebRTC here never goes to the machine's own addresses.
        "--media-announced-addresses=127.0.0.1"));
    command.addAll(settings);
    if (namespace != null) {
      command = namespace.wrap(command);
    }
    Path log = Files.createTempFile(Files.createDirectories(Path.of("target")), "server-", ".log");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    BlockingQueue<String> urls = new ArrayBlockingQueue<>(1);
    Thread.ofPlatform().daemon().name("server-log").start(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
          var out = Files.newBufferedWriter(log)) {
        String line;
        while ((line = r.readLine()) != null) {
          out.write(line);
          out.newLine();
          out.flush();
          Matcher m = URL.matcher(line);
          if (m.find()) {
            urls.offer(m.group(1).replace("localhost", "127.0.0.1"));
          }
        }
      } catch (IOException e) {
        // The process ended.
      }
    });
    String url = urls.poll(60, TimeUnit.SECONDS);
    if (url == null) {
      p.destroyForcibly();
      throw new IllegalStateException("server did not start in 60 s; see " + log.toAbsolutePath()
          + ":\n" + Files.readString(log));
    }
    return new ServerProcess(p, url, log, dataDir, namespace, settings);
  }

  /**
   * Kills the server as a crash would ({@code kill -9}: no shutdown hook runs) and starts it
   * again on the same data directory and settings; the HTTP port may differ.
   *
   * @return the new server
   * @throws IllegalStateException if it does not start again in 60 s
   */
  public ServerProcess crashAndRestart() throws IOException, InterruptedException {
    return crashAndRestart(false);
  }

  /**
   * {@link #crashAndRestart()}, on the same HTTP port if asked: as a server that comes back at
   * its address, so that pages keep their origin (and what they stored for it).
   */
  public ServerProcess crashAndRestart(boolean samePort) throws IOException,
      InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    List<String> again = new ArrayList<>(settings.stream()
        .filter(s -> !s.startsWith("--data-dir=") && !s.startsWith("--http-port=")).toList());
    again.add("--data-dir=" + dataDir);
    if (samePort) {
      again.add("--http-port=" + java.net.URI.create(url).getPort());
    }
    return start(namespace, again);
  }

  /** The server's data directory. */
  public Path dataDir() {
    return dataDir;
  }

  /** The server's process id (`ip netns exec` runs it in place, so the same inside one). */
  public long pid() {
    return process.pid();
  }

  /** The server's base URL, ending in a slash. */
  public String url() {
    return url;
  }

  /** The server's log so far. */
  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
