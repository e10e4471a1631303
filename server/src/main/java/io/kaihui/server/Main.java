package io.kaihui.server;

import io.kaihui.server.config.ConfigException;
import io.kaihui.server.config.ServerConfig;

/** Starts Kaihui from the command line: {@code java -jar kaihui-server.jar [--key=value...]}. */
public final class Main {

  private Main() {}

  /**
   * Reads the settings, starts the server and prints the address to open.
   *
   * @param args {@code --key=value} settings, see {@link ServerConfig}
   */
  public static void main(String[] args) {
    // Avatars are scaled with Java 2D; a server has no display to open.
    System.setProperty("java.awt.headless", "true");
    ServerConfig config;
    try {
      config = ServerConfig.load(args, System.getenv());
    } catch (ConfigException e) {
      System.err.println("kaihui: " + e.getMessage());
      System.exit(2);
      return;
    }
    KaihuiServer server;
    try {
      server = KaihuiServer.start(config);
    } catch (RuntimeException e) {
      System.err.println("kaihui: cannot start: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "kaihui-shutdown"));
    System.out.println("Kaihui is running. Open " + server.url() + " in your browser.");
    if (!server.lanUrls().isEmpty()) {
      System.out.println("From other devices: " + String.join(" or ", server.lanUrls())
          + " (accept the self-signed certificate once).");
    }
    System.out.flush();
  }
}
