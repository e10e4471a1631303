package io.kaihui.bench;

import com.microsoft.playwright.Browser;
import io.kaihui.e2e.MeetingUi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Glass-to-glass video latency through the SFU with three participants, next to a direct
 * browser-to-browser call, in one run. Every camera is a 640x480 canvas that stamps its capture
 * time into each frame; every page reads the stamp of each frame it renders and takes now minus
 * stamp. All pages live in one Chromium, each in its own context; their clocks are compared (NTP
 * style, through Playwright) and the latencies corrected by the offsets.
 *
 * <p>The two systems take turns: in each round the SFU meeting's cameras run for one phase while
 * the direct call's are paused, then the other way round (the order alternates between rounds);
 * the first seconds of a phase are not counted. Local previews (a page rendering its own camera,
 * no encoding or network) are measured alongside, as the floor of the method.
 *
 * <p>Options: {@code --fps=30}, {@code --rounds=3}, {@code --phase=10} (s), {@code --warmup=2} (s),
 * {@code --audio=true} (false: nobody sends sound, so no lip-sync holds video back),
 * {@code --participants=3} in the meeting (2 to 13; 2 puts as much load on the machine as the
 * direct call).
 */
public final class GlassToGlassBench {

  private static final String DIRECT = "direct call, 2 participants";

  private GlassToGlassBench() {}

  /** Runs the benchmark and prints the report (markdown) to standard output. */
  public static void main(String[] args) throws Exception {
    BenchOptions options = BenchOptions.parse(args);
    int fps = options.integer("fps", 30);
    int rounds = options.integer("rounds", 3);
    int phaseMs = options.integer("phase", 10) * 1000;
    int warmupMs = options.integer("warmup", 2) * 1000;
    boolean audio = options.bool("audio", true);
    int participants = options.integer("participants", 3);
    if (participants < 2 || participants > 13) {
      throw new IllegalArgumentException("--participants is 2 to 13, not " + participants);
    }
    String sfu = "SFU, " + participants + " participants";
    try (BenchEnvironment env = BenchEnvironment.start()) {
      Browser browser = env.chromium().browser();
      System.out.println(Machine.describe(browser).line());
      System.out.printf(Locale.ROOT, "%d fps, %d rounds of %d s per system (%d s warm-up),"
          + " sound %s%n", fps, rounds, phaseMs / 1000, warmupMs / 1000, audio ? "on" : "off");
      List<BenchTab> meeting = new ArrayList<>();
      try {
        for (int id = 1; id <= participants; id++) {
          meeting.add(new BenchTab(browser, id, PageScripts.stampedParticipant(id, fps, audio)));
        }
        joinMeeting(meeting, env.server().url());
        try (DirectCall direct = DirectCall.connect(browser, participants + 1, participants + 2,
            fps, audio)) {
          List<BenchTab> all = new ArrayList<>(meeting);
          all.addAll(direct.tabs());
          all.forEach(BenchTab::pauseCamera);
          Thread.sleep(1000); // a quiet machine for the clock comparison
          Map<Integer, ClockOffset> offsets = offsets(all);
          List<Phase> phases = new ArrayList<>();
          for (int round = 1; round <= rounds; round++) {
            boolean sfuFirst = round % 2 == 1;
            for (boolean inMeeting : new boolean[] {sfuFirst, !sfuFirst}) {
              phases.add(Phase.run(inMeeting ? sfu : DIRECT, round,
                  inMeeting ? meeting : direct.tabs(), offsets, warmupMs, phaseMs));
            }
          }
          report(List.of(sfu, DIRECT), phases, offsets, offsets(all));
        }
      } finally {
        meeting.forEach(BenchTab::close);
      }
    }
  }

  /** Participant 1 starts the meeting, the others join by its link; all see each other. */
  private static void joinMeeting(List<BenchTab> meeting, String url) {
    MeetingUi first = new MeetingUi(meeting.get(0).page(), url);
    first.signUp("bench_p1_" + System.nanoTime() % 1_000_000, "P1");
    String number = first.createMeeting(true);
    for (BenchTab tab : meeting.subList(1, meeting.size())) {
      MeetingUi ui = new MeetingUi(tab.page(), url);
      ui.openPreJoinAsGuest(number, "P" + tab.id());
      ui.clickJoinMeeting();
      ui.waitConnected();
    }
    for (BenchTab tab : meeting) {
      new MeetingUi(tab.page(), url).waitRemoteVideos(meeting.size() - 1);
    }
  }

  /** Each tab's clock against the first tab's (stamp id → offset). */
  private static Map<Integer, ClockOffset> offsets(List<BenchTab> tabs) {
    Map<Integer, ClockOffset> out = new HashMap<>();
    out.put(tabs.get(0).id(), new ClockOffset(0, 0));
    for (BenchTab tab : tabs.subList(1, tabs.size())) {
      out.put(tab.id(), ClockOffset.measure(tabs.get(0).page(), tab.page(), 20));
    }
    return out;
  }

  /** Prints the clock offsets, the latency summaries per system and the per-phase table. */
  private static void report(List<String> systems, List<Phase> phases,
      Map<Integer, ClockOffset> before, Map<Integer, ClockOffset> after) {
    System.out.println();
    System.out.println("Clock offsets against participant 1 (ms, ± half the round trip),"
        + " before → after:");
    before.keySet().stream().sorted().forEach(id -> System.out.printf(Locale.ROOT,
        "  page %d: %+.2f ± %.2f → %+.2f ± %.2f%n", id, before.get(id).offsetMs(),
        before.get(id).uncertaintyMs(), after.get(id).offsetMs(), after.get(id).uncertaintyMs()));
    System.out.println();
    System.out.println(Summary.markdownHeader("glass-to-glass", "ms"));
    for (boolean remote : new boolean[] {true, false}) {
      for (String system : systems) {
        List<Double> values = new ArrayList<>();
        phases.stream().filter(p -> p.system().equals(system))
            .forEach(p -> values.addAll(p.latencies(remote)));
        String label = remote ? system : system + ": own preview (no codec, no network)";
        System.out.println(values.isEmpty() ? "| " + label + " | 0 | | | | | |"
            : Summary.of(values).markdownRow(label));
      }
    }
    System.out.println();
    System.out.println(Phase.MARKDOWN_HEADER);
    phases.forEach(p -> System.out.println(p.markdownRow()));
  }
}
