package io.kaihui.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The benchmarks' JavaScript (resources beside this class), joined into Playwright init scripts
 * that run in every page of a context before the page's own scripts.
 *
 * <ul>
 *   <li>{@code stamp-codec.js}: {@code KaihuiStamp}, the time stamp drawn as 64 blocks.
 *   <li>{@code stamped-camera.js}: {@code KaihuiCamera}, a 640x480 canvas camera stamping its
 *       capture time into every frame.
 *   <li>{@code camera-override.js}: makes {@code getUserMedia} return that camera.
 *   <li>{@code frame-probe.js}: {@code KaihuiProbe}, reads the stamp of every rendered frame.
 *   <li>{@code peer-connections.js}: {@code KaihuiPeers}, inbound video statistics.
 *   <li>{@code direct-call.js}: {@code KaihuiDirect}, a plain browser-to-browser call.
 *   <li>{@code join-probe.js}: {@code KaihuiJoin}, the times of a join in the meeting UI.
 * </ul>
 */
public final class PageScripts {

  private PageScripts() {}

  /** Only the stamp codec ({@code KaihuiStamp}). */
  public static String codec() {
    return load("stamp-codec.js");
  }

  /**
   * A meeting participant of the glass-to-glass benchmark: the app's camera is the stamped
   * canvas, every rendered frame is read.
   *
   * @param id the id (0 to 15) stamped into this participant's frames
   * @param fps frames per second the camera draws
   * @param audio whether to send the fake microphone too (otherwise there is no microphone)
   */
  public static String stampedParticipant(int id, int fps, boolean audio) {
    return config(id, fps, audio) + load("stamp-codec.js") + load("stamped-camera.js")
        + load("camera-override.js") + load("frame-probe.js") + load("peer-connections.js");
  }

  /**
   * One end of the direct call: the same camera and probe, plus {@code KaihuiDirect}.
   *
   * @param id the id (0 to 15) stamped into this end's frames
   * @param fps frames per second the camera draws
   * @param audio whether to send the fake microphone too
   */
  public static String directCall(int id, int fps, boolean audio) {
    return config(id, fps, audio) + load("stamp-codec.js") + load("stamped-camera.js")
        + load("frame-probe.js") + load("peer-connections.js") + load("direct-call.js");
  }

  /** A participant of the join benchmark: the browser's fake camera, and {@code KaihuiJoin}. */
  public static String joiningParticipant() {
    return load("join-probe.js");
  }

  private static String config(int id, int fps, boolean audio) {
    if (id < 0 || id > 15) {
      throw new IllegalArgumentException("stamp ids are 0 to 15, not " + id);
    }
    return String.format(Locale.ROOT, "globalThis.KAIHUI_BENCH = {id: %d, fps: %d, audio: %b};%n",
        id, fps, audio);
  }

  private static String load(String name) {
    try (InputStream in = PageScripts.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource io/kaihui/bench/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
