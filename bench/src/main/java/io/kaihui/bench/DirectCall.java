package io.kaihui.bench;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import java.util.List;

/**
 * A plain browser-to-browser call between two tabs, for comparison with the SFU: each sends the
 * stamped camera and the fake microphone to the other over one RTCPeerConnection (VP8, the
 * browser's defaults otherwise: NACK, RTX, transport-wide congestion control) and plays what it
 * receives; the SDP is carried by this class through Playwright; host candidates on loopback only.
 */
public final class DirectCall implements AutoCloseable {

  private final BenchTab caller;
  private final BenchTab callee;

  private DirectCall(BenchTab caller, BenchTab callee) {
    this.caller = caller;
    this.callee = callee;
  }

  /**
   * Opens both tabs, connects them and waits until each renders the other's video.
   *
   * @param callerId stamp id of the calling tab's camera
   * @param calleeId stamp id of the called tab's camera
   * @param fps camera frames per second
   * @param audio whether each end sends its fake microphone too
   * @throws IllegalStateException if the call does not connect in 20 s
   */
  public static DirectCall connect(Browser browser, int callerId, int calleeId, int fps,
      boolean audio) {
    BenchTab caller = new BenchTab(browser, callerId,
        PageScripts.directCall(callerId, fps, audio));
    BenchTab callee = new BenchTab(browser, calleeId,
        PageScripts.directCall(calleeId, fps, audio));
    try {
      caller.openBlank();
      callee.openBlank();
      String offer = (String) caller.page().evaluate("() => KaihuiDirect.offer()");
      String answer = (String) callee.page().evaluate("sdp => KaihuiDirect.answer(sdp)", offer);
      caller.page().evaluate("sdp => KaihuiDirect.accept(sdp)", answer);
      for (BenchTab tab : List.of(caller, callee)) {
        tab.page().waitForFunction("() => [...document.querySelectorAll("
            + "'video[data-label=remote]')].some(v => v.videoWidth > 0)", null,
            new Page.WaitForFunctionOptions().setTimeout(20_000));
      }
      return new DirectCall(caller, callee);
    } catch (RuntimeException e) {
      caller.close();
      callee.close();
      throw new IllegalStateException("the direct call did not connect", e);
    }
  }

  /** The two ends: caller, callee. */
  public List<BenchTab> tabs() {
    return List.of(caller, callee);
  }

  @Override
  public void close() {
    caller.close();
    callee.close();
  }
}
