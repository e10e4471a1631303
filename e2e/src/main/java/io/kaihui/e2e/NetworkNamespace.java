package io.kaihui.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Linux network namespace that has only loopback, so that WebRTC between the server and
 * Chromium never uses this machine's own interfaces. Used when the tests run as root and
 * {@code ip} exists; elsewhere {@link #create()} returns null and the tests run without one.
 */
public final class NetworkNamespace implements AutoCloseable {

  private final String name;

  private NetworkNamespace(String name) {
    this.name = name;
  }

  /**
   * Creates a namespace with loopback up, or returns null when this machine cannot (not root,
   * no {@code ip}).
   *
   * @throws IllegalStateException if creation was possible but failed
   */
  public static NetworkNamespace create() {
    if (!canCreate()) {
      return null;
    }
    String name = "kaihui-e2e-" + ProcessHandle.current().pid();
    run("ip", "netns", "del", name); // a leftover of a killed run; failure is fine
    if (run("ip", "netns", "add", name) != 0
        || run("ip", "netns", "exec", name, "ip", "link", "set", "lo", "up") != 0) {
      throw new IllegalStateException("cannot create network namespace " + name);
    }
    return new NetworkNamespace(name);
  }

  /** Whether this process runs as root and has the {@code ip} tool. */
  public static boolean canCreate() {
    return "root".equals(System.getProperty("user.name")) && findIp() != null;
  }

  /** Prefixes a command so that it runs inside this namespace. */
  public List<String> wrap(List<String> command) {
    List<String> out = new ArrayList<>(List.of(findIp(), "netns", "exec", name));
    out.addAll(command);
    return out;
  }

  /** The namespace's name. */
  public String name() {
    return name;
  }

  @Override
  public void close() {
    run("ip", "netns", "del", name);
  }

  private static String findIp() {
    for (String dir : List.of("/usr/sbin", "/sbin", "/usr/bin", "/bin")) {
      Path p = Path.of(dir, "ip");
      if (Files.isExecutable(p)) {
        return p.toString();
      }
    }
    return null;
  }

  private static int run(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(20, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return -1;
      }
      return p.exitValue();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
