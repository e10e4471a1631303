package io.kaihui.server.social;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.protocol.FriendGroupView;
import io.kaihui.protocol.FriendList;
import io.kaihui.protocol.FriendRequestSent;
import io.kaihui.protocol.FriendRequestView;
import io.kaihui.protocol.FriendRequests;
import io.kaihui.protocol.FriendView;
import io.kaihui.protocol.UserCard;
import io.kaihui.server.presence.PresenceState;
import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.MutableClock;
import io.kaihui.server.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Friend requests, friendships and groups on H2, MariaDB and PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseVendor.class)
class FriendServiceTest {

  @Parameter
  DatabaseVendor vendor;

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long CAROL = 3;
  private static final long MALLORY = 4;
  private static final LongFunction<PresenceState> PRESENCE =
      id -> id == BOB ? PresenceState.IN_MEETING : PresenceState.OFFLINE;

  private TestDatabase db;
  private FriendService friends;
  private final MutableClock clock = new MutableClock();
  private final List<String> told = new ArrayList<>();

  @BeforeEach
  void start() {
    db = TestDatabase.create(vendor);
    Database database = db.open();
    String[][] people = {{"1", "alice", "Alice"}, {"2", "bob", "王小明"}, {"3", "carol", "Carol"},
        {"4", "mallory", "Mallory"}};
    for (String[] p : people) {
      database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username,"
              + " username_key, display_name, mood_line, password_hash, created_ms, updated_ms)"
              + " VALUES (:id, :u, :u, :d, :mood, 'x', 0, 0)")
          .bind("id", Long.parseLong(p[0])).bind("u", p[1]).bind("d", p[2])
          .bind("mood", p[1].equals("bob") ? "今天开会" : null)
          .execute());
    }
    friends = new FriendService(database, clock);
    friends.addListener(new FriendService.Listener() {
      @Override
      public void onFriendRequest(long toUserId, FriendRequestView request) {
        told.add(toUserId + " request from " + request.from().userId() + ": " + request.note());
      }

      @Override
      public void onFriendsChanged(long userId, String reason, long otherUserId) {
        told.add(userId + " " + reason + " " + otherUserId);
      }
    });
  }

  @AfterEach
  void stop() {
    db.close();
  }

  private static void refused(String code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOf(FriendException.class)
        .satisfies(e -> assertThat(((FriendException) e).code()).isEqualTo(code));
  }

  @Test
  void aRequestAcceptedMakesFriendsOnBothSides() throws Exception {
    FriendRequestSent sent = friends.request(ALICE, BOB, "  我是 Alice  ");
    assertThat(sent.friends()).isFalse();
    assertThat(sent.request().note()).isEqualTo("我是 Alice");
    assertThat(sent.request().to().relation()).isEqualTo("request_sent");
    assertThat(told).containsExactly("2 request from 1: 我是 Alice");

    // Bob finds it at his next sign-in; Alice sees it waiting.
    FriendRequests bobs = friends.requests(BOB);
    assertThat(bobs.incoming()).singleElement().satisfies(r -> {
      assertThat(r.from().displayName()).isEqualTo("Alice");
      assertThat(r.from().relation()).isEqualTo("request_received");
      assertThat(r.createdMs()).isEqualTo(clock.millis());
    });
    assertThat(bobs.outgoing()).isEmpty();
    assertThat(friends.requests(ALICE).outgoing()).extracting(FriendRequestView::requestId)
        .containsExactly(sent.request().requestId());

    clock.advance(Duration.ofMinutes(5));
    friends.accept(BOB, sent.request().requestId());
    assertThat(told).contains("1 accepted 2", "2 accepted 1");
    assertThat(friends.areFriends(ALICE, BOB)).isTrue();
    assertThat(friends.areFriends(BOB, ALICE)).isTrue();
    assertThat(friends.friendIds(ALICE)).containsExactly(BOB);
    assertThat(friends.requests(BOB).incoming()).isEmpty();
    assertThat(friends.requests(ALICE).outgoing()).isEmpty();

    FriendList alices = friends.friends(ALICE, PRESENCE);
    assertThat(alices.friends()).singleElement().satisfies(f -> {
      assertThat(f.user().displayName()).isEqualTo("王小明");
      assertThat(f.user().moodLine()).isEqualTo("今天开会");
      assertThat(f.user().relation()).isEqualTo("friend");
      assertThat(f.presence()).isEqualTo("in_meeting");
      assertThat(f.groupId()).isZero();
      assertThat(f.sinceMs()).isEqualTo(clock.millis());
    });
    assertThat(friends.friends(BOB, PRESENCE).friends()).extracting(f -> f.user().userId())
        .containsExactly(ALICE);

    // Once friends, asking again is refused, and so is answering the old request.
    refused(FriendException.ALREADY_FRIENDS, () -> friends.request(BOB, ALICE, null));
    refused(FriendException.REQUEST_NOT_FOUND,
        () -> friends.accept(BOB, sent.request().requestId()));
  }

  @Test
  void askingSomeoneWhoAskedMeAcceptsTheirRequest() throws Exception {
    friends.request(ALICE, BOB, null);
    FriendRequestSent back = friends.request(BOB, ALICE, "ok");
    assertThat(back.friends()).isTrue();
    assertThat(back.request()).isNull();
    assertThat(friends.areFriends(ALICE, BOB)).isTrue();
    assertThat(friends.requests(ALICE).outgoing()).isEmpty();
    assertThat(friends.requests(BOB).outgoing()).isEmpty();
  }

  @Test
  void onePendingRequestPerPairAndNoneToOneselfOrNobody() throws Exception {
    friends.request(ALICE, BOB, null);
    refused(FriendException.REQUEST_PENDING, () -> friends.request(ALICE, BOB, "again"));
    refused(FriendException.USER_NOT_FOUND, () -> friends.request(ALICE, ALICE, null));
    refused(FriendException.USER_NOT_FOUND, () -> friends.request(ALICE, 999, null));
    assertThat(friends.requests(BOB).incoming()).hasSize(1);
  }

  @Test
  void declinedAndCancelledRequestsAreGoneAndTheOtherSideIsTold() throws Exception {
    long first = friends.request(ALICE, BOB, null).request().requestId();
    friends.decline(BOB, first);
    assertThat(told).contains("1 declined 2");
    assertThat(friends.areFriends(ALICE, BOB)).isFalse();
    assertThat(friends.requests(ALICE).outgoing()).isEmpty();

    long second = friends.request(ALICE, BOB, "please").request().requestId();
    friends.cancel(ALICE, second);
    assertThat(told).contains("2 cancelled 1");
    assertThat(friends.requests(BOB).incoming()).isEmpty();
  }

  @Test
  void aStrangerCanNeitherAnswerNorWithdrawNorSeeAnotherPersonsRequest() throws Exception {
    long id = friends.request(ALICE, BOB, "private note").request().requestId();
    refused(FriendException.REQUEST_NOT_FOUND, () -> friends.accept(MALLORY, id));
    refused(FriendException.REQUEST_NOT_FOUND, () -> friends.decline(MALLORY, id));
    refused(FriendException.REQUEST_NOT_FOUND, () -> friends.cancel(MALLORY, id));
    // The sender cannot accept their own request either.
    refused(FriendException.REQUEST_NOT_FOUND, () -> friends.accept(ALICE, id));
    refused(FriendException.REQUEST_NOT_FOUND, () -> friends.cancel(BOB, id));
    assertThat(friends.requests(MALLORY).incoming()).isEmpty();
    assertThat(friends.requests(MALLORY).outgoing()).isEmpty();
    assertThat(friends.areFriends(ALICE, BOB)).isFalse();
    assertThat(friends.requests(BOB).incoming()).extracting(FriendRequestView::note)
        .containsExactly("private note");
    // Nor remove a friendship that is not theirs.
    friends.accept(BOB, id);
    refused(FriendException.NOT_FRIENDS, () -> friends.remove(MALLORY, ALICE));
    assertThat(friends.areFriends(ALICE, BOB)).isTrue();
  }

  @Test
  void requestsAreLimitedPerHour() throws Exception {
    // Carol, then the same people over and over: each cancelled so the pair is free again.
    for (int i = 0; i < FriendService.REQUESTS_PER_HOUR; i++) {
      long id = friends.request(MALLORY, i % 2 == 0 ? BOB : CAROL, null).request().requestId();
      friends.cancel(MALLORY, id);
      clock.advance(Duration.ofSeconds(10));
    }
    assertThatThrownBy(() -> friends.request(MALLORY, ALICE, "spam"))
        .isInstanceOfSatisfying(FriendException.class, e -> {
          assertThat(e.code()).isEqualTo(FriendException.TOO_MANY_REQUESTS);
          assertThat(e.retryAfterSeconds()).isBetween(1L, 3600L);
        });
    assertThat(friends.requests(ALICE).incoming()).as("nothing stored").isEmpty();
    // Others are not limited by Mallory, and an hour later Mallory may ask again.
    assertThat(friends.request(CAROL, ALICE, null).friends()).isFalse();
    clock.advance(Duration.ofHours(1));
    assertThat(friends.request(MALLORY, ALICE, null).friends()).isFalse();
  }

  @Test
  void badNotesAreRefusedAndNothingIsStored() {
    refused(FriendException.BAD_REQUEST,
        () -> friends.request(ALICE, BOB, "x".repeat(FriendService.MAX_NOTE_CHARS + 1)));
    refused(FriendException.BAD_REQUEST, () -> friends.request(ALICE, BOB, "hi\u0000there"));
    refused(FriendException.BAD_REQUEST, () -> friends.request(ALICE, BOB, "evil\u202Etxt"));
    assertThat(friends.requests(BOB).incoming()).isEmpty();
    assertThat(told).isEmpty();
  }

  @Test
  void removingAFriendEndsItForBoth() throws Exception {
    befriend(ALICE, BOB);
    friends.remove(BOB, ALICE);
    assertThat(friends.areFriends(ALICE, BOB)).isFalse();
    assertThat(friends.friends(ALICE, PRESENCE).friends()).isEmpty();
    assertThat(told).contains("1 removed 2", "2 removed 1");
    refused(FriendException.NOT_FRIENDS, () -> friends.remove(BOB, ALICE));
  }

  @Test
  void searchFindsByUsernameAndDisplayNameWithTheRelation() throws Exception {
    befriend(ALICE, BOB);
    friends.request(ALICE, CAROL, null);
    friends.request(MALLORY, ALICE, null);

    assertThat(friends.search(ALICE, "王小")).extracting(UserCard::userId, UserCard::relation)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(BOB, "friend"));
    assertThat(friends.search(ALICE, "CAR")).extracting(UserCard::relation)
        .containsExactly("request_sent");
    assertThat(friends.search(ALICE, "mall")).extracting(UserCard::relation)
        .containsExactly("request_received");
    // Never oneself; an exact username first; LIKE's wildcards are plain characters.
    assertThat(friends.search(ALICE, "alice")).isEmpty();
    assertThat(friends.search(CAROL, "l")).extracting(UserCard::username)
        .contains("alice", "mallory").doesNotContain("carol");
    assertThat(friends.search(ALICE, "%")).isEmpty();
    assertThat(friends.search(ALICE, "_")).isEmpty();
    assertThat(friends.search(ALICE, "' OR 1=1 --")).isEmpty();
    refused(FriendException.BAD_REQUEST, () -> friends.search(ALICE, ""));
    refused(FriendException.BAD_REQUEST, () -> friends.search(ALICE, null));
    refused(FriendException.BAD_REQUEST,
        () -> friends.search(ALICE, "a".repeat(FriendService.MAX_QUERY_CHARS + 1)));
  }

  @Test
  void groupsAreNamedOrderedAndHoldFriends() throws Exception {
    befriend(ALICE, BOB);
    befriend(ALICE, CAROL);
    FriendGroupView family = friends.createGroup(ALICE, " 家人 ");
    FriendGroupView work = friends.createGroup(ALICE, "Work");
    assertThat(family.name()).isEqualTo("家人");
    assertThat(friends.friends(ALICE, PRESENCE).groups()).extracting(FriendGroupView::name)
        .containsExactly("家人", "Work");

    friends.move(ALICE, BOB, work.groupId());
    friends.orderGroups(ALICE, List.of(work.groupId(), family.groupId()));
    friends.renameGroup(ALICE, family.groupId(), "亲人");
    FriendList list = friends.friends(ALICE, PRESENCE);
    assertThat(list.groups()).extracting(FriendGroupView::name).containsExactly("Work", "亲人");
    assertThat(list.friends()).filteredOn(f -> f.user().userId() == BOB)
        .extracting(FriendView::groupId).containsExactly(work.groupId());
    // Bob keeps Alice in his own default group: groups are one side's only.
    assertThat(friends.friends(BOB, PRESENCE).friends()).extracting(FriendView::groupId)
        .containsExactly(0L);
    assertThat(told).contains("1 updated 0");

    // Deleting a group puts its friends back in the default group.
    friends.deleteGroup(ALICE, work.groupId());
    assertThat(friends.friends(ALICE, PRESENCE).friends()).extracting(FriendView::groupId)
        .containsOnly(0L);

    // Another person's group is not found; bad names and orders are refused.
    FriendGroupView bobs = friends.createGroup(BOB, "Bob's");
    refused(FriendException.GROUP_NOT_FOUND, () -> friends.move(ALICE, CAROL, bobs.groupId()));
    refused(FriendException.GROUP_NOT_FOUND,
        () -> friends.renameGroup(ALICE, bobs.groupId(), "mine"));
    refused(FriendException.GROUP_NOT_FOUND, () -> friends.deleteGroup(ALICE, bobs.groupId()));
    refused(FriendException.NOT_FRIENDS, () -> friends.move(ALICE, MALLORY, 0));
    refused(FriendException.BAD_REQUEST, () -> friends.createGroup(ALICE, " "));
    refused(FriendException.BAD_REQUEST, () -> friends.createGroup(ALICE,
        "x".repeat(FriendService.MAX_GROUP_NAME_CHARS + 1)));
    refused(FriendException.BAD_REQUEST,
        () -> friends.orderGroups(ALICE, List.of(bobs.groupId())));
    refused(FriendException.BAD_REQUEST,
        () -> friends.orderGroups(ALICE, List.of(family.groupId(), family.groupId())));
    assertThat(friends.friends(BOB, PRESENCE).groups()).extracting(FriendGroupView::name)
        .containsExactly("Bob's");
  }

  @Test
  void aPersonHasAtMostFiftyGroups() throws Exception {
    for (int i = 0; i < FriendService.MAX_GROUPS; i++) {
      friends.createGroup(CAROL, "g" + i);
    }
    refused(FriendException.TOO_MANY_GROUPS, () -> friends.createGroup(CAROL, "one more"));
  }

  private void befriend(long a, long b) throws FriendException {
    friends.accept(b, friends.request(a, b, null).request().requestId());
  }
}
