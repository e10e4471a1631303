package io.kaihui.server.meeting;

import io.kaihui.media.MediaEngine;
import io.kaihui.media.Producer;
import io.kaihui.media.PublishResult;
import io.kaihui.media.Router;
import io.kaihui.media.SdpNegotiationException;
import io.kaihui.media.SubscribeNegotiator;
import io.kaihui.media.WebRtcTransport;
import io.kaihui.protocol.FileView;
import io.kaihui.protocol.MeetingChatMessage;
import io.kaihui.protocol.MeetingEnded;
import io.kaihui.protocol.MeetingSummary;
import io.kaihui.protocol.MeetingUpdated;
import io.kaihui.protocol.ParticipantInfo;
import io.kaihui.protocol.ParticipantJoined;
import io.kaihui.protocol.ParticipantLeft;
import io.kaihui.protocol.ParticipantUpdated;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.protocol.SubscribeOffer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One meeting: its number, title, host and settings, its participants and its media
 * {@link Router}. Who was in it goes to the {@link MeetingLog}. Every change happens
 * under one lock, on the calling (virtual) thread; media work hops to the engine's loop and is
 * awaited. Transport events from the loop come back through a new virtual thread, so the loop
 * never waits for this lock.
 */
public final class Meeting {

  private static final Logger log = LoggerFactory.getLogger(Meeting.class);

  private final String number;
  private final long logId;
  private final String title;
  private final Attendee host;
  private final long startedAtMs;
  private final MediaEngine engine;
  private final Router router;
  private final MeetingLog meetingLog;
  private final Clock clock;
  private final int maxParticipants;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Participant> participants = new LinkedHashMap<>();
  /** {@code participants.size()}, readable without the lock. */
  private volatile int present;
  private final Supplier<String> ids;
  /** The accounts already in the log for this meeting. */
  private final Set<Long> logged = new HashSet<>();
  private int attendees;
  private volatile boolean allowGuests;
  private volatile long emptySinceNanos = System.nanoTime();
  private boolean closed;
  /** What was said in the chat, in order (the database keeps it too). */
  private final List<MeetingChatMessage> chatLog = new ArrayList<>();
  /** The account of every participant that joined, by participant id (0 for a guest). */
  private final Map<String, Long> accountOf = new java.util.HashMap<>();
  /** For a call: the only accounts that may join; null for a meeting open to its link. */
  private volatile java.util.Set<Long> invitedOnly;

  Meeting(String number, long logId, String title, Attendee host, boolean allowGuests,
      MediaEngine engine, Supplier<String> ids, MeetingLog meetingLog, Clock clock,
      int maxParticipants) {
    this.number = number;
    this.logId = logId;
    this.title = title;
    this.host = host;
    this.allowGuests = allowGuests;
    this.startedAtMs = clock.millis();
    this.engine = engine;
    this.router = engine.createRouter();
    this.ids = ids;
    this.meetingLog = meetingLog;
    this.clock = clock;
    this.maxParticipants = maxParticipants;
  }

  /** The meeting's id in the {@link MeetingLog}. */
  long logId() {
    return logId;
  }

  /** The meeting's title. */
  public String title() {
    return title;
  }

  /** Whether the account with this id is the host. */
  public boolean isHost(long userId) {
    return userId != 0 && userId == host.userId();
  }

  /**
   * Whether an account is in the meeting now.
   *
   * @param userId the account (0, a guest, is never)
   */
  public boolean hasAccountPresent(long userId) {
    lock.lock();
    try {
      return userId != 0 && participants.values().stream()
          .anyMatch(p -> p.attendee().userId() == userId);
    } finally {
      lock.unlock();
    }
  }

  /** Lets only these accounts join (a call's two people). */
  void restrictTo(java.util.Set<Long> userIds) {
    invitedOnly = java.util.Set.copyOf(userIds);
  }

  /**
   * Whether this person may join or look the meeting up: anyone, unless it is a call, which
   * admits only its two people.
   *
   * @param userId the account, or 0 for a guest
   */
  public boolean admits(long userId) {
    java.util.Set<Long> only = invitedOnly;
    return only == null || only.contains(userId);
  }

  /** Whether guests (no account) may join by link now. */
  public boolean allowsGuests() {
    return allowGuests;
  }

  /**
   * The meeting as REST and signaling show it.
   *
   * @param askingUserId the account asking, to fill {@code youAreHost}; 0 for nobody
   */
  public MeetingSummary summary(long askingUserId) {
    return new MeetingSummary(number, title, host.displayName(), allowGuests, participantCount(),
        startedAtMs, isHost(askingUserId));
  }

  /** The 9-digit meeting number. */
  public String number() {
    return number;
  }

  /** The media worker this meeting's router runs on. */
  MediaEngine engine() {
    return engine;
  }

