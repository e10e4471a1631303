package io.kaihui.bench.janus;

import io.kaihui.bench.load.InNamespace;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Janus (Debian's {@code janus} package) as the benchmarks' reference SFU: started with a
 * configuration written here, loading only the VideoRoom plugin and the HTTP transport, its
 * REST API on {@link InNamespace#JANUS_ADDRESS}:8088, ICE only on the veth end {@code v0}
 * (libnice ignores loopback). Runs where this process runs, which must be inside the benchmark's
 * namespace with that veth pair.
 */
public final class JanusProcess implements AutoCloseable {

  /** The Janus binary of the Debian package. */
  public static final Path EXECUTABLE = Path.of("/usr/bin/janus");

  private static final Path LIBS = Path.of("/usr/lib/x86_64-linux-gnu/janus");

  private final Process process;
  private final Path dir;
  private final StringBuffer log = new StringBuffer();

  private JanusProcess(Process process, Path dir) {
    this.process = process;
    this.dir = dir;
  }

  /** Whether Janus is installed. */
  public static boolean available() {
    return Files.isExecutable(EXECUTABLE) && Files.isDirectory(LIBS.resolve("plugins"));
  }

  /**
   * Installs Debian's {@code janus} package when it is missing and this process is root (the
   * benchmarks' "install if missing"); prints what it does. Must run outside the benchmark's
   * namespace, which has no network.
   *
   * @throws IllegalStateException if Janus is missing and cannot be installed here
   */
  public static void install() throws IOException, InterruptedException {
    if (available()) {
      return;
    }
    boolean root = "root".equals(System.getProperty("user.name"));
    if (!root || !Files.isExecutable(Path.of("/usr/bin/apt-get"))) {
      throw new IllegalStateException("Janus is not installed and this is not root with"
          + " apt-get: install it with `apt-get install -y janus`, or run with --server=kaihui");
    }
    System.err.println("Janus is missing: apt-get install -y janus");
    Process p = new ProcessBuilder("apt-get", "install", "-y", "janus").inheritIO().start();
    if (p.waitFor() != 0 || !available()) {
      throw new IllegalStateException("apt-get install -y janus failed (exit " + p.exitValue()
          + ")");
    }
  }

  /**
   * Writes the configuration and starts Janus; returns once its HTTP API listens.
   *
   * @throws IllegalStateException if it is not installed or does not start in 30 s
   */
  public static JanusProcess start() throws IOException, InterruptedException {
    if (!available()) {
      throw new IllegalStateException("Janus is not installed (apt-get install -y janus)");
    }
    Path dir = Files.createTempDirectory("kaihui-janus");
    writeConfig(dir);
    Process p = new ProcessBuilder(List.of(EXECUTABLE.toString(), "-F", dir.toString(),
        "-C", dir.resolve("janus.jcfg").toString())).redirectErrorStream(true).start();
    JanusProcess janus = new JanusProcess(p, dir);
    CountDownLatch listening = new CountDownLatch(1);
    Thread.ofPlatform().daemon().name("janus-log").start(() -> {
      try (BufferedReader r = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = r.readLine()) != null) {
          janus.log.append(line).append('\n');
          if (line.contains("HTTP webserver started")) {
            listening.countDown();
          }
        }
      } catch (IOException e) {
        // Janus ended.
      }
    });
    if (!listening.await(30, TimeUnit.SECONDS)) {
      janus.close();
      throw new IllegalStateException("Janus did not start in 30 s:\n" + janus.log());
    }
    return janus;
  }

  /** The REST API's base URL, {@code http://10.77.0.1:8088/janus}. */
  public String url() {
    return "http://" + InNamespace.JANUS_ADDRESS + ":8088/janus";
  }

  /** The process id, for its CPU time and memory. */
  public long pid() {
    return process.pid();
  }

  /** What Janus logged so far. */
  public String log() {
    return log.toString();
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }

  /**
   * Creates a VideoRoom for a benchmark: VP8 and Opus (what the participants send), no bitrate
   * cap, transport-wide congestion control on (Janus's default, as Kaihui's).
   *
   * @param session a session
   * @param handle a VideoRoom handle of it
   * @param publishers how many may publish at once
   * @return the room's id
   */
  public static long createRoom(JanusSession session, long handle, int publishers)
      throws Exception {
    long room = session.request(handle, JanusSession.body("create")
        .put("publishers", publishers).put("description", "kaihui benchmark")
        .put("videocodec", "vp8").put("audiocodec", "opus").put("bitrate", 0)
        .put("transport_wide_cc_ext", true)).path("room").asLong();
    if (room == 0) {
      throw new IllegalStateException("Janus created no room");
    }
    return room;
  }

  /** The directory of the configuration, for tests. */
  Path configDirectory() {
    return dir;
  }

  private static void writeConfig(Path dir) throws IOException {
    Files.writeString(dir.resolve("janus.jcfg"), """
        general: {
        \tconfigs_folder = "%s"
        \tplugins_folder = "%s/plugins"
        \ttransports_folder = "%s/transports"
        \tevents_folder = "%s/events"
        \tloggers_folder = "%s/loggers"
        \tdebug_level = 4
        }
        media: {
        \trtp_port_range = "20000-40000"
        }
        nat: {
        \tnice_debug = false
        \tice_enforce_list = "v0"
        }
        plugins: {
        \tdisable = "libjanus_audiobridge.so,libjanus_duktape.so,libjanus_echotest.so,\
        libjanus_lua.so,libjanus_nosip.so,libjanus_recordplay.so,libjanus_sip.so,\
        libjanus_streaming.so,libjanus_textroom.so,libjanus_videocall.so,libjanus_voicemail.so"
        }
        transports: {
        \tdisable = "libjanus_mqtt.so,libjanus_nanomsg.so,libjanus_pfunix.so,\
        libjanus_rabbitmq.so,libjanus_websockets.so"
        }
        events: {
        \tbroadcast = false
        }
        loggers: {
        \tdisable = "libjanus_jsonlog.so"
        }
        """.formatted(dir, LIBS, LIBS, LIBS, LIBS));
    Files.writeString(dir.resolve("janus.transport.http.jcfg"), """
        general: {
        \tjson = "compact"
        \tbase_path = "/janus"
        \thttp = true
        \tport = 8088
        \tip = "%s"
        \thttps = false
        }
        admin: {
        \tadmin_http = false
        }
        """.formatted(InNamespace.JANUS_ADDRESS));
    Files.writeString(dir.resolve("janus.plugin.videoroom.jcfg"), "general: {\n}\n");
  }
}
