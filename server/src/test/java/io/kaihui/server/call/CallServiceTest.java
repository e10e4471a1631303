package io.kaihui.server.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.media.MediaEngine;
import io.kaihui.media.MediaEngineConfig;
import io.kaihui.protocol.CallAccepted;
import io.kaihui.protocol.CallEnded;
import io.kaihui.protocol.CallIncoming;
import io.kaihui.protocol.ChatMessage;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.server.chat.ChatService;
import io.kaihui.server.meeting.Attendee;
import io.kaihui.server.meeting.MeetingException;
import io.kaihui.server.meeting.MeetingLog;
import io.kaihui.server.meeting.MeetingService;
import io.kaihui.server.presence.PresenceState;
import io.kaihui.server.social.FriendService;
import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.NullParticipantSink;
import io.kaihui.server.testing.TestDatabase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls between friends: ring, accept, decline, cancel, busy, missed, and their records. */
class CallServiceTest {

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long CAROL = 3;
  private static final long MALLORY = 4;

  private TestDatabase db;
  private MediaEngine engine;
  private MeetingService meetings;
  private ChatService chat;
  private CallService calls;
  private final Set<Long> inMeeting = ConcurrentHashMap.newKeySet();
  private final List<String> told = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    db = TestDatabase.create(DatabaseVendor.H2);
    Database database = db.open();
    Map<Long, String> names = Map.of(ALICE, "Alice", BOB, "Bob", CAROL, "Carol",
        MALLORY, "Mallory");
    names.forEach((id, name) -> database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO"
            + " users (id, username, username_key, display_name, password_hash, created_ms,"
            + " updated_ms) VALUES (:id, :u, :u, :d, 'x', 0, 0)")
        .bind("id", id).bind("u", name.toLowerCase()).bind("d", name).execute()));
    FriendService friends = new FriendService(database, Clock.systemUTC());
    friends.accept(BOB, friends.request(ALICE, BOB, null).request().requestId());
    friends.accept(CAROL, friends.request(ALICE, CAROL, null).request().requestId());
    chat = new ChatService(database, Clock.systemUTC(), friends, 100);
    engine = MediaEngine.start(new MediaEngineConfig(InetAddress.getLoopbackAddress(), 0,
        List.of(InetAddress.getLoopbackAddress()), Duration.ofSeconds(30)));
    meetings = new MeetingService(List.of(engine), new MeetingLog(database), Clock.systemUTC(),
        10);
    calls = new CallService(friends, chat, meetings,
        id -> inMeeting.contains(id) ? PresenceState.IN_MEETING : PresenceState.ONLINE,
        id -> Optional.ofNullable(names.get(id)).map(n -> new Attendee(id, n, null)),
        Clock.systemUTC(), Duration.ofMillis(300));
    calls.addListener((userId, event) -> told.add(userId + " " + describe(event)));
  }

  @AfterEach
  void stop() {
    calls.close();
    meetings.close();
    engine.close();
    db.close();
  }

  private static String describe(ServerMessage event) {
    return switch (event) {
      case CallIncoming c -> "incoming from " + c.call().caller().displayName();
      case CallAccepted a -> "accepted";
      case CallEnded e -> "ended " + e.reason();
      default -> event.toString();
    };
  }

  private List<String> records(long userId) throws Exception {
    long c = chat.openDirect(ALICE, userId).conversationId();
    return chat.history(ALICE, c, 0, 50).stream().filter(m -> m.kind().equals("call"))
        .map(ChatMessage::body).toList();
  }

  private static void refused(String code, org.assertj.core.api.ThrowableAssert.ThrowingCallable
      call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(CallException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void anAcceptedCallPutsBothIntoAPrivateMeeting() throws Exception {
    long id = calls.start(ALICE, BOB).callId();
    assertThat(told).containsExactly("2 incoming from Alice");
    refused(CallException.CALL_NOT_FOUND, () -> calls.accept(ALICE, id));
    String number = calls.accept(BOB, id);
    assertThat(told).contains("1 accepted", "2 accepted");
    var meeting = meetings.find(number).orElseThrow();
    assertThat(meeting.admits(ALICE)).isTrue();
    assertThat(meeting.admits(BOB)).isTrue();
    assertThat(meeting.admits(MALLORY)).isFalse();
    assertThatThrownBy(() -> meeting.join(new NullParticipantSink(), new Attendee(MALLORY, "Mallory", null),
        true, true)).isInstanceOfSatisfying(MeetingException.class,
            e -> assertThat(e.code()).isEqualTo("meeting_not_found"));
    assertThat(records(BOB)).containsExactly("answered");
    // Answered: not unread for Bob.
    assertThat(chat.conversations(BOB).getFirst().unread()).isZero();
    refused(CallException.CALL_NOT_FOUND, () -> calls.decline(BOB, id));
  }

  @Test
  void aPageThatConnectsWhileACallRingsIsToldOfIt() throws Exception {
    assertThat(calls.ringingFor(BOB)).isEmpty();
    long id = calls.start(ALICE, BOB).callId();
    assertThat(calls.ringingFor(BOB)).singleElement().isInstanceOfSatisfying(
        io.kaihui.protocol.CallIncoming.class, e -> assertThat(e.call().callId()).isEqualTo(id));
    assertThat(calls.ringingFor(ALICE)).isEmpty();
    calls.decline(BOB, id);
    assertThat(calls.ringingFor(BOB)).isEmpty();
  }

  @Test
  void declinedCancelledAndMissedCallsEndForBothAndAreKept() throws Exception {
    calls.decline(BOB, calls.start(ALICE, BOB).callId());
    calls.cancel(ALICE, calls.start(ALICE, BOB).callId());
    long missed = calls.start(ALICE, BOB).callId();
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!told.contains("2 ended missed") && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(told).contains("1 ended declined", "2 ended declined", "1 ended cancelled",
        "2 ended cancelled", "1 ended missed", "2 ended missed");
    assertThat(records(BOB)).containsExactly("declined", "cancelled", "missed");
    refused(CallException.CALL_NOT_FOUND, () -> calls.accept(BOB, missed));
    // Bob has not seen the cancelled and the missed call.
    assertThat(chat.conversations(BOB).getFirst().unread()).isEqualTo(2);
    assertThat(chat.history(BOB, chat.openDirect(BOB, ALICE).conversationId(), 0, 10))
        .allMatch(m -> m.senderId() == ALICE);
    assertThat(told).filteredOn(t -> t.contains("incoming")).hasSize(3)
        .containsOnly("2 incoming from Alice");
  }

  @Test
  void aFriendInACallOrAMeetingIsBusy() throws Exception {
    long ringing = calls.start(ALICE, BOB).callId();
    assertThat(calls.ringingCount()).isEqualTo(1);
    // Alice is calling: her friend Carol finds her busy.
    refused(CallException.BUSY, () -> calls.start(CAROL, ALICE));
    refused(CallException.ALREADY_IN_CALL, () -> calls.start(ALICE, CAROL));
    calls.cancel(ALICE, ringing);
    inMeeting.add(CAROL);
    refused(CallException.BUSY, () -> calls.start(ALICE, CAROL));
    assertThat(records(CAROL)).containsExactly("busy", "busy");
    assertThat(told).noneMatch(t -> t.startsWith("3 ") || t.startsWith("1 incoming"));
  }

  @Test
  void onlyFriendsCall() {
    refused(CallException.NOT_FRIENDS, () -> calls.start(MALLORY, ALICE));
    refused(CallException.NOT_FRIENDS, () -> calls.start(ALICE, ALICE));
    refused(CallException.NOT_FRIENDS, () -> calls.start(BOB, CAROL));
    assertThat(told).isEmpty();
  }

  @Test
  void aCallsMeetingTitleFitsTheRulesWhateverTheNames() throws Exception {
    String longName = "👩\u200D💻".repeat(21) + "x";
    String title = CallService.title(longName, "王" + "小明".repeat(40));
    assertThat(title.codePointCount(0, title.length())).isLessThanOrEqualTo(
        MeetingService.MAX_TITLE_CHARS);
    assertThat(title.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.FORMAT);
    // The meeting service takes it as it is.
    var meeting = meetings.createPrivate(new Attendee(ALICE, longName, null), title,
        Set.of(ALICE, BOB));
    assertThat(meeting.title()).isEqualTo(title);
  }
}
