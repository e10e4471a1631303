package io.kaihui.bench;

import io.kaihui.e2e.Chromium;
import io.kaihui.e2e.NetworkNamespace;
import io.kaihui.e2e.ServerProcess;

/**
 * What a browser benchmark runs on: a loopback-only network namespace (required: WebRTC here
 * must not touch the machine's own interfaces), the server jar and Chromium inside it.
 */
public final class BenchEnvironment implements AutoCloseable {

  private final NetworkNamespace namespace;
  private final ServerProcess server;
  private final Chromium chromium;

  private BenchEnvironment(NetworkNamespace namespace, ServerProcess server, Chromium chromium) {
    this.namespace = namespace;
    this.server = server;
    this.chromium = chromium;
  }

  /**
   * Creates the namespace and starts the server and Chromium in it.
   *
   * @throws IllegalStateException if Chromium is missing or no namespace can be made (the
   *     benchmarks must run as root with {@code ip})
   */
  public static BenchEnvironment start() throws Exception {
    if (!Chromium.available()) {
      throw new IllegalStateException("Chromium not found at " + Chromium.EXECUTABLE);
    }
    NetworkNamespace namespace = NetworkNamespace.create();
    if (namespace == null) {
      throw new IllegalStateException("the benchmarks run WebRTC inside a loopback-only network"
          + " namespace: run them as root with `ip` (iproute2) installed");
    }
    ServerProcess server = null;
    try {
      server = ServerProcess.start(namespace);
      return new BenchEnvironment(namespace, server, Chromium.launch(namespace));
    } catch (Exception | Error e) {
      try {
        if (server != null) {
          server.close();
        }
      } finally {
        namespace.close();
      }
      throw e;
    }
  }

  /** The server. */
  public ServerProcess server() {
    return server;
  }

  /** Chromium. */
  public Chromium chromium() {
    return chromium;
  }

  @Override
  public void close() {
    try {
      chromium.close();
    } finally {
      try {
        server.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        namespace.close();
      }
    }
  }
}