  /** How many people are in the meeting, without taking its lock (a moment old at most). */
  int presentCount() {
    return present;
  }

  /** How many people are in the meeting now. */
  public int participantCount() {
    lock.lock();
    try {
      return participants.size();
    } finally {
      lock.unlock();
    }
  }

  /** When the meeting last became empty (System.nanoTime), or 0 while someone is in it. */
  long emptySinceNanos() {
    return emptySinceNanos;
  }

  /**
   * Adds a participant and creates their two transports. The others get
   * {@link ParticipantJoined}; the newcomer consumes every existing track, offered to it by
   * {@link #offerExistingTracks}.
   *
   * @param sink the participant's connection
   * @param who the account, or a guest with the name to show (already validated)
   * @param audioMuted whether the microphone starts muted
   * @param videoMuted whether the camera starts off
   * @return the new participant and the others present
   * @throws MeetingException {@code meeting_full} at the most participants it admits,
   *     {@code sign_in_required} for a guest when the host does not allow guests, or
   *     {@code meeting_not_found} if the meeting has just ended
   */
  public Joined join(ParticipantSink sink, Attendee who, boolean audioMuted,
      boolean videoMuted) throws MeetingException {
    lock.lock();
    try {
      if (closed) {
        throw new MeetingException("meeting_not_found", "meeting " + number + " has ended");
      }
      if (!admits(who.userId())) {
        // A call is nobody else's: as if there were no such meeting.
        throw new MeetingException("meeting_not_found", "no meeting " + number);
      }
      if (who.isGuest() && !allowGuests) {
        throw new MeetingException("sign_in_required",
            "meeting " + number + " admits only signed-in people");
      }
      if (participants.size() >= maxParticipants) {
        throw new MeetingException("meeting_full",
            "meeting " + number + " has " + maxParticipants + " participants already");
      }
      Participant p = new Participant(ids.get(), who, isHost(who.userId()), sink, audioMuted,
          videoMuted);
      TransportEvents events = new TransportEvents(p);
      List<WebRtcTransport> transports = engine.await(() -> List.of(
          router.createWebRtcTransport(events), router.createWebRtcTransport(events)));
      p.setTransports(transports.get(0), transports.get(1));
      List<ParticipantInfo> others = new ArrayList<>();
      for (Participant other : participants.values()) {
        others.add(other.info());
        other.sink().send(new ParticipantJoined(p.info()));
      }
      participants.put(p.id(), p);
      present = participants.size();
      accountOf.put(p.id(), who.userId());
      emptySinceNanos = 0;
      // Existing tracks: the newcomer consumes every producer of the others.
      engine.await(() -> {
        for (Participant other : participants.values()) {
          if (other != p) {
            for (Producer producer : other.publishTransport().producers()) {
              router.consume(producer, p.subscribeTransport(), other.id());
            }
          }
        }
        return null;
      });
      record(who);
      log.info("meeting {}: {} joined ({} present)", number, p.id(), participants.size());
      return new Joined(p, others);
    } finally {
      lock.unlock();
    }
  }

  /** Most characters of one chat message in a meeting. */
  public static final int MAX_CHAT_CHARS = 4000;

  /**
   * Says something in the meeting's chat: stored, then sent to everyone present (or, private, to
   * the sender and the recipient).
   *
   * @param from who says it
   * @param text the text
   * @param toParticipantId the one participant it is for, or null for everyone
   * @throws MeetingException {@code bad_message}, {@code message_too_long},
   *     {@code participant_not_found}, {@code not_joined}
   */
  public void chat(Participant from, String text, String toParticipantId)
      throws MeetingException {
    String body = io.kaihui.server.chat.ChatService.textOrNull(text, MAX_CHAT_CHARS);
    if (body == null) {
      throw new MeetingException(text != null && text.codePointCount(0, text.length())
          > MAX_CHAT_CHARS ? "message_too_long" : "bad_message",
          "a chat message has 1 to " + MAX_CHAT_CHARS + " characters of text");
    }
    say(from, body, null, toParticipantId);
  }

  /**
   * Sends a file into the meeting's chat, as {@link #chat} sends text: those it is for may then
   * download it (the caller checked that the sender may read it).
   *
   * @throws MeetingException {@code participant_not_found}, {@code not_joined}
   */
  public void chatFile(Participant from, FileView file, String toParticipantId)
      throws MeetingException {
    say(from, file.name(), file, toParticipantId);
  }

