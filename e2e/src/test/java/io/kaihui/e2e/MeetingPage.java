package io.kaihui.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One person's browser tab (its own browser context, so its own cookies and account), driven
 * the way a person uses it: by role and accessible name ({@link MeetingUi}).
 * Reads media facts from the page's own RTCPeerConnections (recorded by an init script) and
 * from the rendered video elements.
 */
final class MeetingPage implements AutoCloseable {

  /** Records every RTCPeerConnection the page creates in {@code window.__kaihuiPcs}. */
  private static final String RECORD_PEER_CONNECTIONS = """
      (() => {
        const Original = window.RTCPeerConnection;
        window.__kaihuiPcs = [];
        window.RTCPeerConnection = class extends Original {
          constructor(...args) { super(...args); window.__kaihuiPcs.push(this); }
        };
      })();
      """;

  /** Inbound RTP stats of every recorded PeerConnection, keyed by SSRC. */
  private static final String INBOUND_STATS = """
      async () => {
        const out = [];
        for (const pc of window.__kaihuiPcs || []) {
          if (pc.connectionState === 'closed') continue;
          const report = await pc.getStats();
          report.forEach(s => {
            if (s.type === 'inbound-rtp') {
              out.push({ssrc: String(s.ssrc), kind: s.kind,
                packets: s.packetsReceived || 0, frames: s.framesDecoded || 0,
                energy: s.totalAudioEnergy || 0, level: s.audioLevel || 0});
            }
          });
        }
        return out;
      }
      """;

  /** Mean luma and share of non-dark pixels of each remote video, drawn into a canvas. */
  private static final String VIDEO_PIXELS = """
      () => {
        const out = {};
        for (const v of document.querySelectorAll('video[data-participant-id]')) {
          const tile = v.closest('[role=group]');
          if (!tile || tile.dataset.local === 'true' || !v.videoWidth) continue;
          const c = document.createElement('canvas');
          c.width = 64; c.height = 48;
          const g = c.getContext('2d');
          g.drawImage(v, 0, 0, 64, 48);
          const d = g.getImageData(0, 0, 64, 48).data;
          let sum = 0, bright = 0;
          for (let i = 0; i < d.length; i += 4) {
            const y = 0.299 * d[i] + 0.587 * d[i + 1] + 0.114 * d[i + 2];
            sum += y; if (y > 40) bright++;
          }
          out[v.dataset.participantId] = {luma: sum / (d.length / 4), bright: bright / (d.length / 4)};
        }
        return out;
      }
      """;

  private static final java.util.concurrent.atomic.AtomicInteger USERS =
      new java.util.concurrent.atomic.AtomicInteger();

  private final BrowserContext context;
  private final Page page;
  private final MeetingUi ui;
  private boolean closed;

  MeetingPage(Browser browser, String baseUrl) {
    this.context = browser.newContext(new Browser.NewContextOptions().setLocale("en-US"));
    this.context.grantPermissions(List.of("camera", "microphone"));
    this.context.addInitScript(RECORD_PEER_CONNECTIONS);
    this.page = context.newPage();
    this.page.setDefaultTimeout(15_000);
    this.ui = new MeetingUi(page, baseUrl);
  }

  Page page() {
    return page;
  }

  /** The page driven by role and name. */
  MeetingUi ui() {
    return ui;
  }

  /**
   * Registers an account named after {@code name} (signed in from then on), then start page →
   * "New meeting" (guests not allowed) → pre-join → "Join meeting"; returns the meeting number.
   */
  String createMeeting(String name) {
    ui.signUp(username(name), name);
    return ui.createMeeting(false);
  }

  /** Registers an account, then start page → meeting number → "Join" → "Join meeting". */
  void joinByNumber(String name, String number) {
    ui.signUp(username(name), name);
    ui.joinByNumber(number);
  }

  /** After a reload of the meeting link: the pre-join screen again → "Join meeting". */
  void joinAgainFromPreJoin() {
    ui.clickJoinMeeting();
    ui.waitConnected();
  }

  /** The button of a page with exactly this accessible name. */
  static Locator button(Page page, String name) {
    return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name)
        .setExact(true));
  }

  /** A fresh username for a display name: its letters, and a number unique in this JVM. */
  static String username(String name) {
    String letters = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return (letters.isEmpty() ? "user" : letters) + "_" + ProcessHandle.current().pid() % 10_000
        + "_" + USERS.incrementAndGet();
  }

  /** Clicks "Leave". */
  void leave() {
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Leave")).click();
  }

  /** The video tiles of remote participants. */
  Locator remoteTiles() {
    return page.locator("[role=group][data-participant-id]:not([data-local=true])");
  }

  /** Participant ids of the remote tiles shown now. */
  List<String> remoteParticipantIds() {
    List<String> ids = new ArrayList<>();
    for (Locator tile : remoteTiles().all()) {
      ids.add(tile.getAttribute("data-participant-id"));
    }
    return ids;
  }

  /** Inbound RTP streams: SSRC → stats snapshot. */
  Map<String, Inbound> inbound() {
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rows = (List<Map<String, Object>>) page.evaluate(INBOUND_STATS);
    Map<String, Inbound> out = new HashMap<>();
    for (Map<String, Object> r : rows) {
      out.put((String) r.get("ssrc"), new Inbound((String) r.get("kind"),
          ((Number) r.get("packets")).longValue(), ((Number) r.get("frames")).longValue(),
          ((Number) r.get("energy")).doubleValue(), ((Number) r.get("level")).doubleValue()));
    }
    return out;
  }

  /** Remote participant id → pixel facts of its rendered video. */
  Map<String, Map<String, Number>> videoPixels() {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Number>> out =
        (Map<String, Map<String, Number>>) page.evaluate(VIDEO_PIXELS);
    return out;
  }

  /** Whether the tab was closed. */
  boolean isClosed() {
    return closed;
  }

  /** Closes the tab (its browser context) as a person closing it would. */
  void closeTab() {
    close();
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      context.close();
    }
  }

  /** One inbound RTP stream's counters. */
  record Inbound(String kind, long packets, long frames, double energy, double level) {}
}
