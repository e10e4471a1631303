package io.kaihui.server.signaling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.websocket.WsConfig;
import io.kaihui.protocol.ClientMessage;
import io.kaihui.protocol.ErrorResponse;
import io.kaihui.protocol.FriendRequestReceived;
import io.kaihui.protocol.FriendRequestView;
import io.kaihui.protocol.FriendsChanged;
import io.kaihui.protocol.JoinRequest;
import io.kaihui.protocol.JoinResponse;
import io.kaihui.protocol.LeaveRequest;
import io.kaihui.protocol.FileView;
import io.kaihui.protocol.MeetingChatSend;
import io.kaihui.protocol.OkResponse;
import io.kaihui.protocol.PingRequest;
import io.kaihui.protocol.PresenceChanged;
import io.kaihui.protocol.PublishRequest;
import io.kaihui.protocol.PublishResponse;
import io.kaihui.protocol.SetMutedRequest;
import io.kaihui.protocol.SubscribeAnswer;
import io.kaihui.server.meeting.Attendee;
import io.kaihui.server.meeting.Meeting;
import io.kaihui.server.meeting.MeetingException;
import io.kaihui.server.meeting.MeetingNumbers;
import io.kaihui.server.meeting.MeetingService;
import io.kaihui.server.meeting.Participant;
import io.kaihui.server.presence.PresenceService;
import io.kaihui.server.presence.PresenceState;
import io.kaihui.server.session.RevocationReason;
import io.kaihui.server.session.Session;
import io.kaihui.server.session.SessionListener;
import io.kaihui.server.session.SessionService;
import io.kaihui.server.social.FriendService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.eclipse.jetty.websocket.api.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket signaling endpoint ({@code /ws}): reads {@link ClientMessage}s, calls the
 * meeting service and answers each request with one message carrying its id. A frame that is
 * not a valid message is answered with {@link ErrorResponse} ({@code bad_request}) and counted;
 * the connection stays open. Closing the socket removes the participant ({@code disconnected}).
 *
 * <p>A socket opened with the cookie of a live sign-in session (the HTTP layer puts that
 * {@link Session} into the upgrade request's {@link #SESSION_ATTRIBUTE}) remembers it. When
 * the session ends early (sign-out, password change, sign-in elsewhere) the endpoint, as a
 * {@link SessionListener}, closes its sockets at once with close code {@link #SIGNED_OUT} and
 * the {@link RevocationReason#code()} as the close reason. A socket whose cookie names no live
 * session is anonymous, as one without a cookie: it joins meetings as a guest. Nothing of the
 * session token is ever sent.
 *
 * <p>Each signed-in socket counts for its person's presence (its {@link PresenceService}); every
 * signed-in socket of a person and of their friends gets {@link PresenceChanged} when it
 * changes (to friends in order, from one thread, since finding them reads the database). As a
 * {@link FriendService.Listener} it tells a person's sockets of friend requests
 * ({@link FriendRequestReceived}) and changes to their friends ({@link FriendsChanged}); chat
 * sends its events through {@link #sendTo}. A socket that sends nothing for
 * {@link #SILENCE_LIMIT} (the client pings every 5 s) is closed with {@link #SILENT} and its
 * participant leaves its meeting ({@code timeout}).
 */
public final class SignalingEndpoint implements SessionListener,
    PresenceService.Listener<SignalingConnection>, FriendService.Listener,
    AutoCloseable {

  /**
   * The close code of a socket whose sign-in session ended; the close reason is
   * {@code signed_in_elsewhere}, {@code logout}, {@code password_changed} or {@code revoked}.
   * From the private-use range 4000–4999 of RFC 6455 §7.4.2.
   */
  public static final int SIGNED_OUT = 4001;

  /** The close code of a socket silent for {@link #SILENCE_LIMIT}; the reason is "silent". */
  public static final int SILENT = 4000;

  /** How long a socket may send nothing before it is closed (the client pings every 5 s). */
  public static final Duration SILENCE_LIMIT = Duration.ofSeconds(25);

  /**
   * The upgrade request's attribute holding the live {@link Session} of its cookie; absent for
   * an anonymous socket.
   */
  public static final String SESSION_ATTRIBUTE = "kaihui.session";

  /** Longest text frame accepted, in bytes (SDP of a big offer fits many times over). */
  public static final int MAX_MESSAGE_BYTES = 256 * 1024;

  /** Longest SDP accepted, in characters. */
  static final int MAX_SDP_CHARS = 128 * 1024;

  /** Longest display name, in characters after trimming. */
  static final int MAX_NAME_CHARS = 64;

  private static final Logger log = LoggerFactory.getLogger(SignalingEndpoint.class);

  private final MeetingService meetings;
  private final SessionService sessions;
  private final PresenceService<SignalingConnection> presence = new PresenceService<>();
  private final LongFunction<Optional<Attendee>> accounts;
  private final LongFunction<List<Long>> friendIds;
  private final List<LongFunction<List<io.kaihui.protocol.ServerMessage>>> greetings =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.function.BiFunction<Long, String, Optional<FileView>> readableFile;
  /** Tells friends of presence changes, one at a time and in order. */
  private final ExecutorService friendFanOut = Executors.newSingleThreadExecutor(
      Thread.ofVirtual().name("presence-to-friends").factory());
  private final ObjectMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();
  private final ConcurrentHashMap<String, SignalingConnection> connections =
      new ConcurrentHashMap<>();
  /** The open sockets of each sign-in session, by session id. */
  private final ConcurrentHashMap<String, Set<SignalingConnection>> bySession =
      new ConcurrentHashMap<>();
  private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
      Thread.ofVirtual().name("signaling-sweeper").factory());
  private final AtomicLong malformed = new AtomicLong();
  private final MeterRegistry metrics;

  /**
   * Creates the endpoint.
   *
   * @param meetings the live meetings
   * @param metrics where it counts errors answered ({@code kaihui.signaling.errors} by code)
   *     and sockets closed for an ended session ({@code kaihui.signaling.signouts} by reason),
   *     and reports open connections
   * @param sessions the sign-in sessions, to check that a new socket's session did not end
   *     while it was being opened; register this endpoint as its listener
   * @param accounts who an account is in a meeting (display name, avatar), by account id;
   *     empty for an account that no longer exists
   * @param friendIds the ids of a person's friends, who are told of their presence
   * @param readableFile a file by its id if the account may read it (account id, file id),
   *     for files sent into a meeting's chat
   */
  public SignalingEndpoint(MeetingService meetings, MeterRegistry metrics,
      SessionService sessions, LongFunction<Optional<Attendee>> accounts,
      LongFunction<List<Long>> friendIds,
      java.util.function.BiFunction<Long, String, Optional<FileView>> readableFile) {
    this.meetings = meetings;
    this.readableFile = readableFile;
    this.friendIds = friendIds;
    this.metrics = metrics;
    this.sessions = sessions;
    this.accounts = accounts;
    presence.addListener(this);
    Gauge.builder("kaihui.signaling.connections", connections, Map::size).register(metrics);
    sweeper.scheduleWithFixedDelay(() -> closeSilent(System.nanoTime()), 5, 5, TimeUnit.SECONDS);
  }

  @Override
  public void close() {
    sweeper.shutdownNow();
    friendFanOut.shutdownNow();
  }

  /** A person's presence now, from their signed-in sockets. */
  public PresenceState presenceOf(long userId) {
    return presence.stateOf(userId);
  }

  /** How many people are not offline. */
  public int onlineCount() {
    return presence.onlineCount();
  }

  /** Frames that could not be read as a message, since start. */
  public long malformedMessages() {
    return malformed.get();
  }

  /** Open signaling connections. */
  public int connectionCount() {
    return connections.size();
  }

  /** Open sockets of a sign-in session. */
  public int connectionCount(String sessionId) {
    Set<SignalingConnection> set = bySession.get(sessionId);
    return set == null ? 0 : set.size();
  }

  /** Installs the handlers on Javalin's WebSocket route. */
  public void configure(WsConfig ws) {
    ws.onConnect(ctx -> {
      ctx.session.setMaxTextMessageSize(MAX_MESSAGE_BYTES);
      var socket = ctx.session;
      Session signedIn = ctx.attribute(SESSION_ATTRIBUTE);
      SignalingConnection c = new SignalingConnection(new SignalingConnection.Wire() {
        @Override
        public void sendText(String text) {
          if (socket.isOpen()) {
            socket.sendText(text, Callback.NOOP);
          }
        }

        @Override
        public void close(int code, String reason) {
          if (socket.isOpen()) {
            socket.close(code, reason, Callback.NOOP);
          }
        }
      }, json, signedIn);
      connections.put(ctx.sessionId(), c);
      attach(c);
    });
    ws.onMessage(ctx -> {
      SignalingConnection c = connections.get(ctx.sessionId());
      if (c != null) {
        c.heard(System.nanoTime());
        onText(c, ctx.message());
      }
    });
    ws.onClose(ctx -> closed(connections.remove(ctx.sessionId())));
    ws.onError(ctx -> closed(connections.remove(ctx.sessionId())));
  }

  /**
   * Closes the sockets of sessions that ended, with {@link #SIGNED_OUT} and the reason's code.
   * Called by {@link SessionService} on the thread that revoked them; does not block.
   */
  @Override
  public void onSessionsRevoked(List<Session> ended, RevocationReason reason) {
    for (Session s : ended) {
      Set<SignalingConnection> sockets = bySession.remove(s.id());
      if (sockets != null) {
        for (SignalingConnection c : sockets) {
          signOut(c, reason);
        }
      }
    }
  }

  /** A connection not attached to a socket, for tests. */
  SignalingConnection newConnection(SignalingConnection.Wire wire) {
    return newConnection(wire, null);
  }

  /** A connection of a sign-in session, not attached to a socket, for tests. */
  SignalingConnection newConnection(SignalingConnection.Wire wire, Session session) {
    return new SignalingConnection(wire, json, session);
  }

  /**
   * Lists a new connection under its sign-in session and person, counts it for their presence
   * and tells it that presence. A revocation told between the upgrade's session check and this
   * moment would have missed it, so the session is looked up once more and the socket closed at
   * once if it has ended. Package-private for tests.
   */
  void attach(SignalingConnection c) {
    String sessionId = c.sessionId();
    if (sessionId == null) {
      return;
    }
    bySession.computeIfAbsent(sessionId, k -> ConcurrentHashMap.newKeySet()).add(c);
    Optional<io.kaihui.server.session.Session> ended =
        sessions.find(sessionId).filter(s -> s.revokedAt() != null);
    if (ended.isPresent()) {
      detach(c);
      signOut(c, ended.get().revocationReason() == null ? RevocationReason.REVOKED
          : ended.get().revocationReason());
      return;
    }
    long userId = c.userId();
    c.onRemoved(() -> presence.update(userId, c, false, c.away()));
    if (!presence.update(userId, c, false, false)) {
      // Unchanged (another tab is open): nobody was told, so tell the new socket.
      c.send(new PresenceChanged(userId, presence.stateOf(userId).code()));
    }
    // After the socket counts for sendTo: what happened before it came is sent now (an event
    // at this very moment may come twice; clients keep it once).
    for (var greeting : greetings) {
      greeting.apply(userId).forEach(c::send);
    }
  }

  /**
   * Adds what a newly connected signed-in socket is told at once, by account id: for example
   * the calls ringing for that person, whose events it missed.
   */
  public void addGreeting(LongFunction<List<io.kaihui.protocol.ServerMessage>> greeting) {
    greetings.add(greeting);
  }

  /** Sends a person's new presence to each of their sockets. */
  @Override
  public void onPresenceChanged(long userId, PresenceState state,
      Set<SignalingConnection> sockets) {
    PresenceChanged message = new PresenceChanged(userId, state.code());
    for (SignalingConnection c : sockets) {
      c.send(message);
    }
    try {
      friendFanOut.execute(() -> {
        try {
          for (long friend : friendIds.apply(userId)) {
            sendTo(friend, message);
          }
        } catch (RuntimeException e) {
          log.warn("cannot tell the friends of {} of their presence", userId, e);
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // closing
    }
  }

  @Override
  public void onFriendRequest(long toUserId, FriendRequestView request) {
    sendTo(toUserId, new FriendRequestReceived(request));
  }

  @Override
  public void onFriendsChanged(long userId, String reason, long otherUserId) {
    sendTo(userId, new FriendsChanged(reason, otherUserId));
  }

  /**
   * Sends an event to every signed-in socket of a person; none when they are offline.
   *
   * @param userId whose sockets
   * @param message the event
   */
  public void sendTo(long userId, io.kaihui.protocol.ServerMessage message) {
    for (SignalingConnection c : presence.socketsOf(userId)) {
      c.send(message);
    }
  }

  /**
   * Closes every socket that sent nothing for {@link #SILENCE_LIMIT}: its participant leaves
   * its meeting ({@code timeout}) and it stops counting for presence. Package-private for tests.
   *
   * @param nowNanos the time now, as System.nanoTime
   * @return how many were closed
   */
  int closeSilent(long nowNanos) {
    int closed = 0;
    for (Map.Entry<String, SignalingConnection> e : connections.entrySet()) {
      SignalingConnection c = e.getValue();
      if (nowNanos - c.lastHeardNanos() > SILENCE_LIMIT.toNanos()
          && connections.remove(e.getKey(), c)) {
        metrics.counter("kaihui.signaling.silent").increment();
        forget(c, "timeout");
        c.closeWith(SILENT, "silent");
        closed++;
      }
    }
    return closed;
  }

  /** Lists a connection not made by {@link #configure}, for tests. */
  void register(String socketId, SignalingConnection c) {
    connections.put(socketId, c);
    attach(c);
  }

  /** Closes a connection listed by {@link #register} as its socket's close would, for tests. */
  void unregister(String socketId, SignalingConnection c) {
    if (connections.remove(socketId, c)) {
      closed(c);
    }
  }

  /** Forgets a closed connection and takes its participant out of its meeting. */
  private void closed(SignalingConnection c) {
    if (c != null) {
      forget(c, "disconnected");
    }
  }

  private void forget(SignalingConnection c, String reason) {
    detach(c);
    leave(c, reason);
    if (c.userId() != 0) {
      presence.remove(c.userId(), c);
    }
  }

  private void detach(SignalingConnection c) {
    String sessionId = c.sessionId();
    if (sessionId != null) {
      bySession.computeIfPresent(sessionId, (k, set) -> {
        set.remove(c);
        return set.isEmpty() ? null : set;
      });
    }
  }

  private void signOut(SignalingConnection c, RevocationReason reason) {
    try {
      metrics.counter("kaihui.signaling.signouts", "reason", reason.code()).increment();
      c.signOut(reason);
    } catch (RuntimeException e) {
      log.warn("cannot close the socket of ended session {}", c.sessionId(), e);
    }
  }

  /** Handles one text frame. Package-private for tests. */
  void onText(SignalingConnection c, String text) {
    ClientMessage message;
    try {
      message = json.readValue(text, ClientMessage.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      malformed.incrementAndGet();
      sendError(c, new ErrorResponse(idOf(text), "bad_request",
          "not a valid message: " + firstLine(e.getMessage())));
      return;
    }
    if (message == null || message.id() <= 0) {
      malformed.incrementAndGet();
      sendError(c, new ErrorResponse(0, "bad_request", "every request needs a positive id"));
      return;
    }
    try {
      c.send(handle(c, message));
      if (message instanceof JoinRequest && c.meeting() != null) {
        c.meeting().offerExistingTracks(c.participant());
        c.meeting().sendChatBacklog(c.participant());
      }
    } catch (MeetingException e) {
      sendError(c, new ErrorResponse(message.id(), e.code(), e.getMessage()));
    } catch (RuntimeException e) {
      log.warn("request {} failed", message.getClass().getSimpleName(), e);
      sendError(c, new ErrorResponse(message.id(), "internal_error", "the server failed"));
    }
  }

  private void sendError(SignalingConnection c, ErrorResponse error) {
    metrics.counter("kaihui.signaling.errors", "code", error.code()).increment();
    c.send(error);
  }

  private io.kaihui.protocol.ServerMessage handle(SignalingConnection c, ClientMessage message)
      throws MeetingException {
    return switch (message) {
      case JoinRequest r -> join(c, r);
      case PublishRequest r -> new PublishResponse(r.id(),
          joined(c).publish(c.participant(), sdp(r.sdp())));
      case SubscribeAnswer r -> {
        joined(c).subscribeAnswer(c.participant(), r.version(), sdp(r.sdp()));
        yield new OkResponse(r.id());
      }
      case SetMutedRequest r -> {
        joined(c).setMuted(c.participant(), r.audioMuted(), r.videoMuted());
        yield new OkResponse(r.id());
      }
      case LeaveRequest r -> {
        joined(c);
        leave(c, "left");
        yield new OkResponse(r.id());
      }
      case MeetingChatSend r -> {
        Meeting meeting = joined(c);
        if (r.fileId() == null) {
          meeting.chat(c.participant(), r.text(), r.toParticipantId());
        } else {
          if (c.userId() == 0) {
            throw new MeetingException("not_signed_in", "guests cannot send files");
          }
          FileView file = readableFile.apply(c.userId(), r.fileId()).orElseThrow(() ->
              new MeetingException("file_not_found", "no such file"));
          meeting.chatFile(c.participant(), file, r.toParticipantId());
        }
        yield new OkResponse(r.id());
      }
      case PingRequest r -> {
        if (c.away() != r.isAway()) {
          c.setAway(r.isAway());
          if (c.userId() != 0) {
            presence.update(c.userId(), c, c.meeting() != null, r.isAway());
          }
        }
        yield new OkResponse(r.id());
      }
    };
  }

  private JoinResponse join(SignalingConnection c, JoinRequest r) throws MeetingException {
    if (c.participant() != null && !c.participant().hasLeft()) {
      throw new MeetingException("already_joined", "this connection is already in a meeting");
    }
    String number = r.meetingNumber() == null ? null : r.meetingNumber().replace(" ", "");
    if (!MeetingNumbers.isWellFormed(number)) {
      throw new MeetingException("bad_request", "a meeting number has 9 digits");
    }
    Attendee who;
    if (c.userId() != 0) {
      who = accounts.apply(c.userId()).orElseThrow(() ->
          new MeetingException("sign_in_required", "the account no longer exists"));
    } else {
      who = Attendee.guest(displayName(r.displayName()));
    }
    Meeting meeting = meetings.find(number).orElseThrow(() ->
        new MeetingException("meeting_not_found", "no meeting " + number));
    Meeting.Joined joined = meeting.join(c, who, r.audioMuted(), r.videoMuted());
    c.joined(meeting, joined.participant());
    if (c.userId() != 0) {
      presence.update(c.userId(), c, true, c.away());
    }
    return new JoinResponse(r.id(), number, joined.participant().id(), joined.others(),
        meeting.summary(c.userId()), joined.participant().info());
  }

  private void leave(SignalingConnection c, String reason) {
    Meeting m = c.meeting();
    Participant p = c.participant();
    if (m != null && p != null) {
      m.leave(p, reason);
    }
    c.left();
  }

  private static Meeting joined(SignalingConnection c) throws MeetingException {
    Meeting m = c.meeting();
    if (m == null || c.participant() == null || c.participant().hasLeft()) {
      throw new MeetingException("not_joined", "join a meeting first");
    }
    return m;
  }

  private static String sdp(String sdp) throws MeetingException {
    if (sdp == null || sdp.isBlank()) {
      throw new MeetingException("bad_sdp", "the SDP is missing");
    }
    if (sdp.length() > MAX_SDP_CHARS) {
      throw new MeetingException("bad_sdp", "the SDP is longer than " + MAX_SDP_CHARS);
    }
    return sdp;
  }

  /** Trims a display name and checks it: 1 to 64 characters, no control characters. */
  static String displayName(String raw) throws MeetingException {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw new MeetingException("bad_request", "a display name is required");
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
      throw new MeetingException("bad_request",
          "a display name has at most " + MAX_NAME_CHARS + " characters");
    }
    if (name.codePoints().anyMatch(cp -> Character.isISOControl(cp)
        || Character.getType(cp) == Character.FORMAT)) {
      throw new MeetingException("bad_request", "a display name cannot hold control characters");
    }
    return name;
  }

  /** The id of a request that failed to parse, when its JSON still shows one; else 0. */
  private long idOf(String text) {
    try {
      var node = json.readTree(text);
      return node != null && node.path("id").canConvertToLong() ? node.path("id").asLong() : 0;
    } catch (JsonProcessingException | RuntimeException e) {
      return 0;
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
