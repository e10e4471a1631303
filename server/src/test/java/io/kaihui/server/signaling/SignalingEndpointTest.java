package io.kaihui.server.signaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kaihui.media.MediaEngine;
import io.kaihui.media.MediaEngineConfig;
import io.kaihui.server.meeting.Attendee;
import io.kaihui.server.meeting.Meeting;
import io.kaihui.server.meeting.MeetingLog;
import io.kaihui.server.meeting.MeetingException;
import io.kaihui.server.meeting.MeetingService;
import io.kaihui.server.presence.PresenceState;
import io.kaihui.server.session.ClientInfo;
import io.kaihui.server.session.IssuedSession;
import io.kaihui.server.session.RevocationReason;
import io.kaihui.server.session.SessionService;
import io.kaihui.server.session.SessionSettings;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.TestDatabase;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SignalingEndpointTest {

  private static MediaEngine engine;
  private static MeetingService meetings;
  private static TestDatabase db;
  private static SessionService sessions;
  private static SignalingEndpoint endpoint;
  private static MeetingLog meetingLog;
  private static final Attendee ALICE = new Attendee(7, "Alice", "/api/v1/users/7/avatar?v=1");
  private static final Attendee BOB = new Attendee(8, "Bob", null);
  /** Carol and Dave are only in the presence test: no other test opens their sockets. */
  private static final Attendee CAROL = new Attendee(9, "Carol", null);
  private static final Attendee DAVE = new Attendee(10, "Dave", null);
  /** Who is told of whose presence: Carol and Dave are friends. */
  private static final java.util.Map<Long, List<Long>> FRIENDS =
      java.util.Map.of(9L, List.of(10L), 10L, List.of(9L));
  private static final io.micrometer.core.instrument.simple.SimpleMeterRegistry registry =
      new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void start() {
    engine = MediaEngine.start(new MediaEngineConfig(InetAddress.getLoopbackAddress(), 0,
        List.of(InetAddress.getLoopbackAddress()), Duration.ofSeconds(30)));
    db = TestDatabase.create(DatabaseVendor.H2);
    for (Attendee a : List.of(ALICE, BOB, CAROL, DAVE)) {
      db.open().jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username,"
          + " username_key, display_name, password_hash, created_ms, updated_ms)"
          + " VALUES (:id, :name, :name, :display, 'not-a-real-hash', 0, 0)")
          .bind("id", a.userId()).bind("name", a.displayName().toLowerCase())
          .bind("display", a.displayName()).execute());
    }
    meetingLog = new MeetingLog(db.open());
    meetings = new MeetingService(List.of(engine), meetingLog, Clock.systemUTC(), 3);
    sessions = new SessionService(db.open().jdbi(), Clock.systemUTC(), new SessionSettings(
        false, Duration.ofDays(30), Duration.ofHours(12)));
    endpoint = new SignalingEndpoint(meetings, registry, sessions,
        id -> java.util.stream.Stream.of(ALICE, BOB, CAROL, DAVE).filter(a -> a.userId() == id)
            .findFirst(), id -> FRIENDS.getOrDefault(id, List.of()), (u, f) -> java.util.Optional.empty());
    sessions.addListener(endpoint);
  }

  @AfterAll
  static void stop() {
    endpoint.close();
    meetings.close();
    engine.close();
    db.close();
  }

  /** A connection whose frames land in a list. */
  private static final class Recorder implements SignalingConnection.Wire {
    /** Written by the tested thread and, for friends' presence, by the endpoint's own. */
    final List<String> frames = new java.util.concurrent.CopyOnWriteArrayList<>();
    String closedWith;
    int closeCode;

    @Override
    public void sendText(String text) {
      frames.add(text);
    }

    @Override
    public void close(int code, String reason) {
      closeCode = code;
      closedWith = reason;
    }
  }

  @Test
  void revokedSessionsHaveTheirSocketsClosedWithTheReason() {
    IssuedSession laptop = sessions.create(7, false, ClientInfo.UNKNOWN);
    IssuedSession phone = sessions.create(7, false, ClientInfo.UNKNOWN);
    Recorder laptopTab1 = new Recorder();
    Recorder laptopTab2 = new Recorder();
    Recorder phoneTab = new Recorder();
    Recorder guest = new Recorder();
    SignalingConnection a = endpoint.newConnection(laptopTab1, laptop.session());
    SignalingConnection b = endpoint.newConnection(laptopTab2, laptop.session());
    SignalingConnection c = endpoint.newConnection(phoneTab, phone.session());
    SignalingConnection d = endpoint.newConnection(guest);
    for (SignalingConnection x : List.of(a, b, c, d)) {
      endpoint.attach(x);
    }
    assertThat(a.sessionId()).isEqualTo(laptop.session().id());
    assertThat(a.userId()).isEqualTo(7);
    assertThat(d.sessionId()).isNull();
    assertThat(endpoint.connectionCount(laptop.session().id())).isEqualTo(2);

    sessions.logout(laptop.token());
    assertThat(laptopTab1.closeCode).isEqualTo(SignalingEndpoint.SIGNED_OUT);
    assertThat(laptopTab1.closedWith).isEqualTo("logout");
    assertThat(laptopTab2.closeCode).isEqualTo(4001);
    assertThat(laptopTab2.closedWith).isEqualTo("logout");
    assertThat(phoneTab.closedWith).isNull();
    assertThat(guest.closedWith).isNull();
    assertThat(endpoint.connectionCount(laptop.session().id())).isZero();

    sessions.revokeAllExcept(7, null, RevocationReason.PASSWORD_CHANGED);
    assertThat(phoneTab.closeCode).isEqualTo(4001);
    assertThat(phoneTab.closedWith).isEqualTo("password_changed");
    assertThat(guest.closedWith).isNull();
    assertThat(registry.counter("kaihui.signaling.signouts", "reason", "logout").count())
        .isGreaterThanOrEqualTo(2);
    // Nothing of a token was ever sent: only the presence.
    assertThat(laptopTab1.frames).singleElement().asString().startsWith("{\"type\":\"presence\"");
  }

  @Test
  void aSocketWhoseSessionEndedWhileItOpenedIsClosedAtOnce() {
    IssuedSession issued = sessions.create(7, false, ClientInfo.UNKNOWN);
    // The upgrade saw a live session; it is signed in elsewhere before the socket is listed.
    sessions.revoke(issued.session().id(), RevocationReason.SIGNED_IN_ELSEWHERE);
    Recorder r = new Recorder();
    endpoint.attach(endpoint.newConnection(r, issued.session()));
    assertThat(r.closeCode).isEqualTo(4001);
    assertThat(r.closedWith).isEqualTo("signed_in_elsewhere");
    assertThat(endpoint.connectionCount(issued.session().id())).isZero();
  }

  @Test
  void aNewSignedInSocketIsGreetedWithWhatItMissed() {
    // The endpoint is shared by this class's tests: the greeting speaks during this one only.
    var during = new java.util.concurrent.atomic.AtomicBoolean(true);
    endpoint.addGreeting(userId -> during.get() && userId == BOB.userId()
        ? List.of(new io.kaihui.protocol.PresenceChanged(99, "online")) : List.of());
    Recorder mine = new Recorder();
    SignalingConnection bob = endpoint.newConnection(mine, sessions.create(BOB.userId(), false,
        ClientInfo.UNKNOWN).session());
    endpoint.register("greet-bob", bob);
    Recorder other = new Recorder();
    SignalingConnection dave = endpoint.newConnection(other, sessions.create(DAVE.userId(),
        false, ClientInfo.UNKNOWN).session());
    endpoint.register("greet-dave", dave);
    assertThat(mine.frames).anyMatch(f -> f.contains("\"userId\":99"));
    assertThat(other.frames).noneMatch(f -> f.contains("\"userId\":99"));
    endpoint.unregister("greet-bob", bob);
    endpoint.unregister("greet-dave", dave);
    during.set(false);
  }

  private JsonNode last(Recorder r) throws Exception {
    return json.readTree(r.frames.get(r.frames.size() - 1));
  }

  @Test
  void garbageIsAnsweredWithBadRequestAndCounted() throws Exception {
    Recorder r = new Recorder();
    SignalingConnection c = endpoint.newConnection(r);
    long before = endpoint.malformedMessages();
    List<String> garbage = List.of("", "{", "null", "[]", "42", "\"join\"", "{}",
        "{\"type\":\"nope\",\"id\":7}", "{\"type\":\"join\"}", "{\"id\":3}",
        "{\"type\":\"ping\",\"id\":\"x\"}", "{\"type\":\"setMuted\",\"id\":9,\"audioMuted\":null}",
        "\u0000\u0001\u0002");
    for (String g : garbage) {
      int n = r.frames.size();
      endpoint.onText(c, g);
      assertThat(r.frames).as("one answer to %s", g).hasSize(n + 1);
      JsonNode answer = last(r);
      assertThat(answer.path("type").asText()).as("answer to %s", g).isEqualTo("error");
      assertThat(answer.path("code").asText()).isEqualTo("bad_request");
    }
    assertThat(endpoint.malformedMessages() - before).isEqualTo(garbage.size());
    assertThat(registry.counter("kaihui.signaling.errors", "code", "bad_request").count())
        .isGreaterThanOrEqualTo(garbage.size());
    // The id of an unknown request type is still echoed.
    endpoint.onText(c, "{\"type\":\"nope\",\"id\":7}");
    assertThat(last(r).path("id").asLong()).isEqualTo(7);
  }

  @Test
  void randomBytesNeverThrow() {
    Recorder r = new Recorder();
    SignalingConnection c = endpoint.newConnection(r);
    Random random = new Random(7);
    String alphabet = "{}[]\":,0123456789abcdefghijklmnopqrstuvwxyz typeidjoin\\\u00e9\u4f1a";
    for (int i = 0; i < 5000; i++) {
      StringBuilder sb = new StringBuilder();
      int len = random.nextInt(80);
      for (int j = 0; j < len; j++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      endpoint.onText(c, sb.toString());
    }
    assertThat(r.frames).hasSize(5000);
    assertThat(r.closedWith).isNull();
  }

  @Test
  void requestsBeforeJoiningAreRefused() throws Exception {
    Recorder r = new Recorder();
    SignalingConnection c = endpoint.newConnection(r);
    endpoint.onText(c, "{\"type\":\"publish\",\"id\":1,\"sdp\":\"v=0\"}");
    assertThat(last(r).path("code").asText()).isEqualTo("not_joined");
    endpoint.onText(c, "{\"type\":\"ping\",\"id\":2}");
    assertThat(last(r).path("type").asText()).isEqualTo("ok");
    assertThat(last(r).path("id").asLong()).isEqualTo(2);
  }

  @Test
  void joinValidatesNumberAndName() throws Exception {
    Recorder r = new Recorder();
    SignalingConnection c = endpoint.newConnection(r);
    endpoint.onText(c, "{\"type\":\"join\",\"id\":1,\"meetingNumber\":\"12\","
        + "\"displayName\":\"A\",\"audioMuted\":false,\"videoMuted\":false}");
    assertThat(last(r).path("code").asText()).isEqualTo("bad_request");
    endpoint.onText(c, "{\"type\":\"join\",\"id\":2,\"meetingNumber\":\"999999999\","
        + "\"displayName\":\"A\",\"audioMuted\":false,\"videoMuted\":false}");
    assertThat(last(r).path("code").asText()).isEqualTo("meeting_not_found");
    Meeting m = guestMeeting();
    endpoint.onText(c, "{\"type\":\"join\",\"id\":3,\"meetingNumber\":\"" + m.number()
        + "\",\"displayName\":\"   \",\"audioMuted\":false,\"videoMuted\":false}");
    assertThat(last(r).path("code").asText()).isEqualTo("bad_request");
    assertThat(m.participantCount()).isZero();
  }

  @Test
  void twoParticipantsSeeEachOtherJoinAndLeave() throws Exception {
    Meeting m = guestMeeting();
    Recorder ra = new Recorder();
    Recorder rb = new Recorder();
    SignalingConnection a = endpoint.newConnection(ra);
    SignalingConnection b = endpoint.newConnection(rb);
    endpoint.onText(a, "{\"type\":\"join\",\"id\":1,\"meetingNumber\":\"" + m.number()
        + "\",\"displayName\":\"Alice\",\"audioMuted\":false,\"videoMuted\":true}");
    JsonNode joinedA = last(ra);
    assertThat(joinedA.path("type").asText()).isEqualTo("joinResponse");
    assertThat(joinedA.path("participants")).isEmpty();
    endpoint.onText(b, "{\"type\":\"join\",\"id\":1,\"meetingNumber\":\"" + m.number()
        + "\",\"displayName\":\"Bob\",\"audioMuted\":true,\"videoMuted\":false}");
    JsonNode joinedB = last(rb);
    assertThat(joinedB.path("participants").get(0).path("displayName").asText())
        .isEqualTo("Alice");
    assertThat(joinedB.path("participants").get(0).path("videoMuted").asBoolean()).isTrue();
    JsonNode event = last(ra);
    assertThat(event.path("type").asText()).isEqualTo("participantJoined");
    assertThat(event.path("participant").path("displayName").asText()).isEqualTo("Bob");
    String bobId = joinedB.path("participantId").asText();

    endpoint.onText(b, "{\"type\":\"setMuted\",\"id\":2,\"audioMuted\":false,\"videoMuted\":false}");
    assertThat(last(ra).path("type").asText()).isEqualTo("participantUpdated");
    assertThat(last(ra).path("participant").path("audioMuted").asBoolean()).isFalse();

    endpoint.onText(b, "{\"type\":\"join\",\"id\":3,\"meetingNumber\":\"" + m.number()
        + "\",\"displayName\":\"Bob\",\"audioMuted\":true,\"videoMuted\":false}");
    assertThat(last(rb).path("code").asText()).isEqualTo("already_joined");

    endpoint.onText(b, "{\"type\":\"leave\",\"id\":4}");
    assertThat(last(rb).path("type").asText()).isEqualTo("ok");
    JsonNode left = last(ra);
    assertThat(left.path("type").asText()).isEqualTo("participantLeft");
    assertThat(left.path("participantId").asText()).isEqualTo(bobId);
    assertThat(left.path("reason").asText()).isEqualTo("left");
    assertThat(m.participantCount()).isEqualTo(1);
  }

  @Test
  void badSdpIsAClearError() throws Exception {
    Meeting m = guestMeeting();
    Recorder r = new Recorder();
    SignalingConnection c = endpoint.newConnection(r);
    endpoint.onText(c, "{\"type\":\"join\",\"id\":1,\"meetingNumber\":\"" + m.number()
        + "\",\"displayName\":\"Alice\",\"audioMuted\":false,\"videoMuted\":false}");
    for (String sdp : List.of("", "hello", "v=0\r\no=- 1 1 IN IP4 0.0.0.0\r\ns=-\r\nt=0 0\r\n",
        "v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\n")) {
      endpoint.onText(c, json.writeValueAsString(java.util.Map.of(
          "type", "publish", "id", 2, "sdp", sdp)));
      assertThat(last(r).path("code").asText()).as("sdp %s", sdp).isEqualTo("bad_sdp");
      assertThat(last(r).path("message").asText()).isNotBlank();
    }
    assertThat(m.participantCount()).isEqualTo(1);
  }

  @Test
  void displayNames() throws Exception {
    assertThat(SignalingEndpoint.displayName("  王小明 ")).isEqualTo("王小明");
    assertThat(SignalingEndpoint.displayName("x".repeat(64))).hasSize(64);
    assertThatThrownBy(() -> SignalingEndpoint.displayName("x".repeat(65)))
        .isInstanceOf(MeetingException.class);
    assertThatThrownBy(() -> SignalingEndpoint.displayName("a\u0007b"))
        .isInstanceOf(MeetingException.class);
    assertThatThrownBy(() -> SignalingEndpoint.displayName("a\u202eb"))
        .isInstanceOf(MeetingException.class);
    assertThatThrownBy(() -> SignalingEndpoint.displayName(null))
        .isInstanceOf(MeetingException.class);
  }

  private static String join(String number, String name) {
    return "{\"type\":\"join\",\"id\":1,\"meetingNumber\":\"" + number
        + "\",\"displayName\":\"" + name + "\",\"audioMuted\":false,\"videoMuted\":false}";
  }

  private List<JsonNode> ofType(Recorder r, String type) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String f : r.frames) {
      JsonNode n = json.readTree(f);
      if (n.path("type").asText().equals(type)) {
        out.add(n);
      }
    }
    return out;
  }

  @Test
  void guestsJoinOnlyWhenTheHostAllowsThemAndAccountsJoinUnderTheirOwnName() throws Exception {
    Meeting m = meetings.create(ALICE, "  Weekly sync ", false);
    assertThat(m.title()).isEqualTo("Weekly sync");
    Recorder guest = new Recorder();
    SignalingConnection g = endpoint.newConnection(guest);
    endpoint.onText(g, join(m.number(), "Visitor"));
    assertThat(last(guest).path("code").asText()).isEqualTo("sign_in_required");
    assertThat(m.participantCount()).isZero();

    IssuedSession bobSession = sessions.create(BOB.userId(), false, ClientInfo.UNKNOWN);
    Recorder bob = new Recorder();
    SignalingConnection b = endpoint.newConnection(bob, bobSession.session());
    endpoint.attach(b);
    endpoint.onText(b, join(m.number(), "Not Bob"));
    JsonNode joined = last(bob);
    assertThat(joined.path("type").asText()).isEqualTo("joinResponse");
    assertThat(joined.path("me").path("displayName").asText()).isEqualTo("Bob");
    assertThat(joined.path("me").path("guest").asBoolean()).isFalse();
    assertThat(joined.path("me").path("host").asBoolean()).isFalse();
    assertThat(joined.path("meeting").path("title").asText()).isEqualTo("Weekly sync");
    assertThat(joined.path("meeting").path("hostName").asText()).isEqualTo("Alice");
    assertThat(joined.path("meeting").path("youAreHost").asBoolean()).isFalse();

    assertThatThrownBy(() -> meetings.setAllowGuests(m, BOB.userId(), true))
        .isInstanceOf(MeetingException.class).hasFieldOrPropertyWithValue("code", "not_host");
    meetings.setAllowGuests(m, ALICE.userId(), true);
    JsonNode updated = last(bob);
    assertThat(updated.path("type").asText()).isEqualTo("meetingUpdated");
    assertThat(updated.path("meeting").path("allowGuests").asBoolean()).isTrue();

    endpoint.onText(g, join(m.number(), "Visitor"));
    assertThat(last(guest).path("me").path("guest").asBoolean()).isTrue();
    assertThat(last(guest).path("me").path("displayName").asText()).isEqualTo("Visitor");
    assertThat(last(bob).path("participant").path("guest").asBoolean()).isTrue();
    assertThat(m.participantCount()).isEqualTo(2);

    // Bob is in the record of the meeting, and so is the guest.
    assertThat(meetingLog.history(BOB.userId(), 10)).first().satisfies(past -> {
      assertThat(past.meetingNumber()).isEqualTo(m.number());
      assertThat(past.participants()).containsExactly("Bob", "Visitor");
      assertThat(past.guests()).isEqualTo(1);
      assertThat(past.endedAtMs()).isNull();
    });
    endpoint.onText(b, "{\"type\":\"leave\",\"id\":9}");
    endpoint.onText(g, "{\"type\":\"leave\",\"id\":9}");
  }

  @Test
  void theHostEndsTheMeetingForEveryone() throws Exception {
    Meeting m = meetings.create(ALICE, null, true);
    assertThat(m.title()).isEqualTo("Alice's meeting");
    IssuedSession aliceSession = sessions.create(ALICE.userId(), false, ClientInfo.UNKNOWN);
    Recorder alice = new Recorder();
    Recorder guest = new Recorder();
    SignalingConnection a = endpoint.newConnection(alice, aliceSession.session());
    SignalingConnection g = endpoint.newConnection(guest);
    endpoint.attach(a);
    endpoint.onText(a, join(m.number(), "ignored"));
    assertThat(last(alice).path("me").path("host").asBoolean()).isTrue();
    assertThat(last(alice).path("meeting").path("youAreHost").asBoolean()).isTrue();
    assertThat(last(alice).path("me").path("avatarUrl").asText()).isEqualTo(ALICE.avatarUrl());
    endpoint.onText(g, join(m.number(), "Guest"));
    assertThat(last(guest).path("participants").get(0).path("host").asBoolean()).isTrue();

    assertThatThrownBy(() -> meetings.end(m, BOB.userId(), "Bob"))
        .isInstanceOf(MeetingException.class).hasFieldOrPropertyWithValue("code", "not_host");
    assertThat(m.participantCount()).isEqualTo(2);
    meetings.end(m, ALICE.userId(), "Alice");

    for (Recorder r : List.of(alice, guest)) {
      assertThat(ofType(r, "meetingEnded")).singleElement().satisfies(e -> {
        assertThat(e.path("reason").asText()).isEqualTo("ended_by_host");
        assertThat(e.path("by").asText()).isEqualTo("Alice");
      });
      // The socket stays open: the client closes it after showing why.
      assertThat(r.closedWith).isNull();
    }
    assertThat(m.participantCount()).isZero();
    assertThat(meetings.find(m.number())).isEmpty();
    endpoint.onText(g, "{\"type\":\"setMuted\",\"id\":5,\"audioMuted\":true,\"videoMuted\":true}");
    assertThat(last(guest).path("code").asText()).isEqualTo("not_joined");
    endpoint.onText(g, join(m.number(), "Guest"));
    assertThat(last(guest).path("code").asText()).isEqualTo("meeting_not_found");
    assertThat(meetingLog.history(ALICE.userId(), 10)).filteredOn(
        p -> p.meetingNumber().equals(m.number())).singleElement()
        .satisfies(p -> assertThat(p.endedAtMs()).isNotNull());
    assertThat(endpoint.presenceOf(ALICE.userId())).isEqualTo(PresenceState.ONLINE);
  }

  @Test
  void theMeetingChatReachesWhoItIsForAndIsKeptForThoseWhoWereThere() throws Exception {
    Meeting m = meetings.create(ALICE, null, true);
    Recorder alices = new Recorder();
    SignalingConnection alice = endpoint.newConnection(alices,
        sessions.create(ALICE.userId(), false, ClientInfo.UNKNOWN).session());
    endpoint.register("chat-alice", alice);
    endpoint.onText(alice, join(m.number(), "x"));
    Recorder guests = new Recorder();
    SignalingConnection guest = endpoint.newConnection(guests, null);
    endpoint.register("chat-guest", guest);
    endpoint.onText(guest, join(m.number(), "Visitor"));
    String guestId = ofType(alices, "participantJoined").getLast().path("participant")
        .path("participantId").asText();

    endpoint.onText(alice, "{\"type\":\"chat\",\"id\":5,\"text\":\"大家好\"}");
    endpoint.onText(alice, "{\"type\":\"chat\",\"id\":6,\"text\":\"just you\","
        + "\"toParticipantId\":\"" + guestId + "\"}");
    endpoint.onText(guest, "{\"type\":\"chat\",\"id\":7,\"text\":\"\"}");
    endpoint.onText(guest, "{\"type\":\"chat\",\"id\":8,\"text\":\"hi\","
        + "\"toParticipantId\":\"nobody\"}");
    assertThat(ofType(guests, "error")).extracting(n -> n.path("code").asText())
        .containsExactly("bad_message", "participant_not_found");
    assertThat(ofType(guests, "meetingChat")).extracting(n -> n.path("text").asText())
        .containsExactly("大家好", "just you");
    assertThat(ofType(alices, "meetingChat")).extracting(n -> n.path("toName").asText(null))
        .containsExactly(null, "Visitor");

    // Bob comes later: he gets what was said to everyone, not the private message.
    Recorder bobs = new Recorder();
    SignalingConnection bob = endpoint.newConnection(bobs,
        sessions.create(BOB.userId(), false, ClientInfo.UNKNOWN).session());
    endpoint.register("chat-bob", bob);
    endpoint.onText(bob, join(m.number(), "x"));
    assertThat(ofType(bobs, "meetingChat")).extracting(n -> n.path("text").asText())
        .containsExactly("大家好");

    // Afterwards: Alice reads both of hers, Bob the public one, Dave (never there) nothing.
    long id = meetingLog.history(ALICE.userId(), 1).getFirst().meetingId();
    assertThat(meetingLog.chatOf(id, ALICE.userId()))
        .extracting(io.kaihui.protocol.MeetingChatMessage::text)
        .containsExactly("大家好", "just you");
    assertThat(meetingLog.chatOf(id, BOB.userId()))
        .extracting(io.kaihui.protocol.MeetingChatMessage::text).containsExactly("大家好");
    assertThat(meetingLog.chatOf(id, DAVE.userId())).isEmpty();
    for (String sid : List.of("chat-alice", "chat-guest", "chat-bob")) {
      endpoint.unregister(sid, sid.equals("chat-alice") ? alice
          : sid.equals("chat-guest") ? guest : bob);
    }
  }

  @Test
  void friendsHearAPersonsPresenceAndNobodyElseDoes() throws Exception {
    Recorder daves = new Recorder();
    Recorder bobs = new Recorder();
    SignalingConnection dave = endpoint.newConnection(daves,
        sessions.create(DAVE.userId(), false, ClientInfo.UNKNOWN).session());
    endpoint.register("friends-dave", dave);
    SignalingConnection bob = endpoint.newConnection(bobs,
        sessions.create(BOB.userId(), false, ClientInfo.UNKNOWN).session());
    endpoint.register("friends-bob", bob);
    Recorder carols = new Recorder();
    SignalingConnection carol = endpoint.newConnection(carols,
        sessions.create(CAROL.userId(), false, ClientInfo.UNKNOWN).session());
    endpoint.register("friends-carol", carol);
    String carolOnline = "{\"type\":\"presence\",\"userId\":" + CAROL.userId()
        + ",\"state\":\"online\"}";
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!daves.frames.contains(carolOnline) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(daves.frames).contains(carolOnline);
    endpoint.onText(carol, "{\"type\":\"ping\",\"id\":1,\"away\":true}");
    endpoint.unregister("friends-carol", carol);
    String carolOffline = carolOnline.replace("online", "offline");
    while (!daves.frames.contains(carolOffline) && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertThat(daves.frames.stream().filter(f -> f.contains("\"userId\":" + CAROL.userId()))
        .toList()).containsExactly(carolOnline, carolOnline.replace("online", "away"),
            carolOffline);
    assertThat(bobs.frames).noneMatch(f -> f.contains("\"userId\":" + CAROL.userId()));
    endpoint.unregister("friends-dave", dave);
    endpoint.unregister("friends-bob", bob);
  }

  @Test
  void presenceFollowsSocketsMeetingsAndHeartbeats() throws Exception {
    IssuedSession laptop = sessions.create(CAROL.userId(), false, ClientInfo.UNKNOWN);
    IssuedSession phone = sessions.create(CAROL.userId(), false, ClientInfo.UNKNOWN);
    Recorder appTab = new Recorder();
    Recorder phoneApp = new Recorder();
    SignalingConnection app = endpoint.newConnection(appTab, laptop.session());
    endpoint.register("presence-app", app);
    assertThat(ofType(appTab, "presence")).extracting(n -> n.path("state").asText())
        .containsExactly("online");
    assertThat(last(appTab).path("userId").asLong()).isEqualTo(CAROL.userId());

    SignalingConnection phoneSocket = endpoint.newConnection(phoneApp, phone.session());
    endpoint.register("presence-phone", phoneSocket);
    endpoint.onText(app, "{\"type\":\"ping\",\"id\":1,\"away\":true}");
    // Still online: the phone is not away.
    assertThat(endpoint.presenceOf(CAROL.userId())).isEqualTo(PresenceState.ONLINE);
    endpoint.onText(phoneSocket, "{\"type\":\"ping\",\"id\":1,\"away\":true}");
    assertThat(endpoint.presenceOf(CAROL.userId())).isEqualTo(PresenceState.AWAY);

    Meeting m = meetings.create(DAVE, null, false);
    Recorder meetingTab = new Recorder();
    SignalingConnection inMeeting = endpoint.newConnection(meetingTab, laptop.session());
    endpoint.register("presence-meeting", inMeeting);
    endpoint.onText(inMeeting, join(m.number(), "x"));
    assertThat(endpoint.presenceOf(CAROL.userId())).isEqualTo(PresenceState.IN_MEETING);
    endpoint.onText(inMeeting, "{\"type\":\"leave\",\"id\":2}");
    assertThat(endpoint.presenceOf(CAROL.userId())).isEqualTo(PresenceState.ONLINE);
    endpoint.onText(inMeeting, join(m.number(), "x"));
    // Every socket of Carol's heard each change, in order (a new tab is not away).
    assertThat(ofType(phoneApp, "presence")).extracting(n -> n.path("state").asText())
        .containsExactly("online", "away", "online", "in_meeting", "online", "in_meeting");

    // The meeting tab goes silent: after 25 s it is closed and leaves its meeting (timeout).
    Recorder alice = new Recorder();
    SignalingConnection a = endpoint.newConnection(alice,
        sessions.create(DAVE.userId(), false, ClientInfo.UNKNOWN).session());
    endpoint.register("presence-alice", a);
    endpoint.onText(a, join(m.number(), "x"));
    long now = System.nanoTime();
    app.heard(now);
    phoneSocket.heard(now);
    a.heard(now);
    inMeeting.heard(now - SignalingEndpoint.SILENCE_LIMIT.toNanos() - 1);
    assertThat(endpoint.closeSilent(now)).isEqualTo(1);
    assertThat(meetingTab.closeCode).isEqualTo(SignalingEndpoint.SILENT);
    assertThat(meetingTab.closedWith).isEqualTo("silent");
    // Dave is Carol's friend, so his socket also hears her presence: look at the meeting's news.
    JsonNode left = ofType(alice, "participantLeft").getLast();
    assertThat(left.path("reason").asText()).isEqualTo("timeout");
    assertThat(endpoint.presenceOf(CAROL.userId())).isEqualTo(PresenceState.AWAY);
    assertThat(appTab.closedWith).isNull();

    // Then the other two: Bob is offline.
    assertThat(endpoint.closeSilent(now + SignalingEndpoint.SILENCE_LIMIT.toNanos() + 1))
        .isGreaterThanOrEqualTo(3);
    assertThat(endpoint.presenceOf(CAROL.userId())).isEqualTo(PresenceState.OFFLINE);
    assertThat(endpoint.presenceOf(DAVE.userId())).isEqualTo(PresenceState.OFFLINE);
    assertThat(m.participantCount()).isZero();
  }

  @Test
  void aFullMeetingRefusesTheNextPerson() throws Exception {
    Meeting m = guestMeeting();
    List<SignalingConnection> in = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      SignalingConnection c = endpoint.newConnection(new Recorder());
      endpoint.onText(c, join(m.number(), "Guest " + i));
      in.add(c);
    }
    Recorder fourth = new Recorder();
    endpoint.onText(endpoint.newConnection(fourth), join(m.number(), "Guest 4"));
    assertThat(last(fourth).path("code").asText()).isEqualTo("meeting_full");
    assertThat(m.participantCount()).isEqualTo(3);
    for (SignalingConnection c : in) {
      endpoint.onText(c, "{\"type\":\"leave\",\"id\":9}");
    }
  }

  private static Meeting guestMeeting() throws MeetingException {
    return meetings.create(ALICE, null, true);
  }
}
