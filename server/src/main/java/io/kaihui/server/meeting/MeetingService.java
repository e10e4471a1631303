package io.kaihui.server.meeting;

import io.kaihui.media.MediaEngine;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The live meetings of this server, by number. A meeting lives while people are in it; one that
 * has been empty for {@link #EMPTY_LIFETIME} (including one created and never joined) ends, and
 * only then may its number be drawn again.
 */
public final class MeetingService implements AutoCloseable {

  /** How long an empty meeting lives before it ends. */
  public static final Duration EMPTY_LIFETIME = Duration.ofMinutes(10);

  private final MediaEngine engine;
  private final SecureRandom random = new SecureRandom();
  private final MeetingNumbers numbers = new MeetingNumbers(random);
  private final ConcurrentHashMap<String, Meeting> meetings = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("meeting-sweeper").factory());

  /**
   * Creates the service.
   *
   * @param engine the media engine every meeting's router runs in
   */
  public MeetingService(MediaEngine engine) {
    this.engine = engine;
    sweeper.scheduleAtFixedRate(this::sweep, 30, 30, TimeUnit.SECONDS);
  }

  /** Creates a meeting with a fresh random number. */
  public Meeting create() {
    synchronized (meetings) {
      String number = numbers.next(meetings::containsKey);
      Meeting m = new Meeting(number, engine, this::participantId);
      meetings.put(number, m);
      return m;
    }
  }

  /** The live meeting with this number, if any. */
  public Optional<Meeting> find(String number) {
    return Optional.ofNullable(number == null ? null : meetings.get(number));
  }

  /** How many meetings are live. */
  public int meetingCount() {
    return meetings.size();
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    for (Meeting m : meetings.values()) {
      m.close();
    }
    meetings.clear();
  }

  void sweep() {
    long now = System.nanoTime();
    for (Meeting m : meetings.values()) {
      long emptySince = m.emptySinceNanos();
      if (emptySince != 0 && now - emptySince > EMPTY_LIFETIME.toNanos()
          && m.participantCount() == 0) {
        synchronized (meetings) {
          meetings.remove(m.number(), m);
        }
        m.close();
      }
    }
  }

  private String participantId() {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