  private void say(Participant from, String body, FileView file, String toParticipantId)
      throws MeetingException {
    lock.lock();
    try {
      if (from.hasLeft() || participants.get(from.id()) != from) {
        throw new MeetingException("not_joined", "you are not in meeting " + number);
      }
      Participant to = null;
      if (toParticipantId != null) {
        to = participants.get(toParticipantId);
        if (to == null || to == from) {
          throw new MeetingException("participant_not_found",
              "nobody with this id is in the meeting");
        }
      }
      long now = clock.millis();
      MeetingChatMessage message = new MeetingChatMessage(chatLog.size() + 1, from.id(),
          from.displayName(), to == null ? null : to.id(), to == null ? null : to.displayName(),
          body, file, now);
      try {
        meetingLog.chat(logId, message.seq(), from.attendee(), to == null ? null : to.attendee(),
            body, file, now);
      } catch (RuntimeException e) {
        log.warn("meeting {}: cannot keep a chat message", number, e);
        throw new MeetingException("internal_error", "the message could not be kept");
      }
      chatLog.add(message);
      if (to == null) {
        for (Participant p : participants.values()) {
          p.sink().send(message);
        }
      } else {
        from.sink().send(message);
        to.sink().send(message);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Sends a newcomer what was said before they came: every message to everyone, and the private
   * ones to or from them (the same account, or this participant). Call it right after their
   * join response, as {@link #offerExistingTracks}.
   */
  public void sendChatBacklog(Participant p) {
    lock.lock();
    try {
      long me = p.attendee().userId();
      for (MeetingChatMessage m : chatLog) {
        boolean mine = m.toParticipantId() == null || p.id().equals(m.toParticipantId())
            || p.id().equals(m.fromParticipantId())
            || (me != 0 && (me == userOf(m.fromParticipantId())
                || me == userOf(m.toParticipantId())));
        if (mine) {
          p.sink().send(m);
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** The account of a participant seen in this meeting, or -1. */
  private long userOf(String participantId) {
    Long id = participantId == null ? null : accountOf.get(participantId);
    return id == null || id == 0 ? -1 : id;
  }

  /**
   * Sends a participant the subscribe offer for the tracks already in the meeting, if any; call
   * it right after their join response went out, so the browser knows who it is first.
   */
  public void offerExistingTracks(Participant p) {
    lock.lock();
    try {
      if (!p.hasLeft()) {
        renegotiate(p);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Answers a participant's publish offer, and offers their new tracks to everybody else.
   *
   * @param p a participant of this meeting
   * @param offerSdp the browser's offer
   * @return the SDP answer
   * @throws MeetingException {@code bad_sdp} when the offer cannot be used,
   *     {@code not_joined} when the participant has left
   */
  public String publish(Participant p, String offerSdp) throws MeetingException {
    lock.lock();
    try {
      requirePresent(p);
      PublishResult result;
      try {
        result = engine.await(() -> p.publishTransport().answerPublishOffer(offerSdp));
      } catch (SdpNegotiationException e) {
        throw new MeetingException("bad_sdp", e.getMessage());
      }
      if (!result.added().isEmpty()) {
        engine.await(() -> {
          for (Participant other : participants.values()) {
            if (other != p) {
              for (Producer producer : result.added()) {
                router.consume(producer, other.subscribeTransport(), p.id());
              }
            }
          }
          return null;
        });
      }
      // The newcomer's own subscribe offer (tracks of others) and the others' new tracks.
      for (Participant other : participants.values()) {
        renegotiate(other);
      }
      return result.answerSdp();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies a participant's answer to their subscribe offer, then sends the next offer if the
   * tracks changed meanwhile.
   *
   * @throws MeetingException {@code bad_sdp} when the answer cannot be used
   */
  public void subscribeAnswer(Participant p, long version, String answerSdp)
      throws MeetingException {
    lock.lock();
    try {
      requirePresent(p);
      try {
        engine.await(() -> {
          p.subscribeTransport().applySubscribeAnswer(version, answerSdp);
          return null;
        });
      } catch (SdpNegotiationException e) {
        throw new MeetingException("bad_sdp", e.getMessage());
      }
      renegotiate(p);
    } finally {
      lock.unlock();
    }
  }

  /** Records a participant's microphone and camera state and tells the others. */
  public void setMuted(Participant p, boolean audioMuted, boolean videoMuted)
      throws MeetingException {
    lock.lock();
    try {
      requirePresent(p);
      p.setMuted(audioMuted, videoMuted);
      broadcast(p, new ParticipantUpdated(p.info()));
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes a participant, closes their transports (and so every consumer of their tracks) and
   * tells the others. Does nothing if they already left.
   *
   * @param reason {@code left}, {@code disconnected}, {@code timeout} or {@code ended}
   */
  public void leave(Participant p, String reason) {
    lock.lock();
    try {
      if (p.hasLeft()) {
        return;
      }
      p.markLeft();
      participants.remove(p.id());
      present = participants.size();
      engine.await(() -> {
        p.publishTransport().close("participant " + reason);
        p.subscribeTransport().close("participant " + reason);
        return null;
      });
      broadcast(p, new ParticipantLeft(p.id(), reason));
      for (Participant other : participants.values()) {
        renegotiate(other);
      }
      if (participants.isEmpty()) {
        emptySinceNanos = System.nanoTime();
      }
      p.sink().removed();
      log.info("meeting {}: {} {} ({} present)", number, p.id(), reason, participants.size());
    } finally {
      lock.unlock();
    }
  }

  /**
   * Lets guests join by link, or stops letting them (guests already in stay); everyone in the
   * meeting gets {@link MeetingUpdated}.
   */
  public void setAllowGuests(boolean allow) {
    lock.lock();
    try {
      if (closed || allowGuests == allow) {
        return;
      }
      allowGuests = allow;
      MeetingUpdated update = new MeetingUpdated(summary(0));
      for (Participant p : participants.values()) {
        p.sink().send(update);
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends the meeting for everyone: each participant gets {@link MeetingEnded} and is removed
   * ({@code ended}; their sockets stay open), and the router closes. Does nothing if it has
   * ended already.
   *
   * @param byName the display name of who ended it
   * @return whether this call ended it
   */
  boolean end(String byName) {
    lock.lock();
    try {
      if (closed) {
        return false;
      }
      MeetingEnded ended = new MeetingEnded("ended_by_host", byName);
      for (Participant p : participants.values()) {
        p.sink().send(ended);
      }
      removeEveryone("ended");
      closeRouter();
      log.info("meeting {} ended by its host", number);
      return true;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the meeting: everyone is removed and the router closed. */
  void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      for (Participant p : removeEveryone("left")) {
        p.sink().close("meeting ended");
      }
      closeRouter();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Removes every participant at once, as the meeting ends: their transports close in one hop
   * to the media loop, and nobody is told of each other's leaving or renegotiated, since
   * everyone goes.
   *
   * @return who was removed
   */
  private List<Participant> removeEveryone(String reason) {
    List<Participant> all = List.copyOf(participants.values());
    participants.clear();
    present = 0;
    for (Participant p : all) {
      p.markLeft();
    }
    engine.await(() -> {
      for (Participant p : all) {
        p.publishTransport().close("participant " + reason);
        p.subscribeTransport().close("participant " + reason);
      }
      return null;
    });
    for (Participant p : all) {
      p.sink().removed();
    }
    emptySinceNanos = System.nanoTime();
    log.info("meeting {}: everyone removed ({}: {})", number, reason, all.size());
    return all;
  }

  private void closeRouter() {
    closed = true;
    engine.await(() -> {
      router.close();
      return null;
    });
  }

  /** Puts a newcomer in the log: an account at its first join, a guest at every join. */
  private void record(Attendee who) {
    if (!who.isGuest() && !logged.add(who.userId())) {
      return;
    }
    try {
      meetingLog.attended(logId, ++attendees, who, clock.millis());
    } catch (RuntimeException e) {
      log.warn("meeting {}: cannot record who joined", number, e);
    }
  }

  boolean isClosed() {
    return closed;
  }

  private void renegotiate(Participant p) {
    SubscribeNegotiator.Offer offer = engine.await(() -> p.subscribeTransport().subscribeOffer());
    if (offer != null) {
      p.sink().send(new SubscribeOffer(offer.version(), offer.sdp()));
    }
  }

  private void broadcast(Participant from, ServerMessage message) {
    for (Participant other : participants.values()) {
      if (other != from) {
        other.sink().send(message);
      }
    }
  }

  private void requirePresent(Participant p) throws MeetingException {
    if (p.hasLeft() || participants.get(p.id()) != p) {
      throw new MeetingException("not_joined", "not in meeting " + number);
    }
  }

  /**
   * A participant and who else was there when they joined.
   *
   * @param participant the new participant
   * @param others the others present, in join order
   */
  public record Joined(Participant participant, List<ParticipantInfo> others) {}

  /** Transport events arrive on the media loop and are handled on a virtual thread. */
  private final class TransportEvents implements WebRtcTransport.Listener {
    private final Participant participant;

    TransportEvents(Participant participant) {
      this.participant = participant;
    }

    @Override
    public void onTransportConnected(WebRtcTransport transport) {
      // Consumers start on the next keyframe by themselves.
    }

    @Override
    public void onTransportClosed(WebRtcTransport transport, String reason) {
      if (reason.startsWith("participant ") || reason.equals("router closed")) {
        return;
      }
      Thread.ofVirtual().name("transport-closed").start(() -> {
        if (!participant.hasLeft()) {
          log.info("meeting {}: {} media closed: {}", number, participant.id(), reason);
          leave(participant, "timeout");
          participant.sink().close("media connection lost: " + reason);
        }
      });
    }
  }
}
