package io.kaihui.bench.janus;

import io.kaihui.bench.load.InNamespace;
import io.kaihui.bench.load.LoadTarget;
import io.kaihui.media.testing.SyntheticParticipant;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;

/**
 * Janus as a load run's server: {@link JanusProcess} started with the configuration the
 * benchmarks write, one VideoRoom per meeting, and participants who join as {@link JanusPeer}s,
 * bound to the veth end {@link InNamespace#PEER_ADDRESS} that Janus's ICE reaches.
 */
public final class JanusTarget implements LoadTarget {

  private static final String VIDEOROOM = "janus.plugin.videoroom";

  private final JanusProcess janus;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JanusSession admin;
  private final long adminHandle;

  private JanusTarget(JanusProcess janus, JanusSession admin, long adminHandle) {
    this.janus = janus;
    this.admin = admin;
    this.adminHandle = adminHandle;
  }

  /**
   * Starts Janus; must run inside the benchmark's namespace with its veth pair.
   *
   * @throws IllegalStateException if Janus is not installed or does not start
   */
  public static JanusTarget start() throws Exception {
    JanusProcess janus = JanusProcess.start();
    try {
      JanusSession admin = JanusSession.create(HttpClient.newHttpClient(), janus.url());
      return new JanusTarget(janus, admin, admin.attach(VIDEOROOM));
    } catch (Exception | Error e) {
      janus.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "janus";
  }

  @Override
  public long pid() {
    return janus.pid();
  }

  @Override
  public InetAddress participantAddress() {
    try {
      return InetAddress.getByName(InNamespace.PEER_ADDRESS);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public String newMeeting(int index, int size) throws Exception {
    return Long.toString(JanusProcess.createRoom(admin, adminHandle, Math.max(2, size)));
  }

  @Override
  public AutoCloseable join(String meeting, String name, boolean publisher,
      SyntheticParticipant media) throws Exception {
    return JanusPeer.join(http, janus.url(), Long.parseLong(meeting), name, publisher, media);
  }

  @Override
  public void close() throws Exception {
    try {
      admin.close();
    } finally {
      janus.close();
    }
  }
}
