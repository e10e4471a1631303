package io.kaihui.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One browser tab of a benchmark in a context of its own (so a renderer process of its own, like
 * a person's browser), with the benchmark's init script, camera and microphone allowed and
 * English as the language.
 */
public final class BenchTab implements AutoCloseable {

  /**
   * A blank page on a loopback origin (a secure context, so camera, microphone and WebCodecs
   * work), answered by Playwright itself: no server needed.
   */
  public static final String BLANK_URL = "http://127.0.0.1/kaihui-bench";

  private final BrowserContext context;
  private final Page page;
  private final int id;

  /**
   * Opens the tab (about:blank until navigated).
   *
   * @param id the stamp id of this tab's camera, or -1 when it stamps nothing
   * @param initScript what runs in every page before the page's own scripts
   */
  public BenchTab(Browser browser, int id, String initScript) {
    this.context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US")
        .setViewportSize(1280, 720));
    this.context.grantPermissions(List.of("camera", "microphone"));
    this.context.addInitScript(initScript);
    this.context.route(BLANK_URL, (Route route) -> route.fulfill(new Route.FulfillOptions()
        .setContentType("text/html").setBody("<!doctype html><title>bench</title><body></body>")));
    this.page = context.newPage();
    this.page.setDefaultTimeout(20_000);
    this.id = id;
  }

  /** Navigates to {@link #BLANK_URL}. */
  public void openBlank() {
    page.navigate(BLANK_URL);
  }

  /** The page. */
  public Page page() {
    return page;
  }

  /** The stamp id of this tab's camera (-1 if none). */
  public int id() {
    return id;
  }

  /** Stops the camera's frames (the track stays, sending nothing new). */
  public void pauseCamera() {
    page.evaluate("() => KaihuiCamera.pause()");
  }

  /** Restarts the camera's frames. */
  public void resumeCamera() {
    page.evaluate("() => KaihuiCamera.resume()");
  }

  /**
   * Takes the frames read since the last call, with latencies corrected for clock offsets.
   *
   * @param offsets clock offset of each stamp id's page against the common reference, ms
   * @return the samples, and how many rendered frames had no readable stamp
   */
  public Frames drain(Map<Integer, ClockOffset> offsets) {
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) page.evaluate("() => KaihuiProbe.drain()");
    @SuppressWarnings("unchecked")
    List<List<Number>> rows = (List<List<Number>>) result.get("samples");
    double mine = offsets.get(id).offsetMs();
    List<FrameSample> samples = new ArrayList<>(rows.size());
    for (List<Number> row : rows) {
      int sender = row.get(0).intValue();
      ClockOffset theirs = offsets.get(sender);
      if (theirs == null) {
        continue; // a stamp id nobody here uses cannot be (a checksum collision)
      }
      double correction = theirs.offsetMs() - mine;
      samples.add(new FrameSample(id, sender, row.get(1).doubleValue() + correction,
          row.get(2).intValue()));
    }
    return new Frames(samples, ((Number) result.get("unreadable")).intValue());
  }

  /** Snapshot of this tab's inbound audio and video streams. */
  public List<InboundStream> inbound() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows =
        (List<Map<String, Object>>) page.evaluate("() => KaihuiPeers.inbound()");
    return rows.stream().map(InboundStream::of).toList();
  }

  @Override
  public void close() {
    context.close();
  }

  /**
   * What {@link #drain(Map)} returns.
   *
   * @param samples the frames whose stamp was read
   * @param unreadable how many rendered frames had no readable stamp
   */
  public record Frames(List<FrameSample> samples, int unreadable) {}
}
