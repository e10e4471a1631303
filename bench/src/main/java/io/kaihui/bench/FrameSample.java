package io.kaihui.bench;

/**
 * One rendered video frame whose stamp was read.
 *
 * @param receiver stamp id of the page that rendered the frame
 * @param sender stamp id read from the frame (equal to {@code receiver} for a local preview)
 * @param latencyMs time the page's frame callback ran minus the frame's capture time, ms,
 *     corrected for the pages' clock offset
 * @param width the frame's width as rendered, px
 */
public record FrameSample(int receiver, int sender, double latencyMs, int width) {

  /** Whether the frame came from another page (not a local preview). */
  public boolean remote() {
    return sender != receiver;
  }
}
