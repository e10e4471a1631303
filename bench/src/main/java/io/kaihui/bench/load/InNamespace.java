package io.kaihui.bench.load;

import io.kaihui.e2e.NetworkNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a benchmark's main class again inside a new loopback-only network namespace (when this
 * process may make one: root and {@code ip}), with the same class path and server jar, so that
 * everything it starts that speaks ICE stays off the machine's own addresses.
 */
public final class InNamespace {

  private static final String INSIDE = "KAIHUI_BENCH_INSIDE";

  /** The address of the veth end Janus uses, inside the namespace. */
  public static final String JANUS_ADDRESS = "10.77.0.1";

  /** The address of the other veth end, for the participants. */
  public static final String PEER_ADDRESS = "10.77.0.2";

  private InNamespace() {}

  /** Whether this process should run itself again in a namespace (it is not in one yet). */
  public static boolean shouldRerun() {
    return System.getenv(INSIDE) == null && NetworkNamespace.canCreate();
  }

  /**
   * Runs {@code main} in a new JVM, in a new namespace when one can be made, and waits.
   *
   * @param main the class whose {@code main} to run
   * @param args its arguments
   * @param output where its standard output and error go; null to share this process's
   * @return its exit status
   */
  public static int run(Class<?> main, String[] args, Path output)
      throws IOException, InterruptedException {
    return run(main, args, output, false);
  }

  /**
   * Runs {@code main} as {@link #run(Class, String[], Path)} does; with {@code veth}, the new
   * namespace also gets a veth pair with both ends inside ({@link #JANUS_ADDRESS} on {@code v0},
   * {@link #PEER_ADDRESS} on {@code v1}), for Janus, which ignores loopback.
   */
  public static int run(Class<?> main, String[] args, Path output, boolean veth)
      throws IOException, InterruptedException {
    try (NetworkNamespace ns = NetworkNamespace.create()) {
      if (ns != null && veth) {
        ns.addVethPair("v0", JANUS_ADDRESS + "/24", "v1", PEER_ADDRESS + "/24");
      }
      List<String> command = new ArrayList<>(List.of(
          ProcessHandle.current().info().command().orElse("java"),
          "-Dkaihui.serverJar=" + System.getProperty("kaihui.serverJar",
              "../server/target/kaihui-server.jar"),
          "-Dkaihui.serverJavaOptions=" + System.getProperty("kaihui.serverJavaOptions", ""),
          "-cp", System.getProperty("java.class.path"), main.getName()));
      command.addAll(List.of(args));
      ProcessBuilder pb = new ProcessBuilder(ns == null ? command : ns.wrap(command));
      if (output == null) {
        pb.inheritIO();
      } else {
        pb.redirectErrorStream(true).redirectOutput(output.toFile());
      }
      pb.environment().put(INSIDE, "1");
      return pb.start().waitFor();
    }
  }
}
