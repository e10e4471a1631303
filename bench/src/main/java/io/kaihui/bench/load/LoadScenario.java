package io.kaihui.bench.load;

import io.kaihui.bench.BenchOptions;

/**
 * What a load run sets up: {@code meetings} meetings, each with {@code publishers} people who
 * send audio and video and receive everyone else's, and {@code subscribers} people who only
 * receive (a webinar's audience).
 *
 * @param name the scenario's name, for the report
 * @param meetings how many meetings run at once, ≥ 1
 * @param publishers people per meeting who publish, ≥ 1
 * @param subscribers people per meeting who only receive, ≥ 0
 * @param warmupSeconds seconds of media before counting starts
 * @param seconds seconds of counting
 * @param joinsPerSecond how fast people join, 1..1000 (default 25)
 */
public record LoadScenario(String name, int meetings, int publishers, int subscribers,
    int warmupSeconds, int seconds, int joinsPerSecond) {

  /** Validates. */
  public LoadScenario {
    if (joinsPerSecond < 1 || joinsPerSecond > 1000) {
      throw new IllegalArgumentException("--join-rate is 1..1000 joins/s, not " + joinsPerSecond);
    }
    if (meetings < 1 || publishers < 1 || subscribers < 0 || warmupSeconds < 0 || seconds < 1) {
      throw new IllegalArgumentException("a scenario needs a meeting, a publisher and a second"
          + " of counting: " + meetings + " meetings, " + publishers + " publishers, "
          + subscribers + " subscribers, " + seconds + " s");
    }
  }

  /**
   * The scenario named by {@code --scenario}: {@code meeting} (one meeting of {@code --size}
   * people, default 4, everyone publishing and receiving), {@code webinar} (one publisher to
   * {@code --subscribers} people, default 50) or {@code meetings} ({@code --meetings} meetings,
   * default 20, of {@code --size} people, default 4); {@code --warmup} (default 5) and
   * {@code --seconds} (default 20); {@code --join-rate} joins per second (default 25).
   *
   * @throws IllegalArgumentException for an unknown scenario or bad numbers
   */
  public static LoadScenario of(BenchOptions options) {
    String name = options.values().getOrDefault("scenario", "meeting");
    int warmup = options.integer("warmup", 5);
    int seconds = options.integer("seconds", 20);
    int rate = options.integer("join-rate", 25);
    return switch (name) {
      case "meeting" -> new LoadScenario(name, 1, options.integer("size", 4), 0, warmup,
          seconds, rate);
      case "webinar" -> new LoadScenario(name, 1, 1, options.integer("subscribers", 50),
          warmup, seconds, rate);
      case "meetings" -> new LoadScenario(name, options.integer("meetings", 20),
          options.integer("size", 4), 0, warmup, seconds, rate);
      default -> throw new IllegalArgumentException(
          "--scenario is meeting, webinar or meetings, not " + name);
    };
  }

  /** Everyone in all meetings. */
  public int participants() {
    return meetings * (publishers + subscribers);
  }

  /**
   * RTP streams every receiver in a meeting should get: two (audio, video) per publisher other
   * than itself.
   */
  int streamsFor(boolean publisher) {
    return 2 * (publishers - (publisher ? 1 : 0));
  }
}
