package io.kaihui.server.call;

import io.kaihui.protocol.CallAccepted;
import io.kaihui.protocol.CallEnded;
import io.kaihui.protocol.CallIncoming;
import io.kaihui.protocol.CallView;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.protocol.UserCard;
import io.kaihui.server.chat.ChatException;
import io.kaihui.server.chat.ChatService;
import io.kaihui.server.meeting.Attendee;
import io.kaihui.server.meeting.Meeting;
import io.kaihui.server.meeting.MeetingException;
import io.kaihui.server.meeting.MeetingService;
import io.kaihui.server.presence.PresenceState;
import io.kaihui.server.social.FriendService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One-to-one calls between friends. A call rings the callee's signed-in pages
 * ({@link CallIncoming}) for {@link #RING_TIME}; the callee accepts (both go into a private
 * two-person meeting, the same media path as any meeting: {@link CallAccepted}) or declines, the
 * caller may cancel, and unanswered it is missed ({@link CallEnded}). A friend already in a call
 * or in a meeting is busy. Every outcome is kept in the two people's chat as a call record.
 * Ringing calls are kept in memory: a restarted server has none.
 */
public final class CallService implements AutoCloseable {

  /** How long a call rings before it is missed. */
  public static final Duration RING_TIME = Duration.ofSeconds(30);

  /** Hears what must reach a person's sockets. Must not block long. */
  public interface Listener {
    /**
     * An event for one person.
     *
     * @param userId whose sockets
     * @param event the event
     */
    void deliver(long userId, ServerMessage event);
  }

  private static final Logger log = LoggerFactory.getLogger(CallService.class);

  private record Call(CallView view, ScheduledFuture<?> timeout) {
    long callerId() {
      return view.caller().userId();
    }

    long calleeId() {
      return view.callee().userId();
    }
  }

