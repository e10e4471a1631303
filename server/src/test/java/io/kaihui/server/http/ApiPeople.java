package io.kaihui.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kaihui.server.KaihuiServer;
import io.kaihui.server.http.AccountRoutesTest.Browser;
import io.kaihui.server.http.AccountRoutesTest.SocketWatcher;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** People of the friends, chat and call API tests: signed-in browsers of new accounts. */
final class ApiPeople {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger NAMES = new AtomicInteger(1);

  private ApiPeople() {}

  /** A browser signed in to a new account. */
  record Person(Browser browser, long id, String username) {}

  /** Registers a new account (username {@code <prefix>_<pid>_<n>}) in a browser of its own. */
  static Person person(KaihuiServer server, String prefix) throws Exception {
    Browser b = new Browser(server);
    String name = prefix + "_" + ProcessHandle.current().pid() % 1000 + "_"
        + NAMES.getAndIncrement();
    return new Person(b, b.register(name).path("userId").asLong(), name);
  }

  /** A response's JSON body. */
  static JsonNode json(HttpResponse<byte[]> r) throws Exception {
    return JSON.readTree(r.body());
  }

  /** Whether a socket has received a frame containing the text. */
  static boolean received(SocketWatcher w, String fragment) {
    synchronized (w.texts) {
      return w.texts.stream().anyMatch(t -> t.contains(fragment));
    }
  }

  /** Waits up to 10 s for a frame containing the text. */
  static void await(SocketWatcher w, String fragment) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!received(w, fragment)) {
      if (System.nanoTime() > deadline) {
        synchronized (w.texts) {
          throw new AssertionError("no frame with " + fragment + " in 10 s: " + w.texts);
        }
      }
      Thread.sleep(20);
    }
  }
}
