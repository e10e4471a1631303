package io.kaihui.server.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.protocol.ChatMessage;
import io.kaihui.protocol.ConversationView;
import io.kaihui.protocol.MessageReceived;
import io.kaihui.protocol.ReceiptChanged;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.protocol.TypingChanged;
import io.kaihui.protocol.UserCard;
import io.kaihui.server.social.FriendService;
import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseVendor;
import io.kaihui.server.testing.MutableClock;
import io.kaihui.server.testing.TestDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Conversations, delivery, marks, history and who may read what, on H2, MariaDB, PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseVendor.class)
class ChatServiceTest {

  @Parameter
  DatabaseVendor vendor;

  private static final long ALICE = 1;
  private static final long BOB = 2;
  private static final long MALLORY = 3;

  private TestDatabase db;
  private FriendService friends;
  private ChatService chat;
  private final MutableClock clock = new MutableClock();
  /** What each person's sockets were told: "userId type ...". */
  private final List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    db = TestDatabase.create(vendor);
    Database database = db.open();
    for (Object[] p : new Object[][] {{ALICE, "alice", "Alice"}, {BOB, "bob", "王小明"},
        {MALLORY, "mallory", "Mallory"}}) {
      database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username,"
              + " username_key, display_name, password_hash, created_ms, updated_ms)"
              + " VALUES (:id, :u, :u, :d, 'x', 0, 0)")
          .bind("id", (Long) p[0]).bind("u", (String) p[1]).bind("d", (String) p[2])
          .execute());
    }
    friends = new FriendService(database, clock);
    friends.accept(BOB, friends.request(ALICE, BOB, null).request().requestId());
    chat = new ChatService(database, clock, friends, 50);
    chat.addListener((userId, event) -> told.add(userId + " " + describe(event)));
  }

  @AfterEach
  void stop() {
    db.close();
  }

  private static String describe(ServerMessage event) {
    return switch (event) {
      case MessageReceived m -> "message " + m.message().seq() + " " + m.message().body();
      case ReceiptChanged r -> "receipt " + r.userId() + " " + r.deliveredSeq() + "/"
          + r.readSeq();
      case TypingChanged t -> "typing " + t.userId();
      default -> event.toString();
    };
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }

  private static void refused(String code, ThrowingCallable call) {
    assertThatThrownBy(call).isInstanceOfSatisfying(ChatException.class,
        e -> assertThat(e.code()).isEqualTo(code));
  }

  @Test
  void friendsTalkInOrderAndEveryMemberIsToldOnceStored() throws Exception {
    ConversationView opened = chat.openDirect(ALICE, BOB);
    assertThat(chat.openDirect(BOB, ALICE).conversationId())
        .as("one conversation per pair").isEqualTo(opened.conversationId());
    assertThat(opened.kind()).isEqualTo("direct");
    assertThat(opened.members()).extracting(UserCard::userId).containsExactly(ALICE, BOB);
    assertThat(opened.members()).extracting(UserCard::relation).containsExactly("self", "friend");
    long c = opened.conversationId();

    ChatMessage first = chat.send(ALICE, c, id(), "你好 👋");
    clock.advance(Duration.ofSeconds(1));
    ChatMessage second = chat.send(BOB, c, id(), "hi\nthere");
    ChatMessage third = chat.send(ALICE, c, id(), "third");
    assertThat(List.of(first.seq(), second.seq(), third.seq())).containsExactly(1L, 2L, 3L);
    assertThat(first.body()).isEqualTo("你好 👋");
    assertThat(second.createdMs()).isEqualTo(clock.millis());
    assertThat(told).containsExactly("1 message 1 你好 👋", "2 message 1 你好 👋",
        "1 message 2 hi\nthere", "2 message 2 hi\nthere", "1 message 3 third",
        "2 message 3 third");
    assertThat(chat.history(BOB, c, 0, 10)).extracting(ChatMessage::body)
        .containsExactly("你好 👋", "hi\nthere", "third");
  }

  @Test
  void aRetryWithTheSameClientIdStoresOnceAndTellsNobodyAgain() throws Exception {
    long c = chat.openDirect(ALICE, BOB).conversationId();
    String cid = id();
    ChatMessage sent = chat.send(ALICE, c, cid, "once");
    int toldBefore = told.size();
    assertThat(chat.send(ALICE, c, cid.toUpperCase(), "once")).isEqualTo(sent);
    assertThat(told).hasSize(toldBefore);
    // The same id from the other member is another message.
    assertThat(chat.send(BOB, c, cid, "mine").seq()).isEqualTo(2);

    // Many at once, some of them repeats: each id stored once, numbers without gaps.
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(id());
    }
    List<Callable<ChatMessage>> sends = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      String mine = ids.get(i % 8);
      sends.add(() -> chat.send(ALICE, c, mine, "burst " + mine));
    }
    for (Future<ChatMessage> f : pool.invokeAll(sends)) {
      f.get();
    }
    pool.shutdown();
    List<ChatMessage> all = chat.history(ALICE, c, 0, 100);
    assertThat(all).extracting(ChatMessage::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(all.subList(2, 10)).extracting(ChatMessage::clientId)
        .containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void offlineMessagesWaitWithUnreadCountsAndMarksOnlyMoveForward() throws Exception {
    long c = chat.openDirect(ALICE, BOB).conversationId();
    for (int i = 1; i <= 3; i++) {
      chat.send(ALICE, c, id(), "m" + i);
    }
    // Bob signs in later: his list shows the conversation, three unread, the last message.
    ConversationView bobs = chat.conversations(BOB).getFirst();
    assertThat(bobs.unread()).isEqualTo(3);
    assertThat(bobs.last().body()).isEqualTo("m3");
    assertThat(chat.conversations(BOB).stream().mapToLong(ConversationView::unread).sum())
        .isEqualTo(3);
    assertThat(chat.conversations(ALICE).getFirst().unread()).isZero();
    assertThat(chat.conversations(ALICE).getFirst().othersDeliveredSeq()).isZero();

    told.clear();
    chat.mark(BOB, c, 3, 0);
    assertThat(told).containsExactly("1 receipt 2 3/0", "2 receipt 2 3/0");
    chat.mark(BOB, c, 0, 2);
    assertThat(chat.conversations(BOB).getFirst().unread()).isEqualTo(1);
    ConversationView alices = chat.conversations(ALICE).getFirst();
    assertThat(alices.othersDeliveredSeq()).isEqualTo(3);
    assertThat(alices.othersReadSeq()).isEqualTo(2);

    // Backwards and beyond the end: ignored and capped; nothing changed, nobody told.
    told.clear();
    chat.mark(BOB, c, 1, 1);
    assertThat(told).isEmpty();
    chat.mark(BOB, c, 99, 99);
    assertThat(chat.conversations(BOB).getFirst().unread()).isZero();
    assertThat(chat.conversations(ALICE).getFirst().othersReadSeq()).isEqualTo(3);
    // Replying reads everything before the reply.
    chat.send(ALICE, c, id(), "m4");
    chat.send(ALICE, c, id(), "m5");
    chat.send(BOB, c, id(), "reply");
    assertThat(chat.conversations(BOB).getFirst().unread()).isZero();
  }

  @Test
  void historyPagesBackAndSearchFindsText() throws Exception {
    long c = chat.openDirect(ALICE, BOB).conversationId();
    for (int i = 1; i <= 25; i++) {
      chat.send(i % 2 == 0 ? BOB : ALICE, c, id(), "message " + i + (i == 7 ? " 会议纪要" : ""));
    }
    List<ChatMessage> newest = chat.history(ALICE, c, 0, 10);
    assertThat(newest).extracting(ChatMessage::seq).containsExactly(16L, 17L, 18L, 19L, 20L,
        21L, 22L, 23L, 24L, 25L);
    List<ChatMessage> before = chat.history(ALICE, c, newest.getFirst().seq(), 10);
    assertThat(before.getFirst().seq()).isEqualTo(6);
    assertThat(before.getLast().seq()).isEqualTo(15);
    assertThat(chat.history(ALICE, c, 6, 10)).extracting(ChatMessage::seq)
        .containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(chat.history(ALICE, c, 1, 10)).isEmpty();

    assertThat(chat.search(BOB, c, "会议")).extracting(ChatMessage::seq).containsExactly(7L);
    assertThat(chat.search(BOB, c, "MESSAGE 2")).extracting(ChatMessage::seq)
        .containsExactly(25L, 24L, 23L, 22L, 21L, 20L, 2L);
    assertThat(chat.search(BOB, c, "%")).isEmpty();
    refused(ChatException.BAD_MESSAGE, () -> chat.search(BOB, c, " "));
  }

  @Test
  void aStrangerGetsNothing() throws Exception {
    long c = chat.openDirect(ALICE, BOB).conversationId();
    chat.send(ALICE, c, id(), "private");
    told.clear();
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.history(MALLORY, c, 0, 10));
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.search(MALLORY, c, "private"));
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.conversation(MALLORY, c));
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.send(MALLORY, c, id(), "hi"));
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.mark(MALLORY, c, 1, 1));
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.typing(MALLORY, c));
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.history(ALICE, 424242, 0, 10));
    refused(ChatException.NOT_FRIENDS, () -> chat.openDirect(MALLORY, ALICE));
    refused(ChatException.NOT_FRIENDS, () -> chat.openDirect(ALICE, ALICE));
    assertThat(chat.conversations(MALLORY)).isEmpty();
    assertThat(chat.conversations(MALLORY).stream().mapToLong(ConversationView::unread).sum())
        .isZero();
    assertThat(told).isEmpty();
    assertThat(chat.history(BOB, c, 0, 10)).hasSize(1);
  }

  @Test
  void afterTheFriendshipEndsTheHistoryStaysButNothingMoreIsSent() throws Exception {
    long c = chat.openDirect(ALICE, BOB).conversationId();
    chat.send(ALICE, c, id(), "before");
    friends.remove(BOB, ALICE);
    refused(ChatException.NOT_FRIENDS, () -> chat.send(ALICE, c, id(), "after"));
    refused(ChatException.NOT_FRIENDS, () -> chat.openDirect(ALICE, BOB));
    assertThat(chat.history(BOB, c, 0, 10)).extracting(ChatMessage::body)
        .containsExactly("before");
  }

  @Test
  void typingReachesTheOthersOnly() throws Exception {
    long c = chat.openDirect(ALICE, BOB).conversationId();
    chat.typing(ALICE, c);
    assertThat(told).containsExactly("2 typing 1");
  }

  @Test
  void badMessagesAreRefusedAndNothingIsStored() throws Exception {
    long c = chat.openDirect(ALICE, BOB).conversationId();
    refused(ChatException.MESSAGE_TOO_LONG, () -> chat.send(ALICE, c, id(), "x".repeat(51)));
    // 50 characters, some outside the BMP (two UTF-16 units each), are fine.
    assertThat(chat.send(ALICE, c, id(), "😀".repeat(50)).seq()).isEqualTo(1);
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, id(), ""));
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, id(), " \n "));
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, id(), null));
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, id(), "nul\u0000"));
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, id(), "bell\u0007"));
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, id(), "lone \uD800 half"));
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, "not-a-uuid", "hi"));
    refused(ChatException.BAD_MESSAGE, () -> chat.send(ALICE, c, null, "hi"));
    assertThat(chat.history(ALICE, c, 0, 10)).hasSize(1);
    assertThat(chat.conversations(BOB).getFirst().unread()).isEqualTo(1);
  }

  @Test
  void aGroupOfFriendsTalksAndItsOwnerManagesWhoIsIn() throws Exception {
    long carol = 4;
    db.open().jdbi().useHandle(h -> h.execute("INSERT INTO users (id, username, username_key,"
        + " display_name, password_hash, created_ms, updated_ms)"
        + " VALUES (4, 'carol', 'carol', 'Carol', 'x', 0, 0)"));
    friends.accept(carol, friends.request(ALICE, carol, null).request().requestId());
    refused(ChatException.NOT_FRIENDS,
        () -> chat.createGroup(ALICE, "Team", List.of(BOB, MALLORY)));
    refused(ChatException.BAD_MESSAGE, () -> chat.createGroup(ALICE, " ", List.of(BOB)));
    refused(ChatException.BAD_MESSAGE, () -> chat.createGroup(ALICE, "Alone", List.of()));

    ConversationView group = chat.createGroup(ALICE, " 周会 ", List.of(BOB, BOB, ALICE));
    long g = group.conversationId();
    assertThat(group.kind()).isEqualTo("group");
    assertThat(group.title()).isEqualTo("周会");
    assertThat(group.ownerId()).isEqualTo(ALICE);
    assertThat(group.members()).extracting(UserCard::userId).containsExactly(ALICE, BOB);
    assertThat(told).contains("2 message 1 周会");
    chat.send(BOB, g, id(), "hello group");
    assertThat(chat.conversations(ALICE).getFirst().unread()).isEqualTo(1);

    // Bob may add his friend... Bob is not Carol's friend, so he may not add her.
    refused(ChatException.NOT_FRIENDS, () -> chat.addMember(BOB, g, carol));
    chat.addMember(ALICE, g, carol);
    assertThat(chat.conversation(carol, g).unread()).as("history, nothing unread").isZero();
    assertThat(chat.history(carol, g, 0, 10)).extracting(ChatMessage::kind)
        .containsExactly("created", "text", "added");
    refused(ChatException.BAD_MESSAGE, () -> chat.addMember(ALICE, g, carol));
    chat.renameGroup(carol, g, "Weekly");
    assertThat(chat.conversation(BOB, g).title()).isEqualTo("Weekly");

    // Only the owner removes others; anyone leaves; who is out reads nothing more.
    refused(ChatException.NOT_OWNER, () -> chat.removeMember(BOB, g, carol));
    chat.removeMember(ALICE, g, carol);
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.history(carol, g, 0, 10));
    told.clear();
    chat.send(ALICE, g, id(), "after carol");
    assertThat(told).noneMatch(t -> t.startsWith("4 "));
    chat.removeMember(ALICE, g, ALICE);
    assertThat(chat.conversation(BOB, g).ownerId()).as("the next member owns it").isEqualTo(BOB);
    assertThat(chat.conversations(ALICE)).extracting(ConversationView::conversationId)
        .doesNotContain(g);
    assertThat(chat.history(BOB, g, 0, 20)).extracting(ChatMessage::kind)
        .containsExactly("created", "text", "added", "renamed", "removed", "text", "left");
    // A direct conversation is not a group.
    long direct = chat.openDirect(ALICE, BOB).conversationId();
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.renameGroup(ALICE, direct, "x"));
    refused(ChatException.CONVERSATION_NOT_FOUND, () -> chat.addMember(ALICE, direct, carol));
  }
}