  private final FriendService friends;
  private final ChatService chat;
  private final MeetingService meetings;
  private final LongFunction<PresenceState> presence;
  private final LongFunction<Optional<Attendee>> attendees;
  private final Clock clock;
  private final Duration ringTime;
  private final SecureRandom random = new SecureRandom();
  private final Map<Long, Call> ringing = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
      Thread.ofVirtual().name("call-timer").factory());

  /**
   * Creates the service.
   *
   * @param friends who may call whom
   * @param chat where call records go
   * @param meetings where accepted calls meet
   * @param presence whether someone is in a meeting (busy)
   * @param attendees who an account is in a meeting, by id
   * @param clock the time of calls
   * @param ringTime how long a call rings ({@link #RING_TIME}; tests shorten it)
   */
  public CallService(FriendService friends, ChatService chat, MeetingService meetings,
      LongFunction<PresenceState> presence, LongFunction<Optional<Attendee>> attendees,
      Clock clock, Duration ringTime) {
    this.friends = friends;
    this.chat = chat;
    this.meetings = meetings;
    this.presence = presence;
    this.attendees = attendees;
    this.clock = clock;
    this.ringTime = ringTime;
  }

  /** Adds a listener. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /**
   * Calls a friend: their pages ring.
   *
   * @param callerId who calls
   * @param calleeId the friend
   * @return the ringing call
   * @throws CallException {@code not_friends}, {@code already_in_call} (the caller),
   *     {@code busy} (the friend is in a call or a meeting; kept as a record)
   */
  public CallView start(long callerId, long calleeId) throws CallException {
    if (callerId == calleeId || !friends.areFriends(callerId, calleeId)) {
      throw new CallException(CallException.NOT_FRIENDS, "only friends call each other");
    }
    Map<Long, UserCard> cards = friends.cards(callerId, List.of(callerId, calleeId));
    CallView view;
    boolean busy;
    synchronized (this) {
      if (inCall(callerId)) {
        throw new CallException(CallException.ALREADY_IN_CALL, "you are in another call");
      }
      busy = inCall(calleeId) || presence.apply(calleeId) == PresenceState.IN_MEETING;
      if (busy) {
        view = null;
      } else {
        long id = random.nextLong(1, 1L << 53);
        view = new CallView(id, cards.get(callerId), cards.get(calleeId), clock.millis(),
            ringTime.toMillis());
        ScheduledFuture<?> timeout = timer.schedule(() -> missed(id), ringTime.toMillis(),
            TimeUnit.MILLISECONDS);
        ringing.put(id, new Call(view, timeout));
      }
    }
    if (busy) {
      // Kept outside the lock: it writes to the database and tells both people.
      record(callerId, calleeId, "busy", false);
      throw new CallException(CallException.BUSY, "your friend is in a call or a meeting");
    }
    deliver(calleeId, new CallIncoming(view));
    return view;
  }

  /**
   * Accepts a call ringing for the asker: both go into a new private meeting.
   *
   * @param calleeId who accepts, the callee
   * @param callId the call
   * @return the meeting's number
   * @throws CallException {@code call_not_found} unless it rings for the asker
   */
  public String accept(long calleeId, long callId) throws CallException {
    Call call = take(callId, c -> c.calleeId() == calleeId);
    Attendee caller = attendees.apply(call.callerId()).orElseThrow(() ->
        new CallException(CallException.CALL_NOT_FOUND, "the caller's account is gone"));
    Meeting meeting;
    try {
      meeting = meetings.createPrivate(caller, title(caller.displayName(),
          call.view().callee().displayName()), Set.of(call.callerId(), calleeId));
    } catch (MeetingException | RuntimeException e) {
      // Nothing rings any more: both are told, rather than the caller waiting for ever.
      log.warn("call {}: its meeting cannot be made", callId, e);
      end(call, "cancelled", true);
      throw new CallException(CallException.CALL_NOT_FOUND, "the call could not be connected");
    }
    record(call.callerId(), calleeId, "answered", true);
    CallAccepted accepted = new CallAccepted(callId, meeting.number());
    deliver(call.callerId(), accepted);
    deliver(calleeId, accepted);
    return meeting.number();
  }

  /**
   * Declines a call ringing for the asker.
   *
   * @throws CallException {@code call_not_found} unless it rings for the asker
   */
  public void decline(long calleeId, long callId) throws CallException {
    Call call = take(callId, c -> c.calleeId() == calleeId);
    end(call, "declined", true);
  }

  /**
   * Cancels a call the asker made that still rings.
   *
   * @throws CallException {@code call_not_found} unless the asker made it and it still rings
   */
  public void cancel(long callerId, long callId) throws CallException {
    Call call = take(callId, c -> c.callerId() == callerId);
    end(call, "cancelled", false);
  }

  /**
   * The calls ringing for someone, as the events that made them ring: for a page that connects
   * while a call rings (opened, reloaded, or reconnecting), which missed the event.
   */
  public synchronized List<ServerMessage> ringingFor(long userId) {
    return ringing.values().stream().filter(c -> c.calleeId() == userId)
        .<ServerMessage>map(c -> new CallIncoming(c.view())).toList();
  }

  /** How many calls ring now. */
  public synchronized int ringingCount() {
    return ringing.size();
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }

  /**
   * A call meeting's title: "caller ⇄ callee", within the meetings' rules (at most
   * {@link MeetingService#MAX_TITLE_CHARS} characters, no format characters such as the zero
   * width joiner of some emoji).
   */
  static String title(String caller, String callee) {
    StringBuilder t = new StringBuilder();
    (caller + " ⇄ " + callee).codePoints()
        .filter(cp -> !Character.isISOControl(cp) && Character.getType(cp) != Character.FORMAT)
        .limit(MeetingService.MAX_TITLE_CHARS)
        .forEach(t::appendCodePoint);
    return t.toString().strip();
  }

  private void missed(long callId) {
    Call call;
    synchronized (this) {
      call = ringing.remove(callId);
    }
    if (call != null) {
      end(call, "missed", false);
    }
  }

  private void end(Call call, String reason, boolean seenByCallee) {
    record(call.callerId(), call.calleeId(), reason, seenByCallee);
    CallEnded ended = new CallEnded(call.view().callId(), reason);
    deliver(call.callerId(), ended);
    deliver(call.calleeId(), ended);
  }

  private synchronized Call take(long callId, java.util.function.Predicate<Call> mayAnswer)
      throws CallException {
    Call call = ringing.get(callId);
    if (call == null || !mayAnswer.test(call)) {
      throw new CallException(CallException.CALL_NOT_FOUND, "no ringing call " + callId
          + " for you");
    }
    ringing.remove(callId);
    call.timeout().cancel(false);
    return call;
  }

  private boolean inCall(long userId) {
    return ringing.values().stream()
        .anyMatch(c -> c.callerId() == userId || c.calleeId() == userId);
  }

  private void record(long callerId, long calleeId, String outcome, boolean seenByCallee) {
    try {
      chat.recordCall(callerId, calleeId, outcome, seenByCallee);
    } catch (ChatException | RuntimeException e) {
      log.warn("cannot keep the {} call from {} to {} in their chat", outcome, callerId,
          calleeId, e);
    }
  }

  private void deliver(long userId, ServerMessage event) {
    listeners.forEach(l -> l.deliver(userId, event));
  }
}
