package io.kaihui.bench.janus;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaihui.bench.load.InNamespace;
import io.kaihui.media.testing.ReceivedStream;
import io.kaihui.media.testing.SyntheticParticipant;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.time.Duration;

/**
 * Starts Janus as the benchmarks do and checks the whole path the load generator takes through
 * its VideoRoom: a session, a handle, a room created and found in the room list, then two
 * synthetic participants that publish and subscribe to each other ({@link JanusPeer}) until
 * each receives the other's audio and video, decrypted and tagged by their sender. Prints
 * {@code videoroom ok, room <id>, 2 publishers, <n> packets received} and exits 0, or fails.
 * Runs itself in a namespace with the veth pair Janus needs.
 */
public final class JanusCheck {

  private JanusCheck() {}

  /** Runs the check. */
  public static void main(String[] args) throws Exception {
    if (InNamespace.shouldRerun()) {
      System.exit(InNamespace.run(JanusCheck.class, args, null, true));
    }
    HttpClient http = HttpClient.newHttpClient();
    try (JanusProcess janus = JanusProcess.start();
        JanusSession session = JanusSession.create(http, janus.url())) {
      long handle = session.attach("janus.plugin.videoroom");
      long room = JanusProcess.createRoom(session, handle, 10);
      JsonNode list = session.request(handle, JanusSession.body("list"));
      boolean found = false;
      for (JsonNode r : list.path("list")) {
        found |= r.path("room").asLong() == room;
      }
      if (!found) {
        throw new IllegalStateException("room " + room + " is not listed: " + list);
      }
      SyntheticParticipant.Options options = SyntheticParticipant.Options.chromium()
          .withBind(InetAddress.getByName(InNamespace.PEER_ADDRESS));
      try (SyntheticParticipant a = new SyntheticParticipant("a", options);
          SyntheticParticipant b = new SyntheticParticipant("b", options);
          JanusPeer peerA = JanusPeer.join(http, janus.url(), room, "a", true, a);
          JanusPeer peerB = JanusPeer.join(http, janus.url(), room, "b", true, b)) {
        long received;
        try {
          received = awaitStreams(a, peerA) + awaitStreams(b, peerB);
        } catch (IllegalStateException e) {
          System.err.println("Janus's log:\n" + janus.log());
          throw e;
        }
        System.out.println("videoroom ok, room " + room + ", 2 publishers, " + received
            + " packets received (Janus pid " + janus.pid() + ")");
      }
    }
    System.exit(0);
  }

  /** Waits until a participant receives two streams with packets in order; returns packets. */
  private static long awaitStreams(SyntheticParticipant p, JanusPeer peer)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      var streams = p.subscribeConnection().streams().values();
      long receiving = streams.stream().filter(s -> s.packets() > 20).count();
      if (receiving >= 2) {
        for (ReceivedStream s : streams) {
          if (s.untaggedPackets() > 0 || p.subscribeConnection().srtpFailures() > 0) {
            throw new IllegalStateException(p.name() + ": stream " + s + " has packets that are"
                + " not the other participant's, or SRTP failures");
          }
        }
        return streams.stream().mapToLong(ReceivedStream::packets).sum();
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(p.name() + " receives " + receiving + " of 2 streams;"
            + " publish connected=" + p.publishConnection().isConnected()
            + ", subscribe connected=" + p.subscribeConnection().isConnected()
            + ", feeds subscribed=" + peer.subscribedFeeds()
            + ", subscriber failure=" + peer.failure()
            + ", publish checks answered=" + p.publishConnection().checksAnswered()
            + ", publish successes=" + p.publishConnection().stunSuccesses()
            + ", subscribe checks answered=" + p.subscribeConnection().checksAnswered()
            + ", subscribe successes=" + p.subscribeConnection().stunSuccesses()
            + ", publish other STUN=" + p.publishConnection().stunOther()
            + ", publish datagrams=" + p.publishConnection().datagramsReceived()
            + ", publish error=" + p.publishConnection().receiveError());
      }
      Thread.sleep(50);
    }
  }
}
