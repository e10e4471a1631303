package io.kaihui.bench;

import com.microsoft.playwright.Page;
import io.kaihui.e2e.MeetingUi;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Join-click-to-first-remote-frame: with one participant in a meeting publishing the browser's
 * fake camera, a second one (a fresh browser context each time) opens the meeting's link, waits
 * on the pre-join screen until the camera preview plays, and clicks "Join meeting"; measured on
 * that page's clock from the click event to the first frame of the remote video rendered
 * (requestVideoFrameCallback), and to the meeting showing "connected". The first join after the
 * server started is a warm-up, reported apart.
 *
 * <p>Options: {@code --runs=15} measured joins, {@code --warmup=1}.
 */
public final class JoinLatencyBench {

  private JoinLatencyBench() {}

  /** Runs the benchmark and prints the report (markdown) to standard output. */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    int runs = options.integer("runs", 15);
    int warmup = options.integer("warmup", 1);
    try (BenchEnvironment env = BenchEnvironment.start();
        BenchTab host = new BenchTab(env.chromium().browser(), -1, "")) {
      System.out.println(Machine.describe(env.chromium().browser()).line());
      String url = env.server().url();
      MeetingUi hostUi = new MeetingUi(host.page(), url);
      hostUi.signUp("bench_host_" + System.nanoTime() % 1_000_000, "Host");
      String number = hostUi.createMeeting(true);
      List<Double> connected = new ArrayList<>();
      List<Double> firstFrame = new ArrayList<>();
      for (int i = 0; i < warmup + runs; i++) {
        Map<String, Number> times = join(env, url, number, i);
        double click = times.get("click").doubleValue();
        double toConnected = times.get("connected").doubleValue() - click;
        double toFrame = times.get("firstRemoteFrame").doubleValue() - click;
        System.out.printf(Locale.ROOT, "join %2d%s: connected after %.0f ms, first remote frame"
            + " after %.0f ms%n", i + 1, i < warmup ? " (warm-up)" : "", toConnected, toFrame);
        if (i >= warmup) {
          connected.add(toConnected);
          firstFrame.add(toFrame);
        }
      }
      System.out.println();
      System.out.println(Summary.markdownHeader("from click on \"Join meeting\" to", "ms"));
      System.out.println(Summary.of(connected).markdownRow("\"connected\" shown"));
      System.out.println(Summary.of(firstFrame).markdownRow("first remote frame rendered"));
    }
  }

  /** One join by a fresh context; returns the page's times (ms): click, connected, frame. */
  private static Map<String, Number> join(BenchEnvironment env, String url, String number, int i)
      throws InterruptedException {
    try (BenchTab guest = new BenchTab(env.chromium().browser(), -1,
        PageScripts.joiningParticipant())) {
      MeetingUi ui = new MeetingUi(guest.page(), url);
      ui.openPreJoinAsGuest(number, "Guest " + (i + 1));
      ui.clickJoinMeeting();
      guest.page().waitForFunction("() => { const t = KaihuiJoin.times();"
          + " return t.firstRemoteFrame !== null && t.connected !== null; }", null,
          new Page.WaitForFunctionOptions().setTimeout(30_000));
      @SuppressWarnings("unchecked")
      Map<String, Number> times =
          (Map<String, Number>) guest.page().evaluate("() => KaihuiJoin.times()");
      return times;
    } finally {
      Thread.sleep(1000); // let the server see the guest leave before the next one comes
    }
  }
}
