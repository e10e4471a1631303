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

  /**
   * Adds a veth pair with both ends inside this namespace, each with an address and up: a
   * non-loopback network for programs that ignore loopback (Janus's libnice), still reaching
   * nothing outside.
   *
   * @param first the first end's name, e.g. {@code v0}
   * @param firstAddress its address with prefix, e.g. {@code 10.77.0.1/24}
   * @param second the second end's name
   * @param secondAddress its address with prefix
   * @throws IllegalStateException if {@code ip} fails
   */
  public void addVethPair(String first, String firstAddress, String second,
      String secondAddress) {
    String[][] steps = {
        {"link", "add", first, "type", "veth", "peer", "name", second},
        {"addr", "add", firstAddress, "dev", first},
        {"addr", "add", secondAddress, "dev", second},
        {"link", "set", first, "up"},
        {"link", "set", second, "up"}};
    for (String[] step : steps) {
      List<String> command = new ArrayList<>(List.of("ip", "netns", "exec", name, "ip"));
      command.addAll(List.of(step));
      if (run(command.toArray(String[]::new)) != 0) {
        throw new IllegalStateException("cannot set up veth in " + name + ": "
            + String.join(" ", command));
      }
    }
    // Both ends are local here, so what one end sends out of its device arrives at the other
    // with a local source address: a "martian" the kernel drops unless told to accept it.
    StringBuilder accept = new StringBuilder();
    for (String dev : List.of("all", first, second)) {
      accept.append("echo 1 > /proc/sys/net/ipv4/conf/").append(dev).append("/accept_local; ")
          .append("echo 0 > /proc/sys/net/ipv4/conf/").append(dev).append("/rp_filter; ");
    }
    if (run("ip", "netns", "exec", name, "sh", "-c", accept.toString()) != 0) {
      throw new IllegalStateException("cannot accept local sources on the veth in " + name);
    }
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
