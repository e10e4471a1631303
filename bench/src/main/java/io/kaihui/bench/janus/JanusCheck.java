package io.kaihui.bench.janus;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaihui.bench.load.InNamespace;
import java.net.http.HttpClient;

/**
 * Starts Janus as the benchmarks do and checks its VideoRoom through the REST API: a session, a
 * handle, a room created for 100 publishers and found in the room list, and a publisher joining
 * it (an asynchronous request answered through the long poll). Prints
 * {@code videoroom ok, room <id>, publisher <id> joined} and exits 0, or fails. Runs itself in a namespace with the
 * veth pair Janus needs.
 */
public final class JanusCheck {

  private JanusCheck() {}

  /** Runs the check. */
  public static void main(String[] args) throws Exception {
    if (InNamespace.shouldRerun()) {
      System.exit(InNamespace.run(JanusCheck.class, args, null, true));
    }
    try (JanusProcess janus = JanusProcess.start();
        JanusSession session = JanusSession.create(HttpClient.newHttpClient(), janus.url())) {
      long handle = session.attach("janus.plugin.videoroom");
      JsonNode created = session.request(handle, JanusSession.body("create")
          .put("publishers", 100).put("description", "kaihui benchmark"));
      long room = created.path("room").asLong();
      JsonNode list = session.request(handle, JanusSession.body("list"));
      boolean found = false;
      for (JsonNode r : list.path("list")) {
        found |= r.path("room").asLong() == room;
      }
      if (room == 0 || !found) {
        throw new IllegalStateException("room " + room + " is not listed: " + list);
      }
      // An asynchronous request: its answer comes as an event of the long poll.
      String transaction = session.send(handle, JanusSession.body("join")
          .put("ptype", "publisher").put("room", room).put("display", "check"), null);
      JsonNode joined = null;
      for (int i = 0; i < 3 && joined == null; i++) {
        for (JsonNode e : session.poll()) {
          if (e.path("transaction").asText().equals(transaction)) {
            joined = e.path("plugindata").path("data");
          }
        }
      }
      if (joined == null || !joined.path("videoroom").asText().equals("joined")) {
        throw new IllegalStateException("no joined event for the publisher: " + joined);
      }
      System.out.println("videoroom ok, room " + room + ", publisher "
          + joined.path("id").asLong() + " joined (Janus pid " + janus.pid() + ")");
    }
    System.exit(0);
  }
}
