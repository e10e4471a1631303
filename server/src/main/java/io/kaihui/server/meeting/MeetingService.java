package io.kaihui.server.meeting;

import io.kaihui.media.MediaEngine;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live meetings of this server, by number. A meeting lives while people are in it, until
 * its host ends it; one that has been empty for {@link #EMPTY_LIFETIME} (including one created
 * and never joined) ends too. Only then may its number be drawn again. Starts and ends go to
 * the {@link MeetingLog}.
 *
 * <p>Each meeting lives on one media worker, the one with the least load when it is created:
 * its router and transports run on that worker's event loop, so a meeting's media is handled by
 * one thread and different meetings by as many threads as there are workers. Load counts each
 * participant, and each meeting as at least one, so that a burst of new meetings spreads before
 * anyone joins them.
 */
public final class MeetingService implements AutoCloseable {

  /** How long an empty meeting lives before it ends. */
  public static final Duration EMPTY_LIFETIME = Duration.ofMinutes(10);

  /** Longest title, in characters after trimming. */
  public static final int MAX_TITLE_CHARS = 100;

  private static final Logger log = LoggerFactory.getLogger(MeetingService.class);

  private final List<MediaEngine> engines;
  private final MeetingLog meetingLog;
  private final Clock clock;
  private final int maxParticipants;
  private final SecureRandom random = new SecureRandom();
  private final MeetingNumbers numbers = new MeetingNumbers(random);
  private final ConcurrentHashMap<String, Meeting> meetings = new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("meeting-sweeper").factory());

  /**
   * Creates the service.
   *
   * @param engines the media workers the meetings' routers run in; at least one
   * @param meetingLog where meetings are recorded; meetings it still shows as live (the server
   *     stopped without ending them) are ended now
   * @param clock the time of the record
   * @param maxParticipants most people in one meeting
   */
  public MeetingService(List<MediaEngine> engines, MeetingLog meetingLog, Clock clock,
      int maxParticipants) {
    if (engines.isEmpty()) {
      throw new IllegalArgumentException("a meeting service needs a media worker");
    }
    this.engines = List.copyOf(engines);
    this.meetingLog = meetingLog;
    this.clock = clock;
    this.maxParticipants = maxParticipants;
    int unfinished = meetingLog.endUnfinished(clock.millis());
    if (unfinished > 0) {
      log.info("recorded {} meeting(s) left open by the last run as ended", unfinished);
    }
    sweeper.scheduleAtFixedRate(this::sweep, 30, 30, TimeUnit.SECONDS);
  }

  /**
   * Creates a meeting with a fresh random number.
   *
   * @param host its host, a signed-in account
   * @param title its title; null or blank for "&lt;host's display name&gt;'s meeting"
   * @param allowGuests whether people without an account may join by link
   * @return the new meeting
   * @throws MeetingException {@code bad_request} when the title is too long or holds control
   *     characters
   * @throws org.jdbi.v3.core.JdbiException if it cannot be recorded
   */
  public Meeting create(Attendee host, String title, boolean allowGuests)
      throws MeetingException {
    return create(host, title, allowGuests, null);
  }

  private Meeting create(Attendee host, String title, boolean allowGuests,
      java.util.Set<Long> only) throws MeetingException {
    if (host.isGuest()) {
      throw new IllegalArgumentException("a guest cannot host a meeting");
    }
    String t = title(title, host);
    synchronized (meetings) {
      String number = numbers.next(meetings::containsKey);
      long logId = meetingLog.started(number, t, host, clock.millis());
      Meeting m = new Meeting(number, logId, t, host, allowGuests, leastLoaded(),
          this::participantId,
          meetingLog, clock, maxParticipants);
      if (only != null) {
        // Before anyone can find it by its number.
        m.restrictTo(only);
      }
      meetings.put(number, m);
      log.info("meeting {} created", number);
      return m;
    }
  }

  /**
   * Creates the private meeting of a call: only its two people may join or look it up.
   *
   * @param host the caller
   * @param title its title
   * @param people the two accounts
   * @return the new meeting
   * @throws MeetingException as {@link #create}
   */
  public Meeting createPrivate(Attendee host, String title, java.util.Set<Long> people)
      throws MeetingException {
    return create(host, title, false, people);
  }

  /**
   * Ends a meeting for everyone, as its host asks.
   *
   * @param meeting a live meeting
   * @param userId who asks
   * @param byName their display name, shown to the participants
   * @throws MeetingException {@code not_host} when they are not its host
   */
  public void end(Meeting meeting, long userId, String byName) throws MeetingException {
    if (!meeting.isHost(userId)) {
      throw new MeetingException("not_host", "only the host can end meeting " + meeting.number());
    }
    if (meeting.end(byName)) {
      forget(meeting);
    }
  }

  /**
   * Lets guests join a meeting by link, or stops letting them, as its host asks.
   *
   * @throws MeetingException {@code not_host} when they are not its host
   */
  public void setAllowGuests(Meeting meeting, long userId, boolean allow)
      throws MeetingException {
    if (!meeting.isHost(userId)) {
      throw new MeetingException("not_host",
          "only the host can change meeting " + meeting.number());
    }
    meeting.setAllowGuests(allow);
  }

  /**
   * The media worker with the least load; the caller holds the {@code meetings} lock. It takes
   * no meeting's lock: a count a moment old is good enough to spread meetings.
   */
  private MediaEngine leastLoaded() {
    Map<MediaEngine, Integer> load = new HashMap<>();
    for (Meeting m : meetings.values()) {
      load.merge(m.engine(), Math.max(1, m.presentCount()), Integer::sum);
    }
    return engines.stream().min(Comparator.comparingInt(e -> load.getOrDefault(e, 0)))
        .orElseThrow();
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
      recordEnd(m);
    }
    meetings.clear();
  }

  void sweep() {
    long now = System.nanoTime();
    for (Meeting m : meetings.values()) {
      long emptySince = m.emptySinceNanos();
      if (emptySince != 0 && now - emptySince > EMPTY_LIFETIME.toNanos()
          && m.participantCount() == 0) {
        m.close();
        forget(m);
      }
    }
  }

  private void forget(Meeting m) {
    synchronized (meetings) {
      meetings.remove(m.number(), m);
    }
    recordEnd(m);
  }

  private void recordEnd(Meeting m) {
    try {
      meetingLog.ended(m.logId(), clock.millis());
    } catch (RuntimeException e) {
      log.warn("cannot record that meeting {} ended", m.number(), e);
    }
  }

  /** Trims a title and checks it; a missing one is the host's default. */
  static String title(String raw, Attendee host) throws MeetingException {
    String t = raw == null ? "" : raw.strip();
    if (t.isEmpty()) {
      t = host.displayName() + "'s meeting";
      return t.codePointCount(0, t.length()) > MAX_TITLE_CHARS
          ? t.substring(0, t.offsetByCodePoints(0, MAX_TITLE_CHARS)) : t;
    }
    if (t.codePointCount(0, t.length()) > MAX_TITLE_CHARS) {
      throw new MeetingException("bad_request",
          "a title has at most " + MAX_TITLE_CHARS + " characters");
    }
    if (t.codePoints().anyMatch(cp -> Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT)) {
      throw new MeetingException("bad_request", "a title cannot hold control characters");
    }
    return t;
  }

  private String participantId() {
    byte[] b = new byte[12];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
