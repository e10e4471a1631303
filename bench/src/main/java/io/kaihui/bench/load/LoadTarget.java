package io.kaihui.bench.load;

import io.kaihui.media.testing.SyntheticParticipant;
import java.net.InetAddress;

/**
 * The SFU a load run measures, started for the run and stopped after it: Kaihui
 * ({@link KaihuiTarget}) or Janus ({@code janus.JanusTarget}). It makes meetings and lets the
 * same synthetic participants into them through its own signaling; the run then measures the
 * same things on both.
 */
public interface LoadTarget extends AutoCloseable {

  /** The server's name in results: {@code kaihui} or {@code janus}. */
  String name();

  /** The server's process id, for its CPU time and memory. */
  long pid();

  /** The address participants bind and announce (the server's ICE must reach it). */
  InetAddress participantAddress();

  /**
   * Makes a meeting for everyone the scenario puts in it.
   *
   * @param index 0, 1, 2... within the run
   * @param size how many people will join it
   * @return the meeting's id for {@link #join}
   */
  String newMeeting(int index, int size) throws Exception;

  /**
   * Lets a synthetic participant into a meeting through the server's signaling: it publishes
   * its audio and video when a publisher, and subscribes to everyone else who publishes, now
   * and later. Returns once joined (and, for a publisher, once its offer is answered); media
   * flows when ICE and DTLS complete.
   *
   * @param meeting an id from {@link #newMeeting}
   * @param name the display name
   * @param publisher whether it publishes
   * @param media the synthetic browser, bound to {@link #participantAddress()}
   * @return what to close when it leaves (its signaling; the media is closed separately)
   * @throws Exception if the server refuses
   */
  AutoCloseable join(String meeting, String name, boolean publisher, SyntheticParticipant media)
      throws Exception;
}
