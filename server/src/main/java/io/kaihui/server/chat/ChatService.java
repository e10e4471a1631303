package io.kaihui.server.chat;

import io.kaihui.protocol.ChatMessage;
import io.kaihui.protocol.ConversationChanged;
import io.kaihui.protocol.ConversationView;
import io.kaihui.protocol.FileView;
import io.kaihui.protocol.MessageReceived;
import io.kaihui.protocol.ReceiptChanged;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.protocol.TypingChanged;
import io.kaihui.protocol.UserCard;
import io.kaihui.server.file.FileJson;
import io.kaihui.server.social.FriendService;
import io.kaihui.server.store.Database;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Conversations and their messages (tables {@code conversations}, {@code conversation_members}
 * and {@code messages}).
 *
 * <p>A message is stored, numbered and committed before {@link #send} returns, so a message its
 * sender saw as sent survives a crash; then every member's sockets are told
 * ({@link MessageReceived}). A client that did not get the answer sends again with the same
 * client id and gets the stored message back, so a message is stored once however often it is
 * sent. Numbers ({@code seq}) are given under the conversation's row lock: they order the
 * messages of a conversation for everyone. What a member has received and read are marks that
 * only move forward; unread counts are the messages after the read mark.
 *
 * <p>Only members read a conversation or learn anything of it: for anyone else every call
 * answers {@code conversation_not_found}, as for one that does not exist.
 */
public final class ChatService {

  /** Hears what must reach a person's sockets, after it is stored. Must not block long. */
  public interface Listener {
    /**
     * An event for one person.
     *
     * @param userId whose sockets
     * @param event the event
     */
    void deliver(long userId, ServerMessage event);
  }

  /** The most characters a message may have in any configuration. */
  public static final int MAX_MESSAGE_CHARS = 4000;
  /** Most messages one history page holds. */
  public static final int MAX_PAGE = 100;
  /** Most matches one search returns. */
  public static final int MAX_SEARCH_RESULTS = 50;
  /** Most people in one group chat. */
  public static final int MAX_GROUP_MEMBERS = 200;
  /** Longest group name, in characters. */
  public static final int MAX_GROUP_TITLE_CHARS = 64;

  private static final Pattern UUID = Pattern.compile(
      "\\p{XDigit}{8}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{4}-\\p{XDigit}{12}");
  /** The kinds of message that tell what happened to a group: they count as nobody's unread. */
  private static final String GROUP_EVENTS = "'created', 'renamed', 'added', 'removed', 'left'";
  private static final String MESSAGE_COLUMNS =
      "conversation_id, seq, client_id, sender_id, kind, body, created_ms";

  private final Jdbi jdbi;
  private final Clock clock;
  private final FriendService friends;
  private final int maxMessageChars;
  private final SecureRandom random = new SecureRandom();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /**
   * Creates the service.
   *
   * @param database the migrated database
   * @param clock the time messages are stored at
   * @param friends who is friends with whom (a direct conversation needs it)
   * @param maxMessageChars the most characters of a message, 1..{@value #MAX_MESSAGE_CHARS}
   */
  public ChatService(Database database, Clock clock, FriendService friends, int maxMessageChars) {
    if (maxMessageChars < 1 || maxMessageChars > MAX_MESSAGE_CHARS) {
      throw new IllegalArgumentException("most characters of a message: 1.." + MAX_MESSAGE_CHARS);
    }
    this.jdbi = database.jdbi();
    this.clock = clock;
    this.friends = friends;
    this.maxMessageChars = maxMessageChars;
  }

  /** Adds a listener. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }


  /**
   * The direct conversation of two friends, made the first time either opens it.
   *
   * @param userId who opens it
   * @param friendId the friend
   * @return the conversation as the opener sees it
   * @throws ChatException {@code not_friends} unless they are friends
   */
  public ConversationView openDirect(long userId, long friendId) throws ChatException {
    if (userId == friendId || !friends.areFriends(userId, friendId)) {
      throw new ChatException(ChatException.NOT_FRIENDS, "only friends talk one to one");
    }
    String key = Math.min(userId, friendId) + ":" + Math.max(userId, friendId);
    long id = jdbi.withHandle(h -> findDirect(h, key)).orElseGet(() -> {
      long fresh = random.nextLong(1, 1L << 53);
      long now = clock.millis();
      try {
        jdbi.useTransaction(h -> {
          h.createUpdate("INSERT INTO conversations (id, kind, direct_key, title, last_seq,"
                  + " created_ms) VALUES (:id, 'direct', :key, NULL, 0, :now)")
              .bind("id", fresh).bind("key", key).bind("now", now).execute();
          for (long member : new long[] {userId, friendId}) {
            h.createUpdate("INSERT INTO conversation_members (conversation_id, user_id,"
                    + " joined_ms, delivered_seq, read_seq) VALUES (:id, :user, :now, 0, 0)")
                .bind("id", fresh).bind("user", member).bind("now", now).execute();
          }
        });
        return fresh;
      } catch (RuntimeException e) {
        if (!Database.isConstraintViolation(e)) {
          throw e;
        }
        // the other opened it at the same moment: theirs stands
        return jdbi.withHandle(h -> findDirect(h, key)).orElseThrow(() -> e);
      }
    });
    return conversation(userId, id);
  }

  /**
   * My conversations, the one with the newest message first.
   *
   * @param userId whose
   * @return each with its members, last message, unread count and marks
   */
  public List<ConversationView> conversations(long userId) {
    List<Long> ids = jdbi.withHandle(h -> h.createQuery("SELECT conversation_id"
            + " FROM conversation_members WHERE user_id = :user")
        .bind("user", userId).mapTo(Long.class).list());
    List<ConversationView> out = new ArrayList<>();
    for (long id : ids) {
      try {
        out.add(conversation(userId, id));
      } catch (ChatException e) {
        // left between the two queries
      }
    }
    out.sort(Comparator.comparingLong((ConversationView c) ->
        c.last() == null ? 0 : c.last().createdMs()).reversed());
    return out;
  }

  /**
   * One of my conversations.
   *
   * @throws ChatException {@code conversation_not_found} unless I am a member
   */
  public ConversationView conversation(long userId, long conversationId) throws ChatException {
    Optional<Snapshot> found = jdbi.withHandle(h -> {
      Optional<Member> me = member(h, userId, conversationId);
      if (me.isEmpty()) {
        return Optional.empty();
      }
      List<long[]> marks = h.createQuery("SELECT user_id, delivered_seq, read_seq"
              + " FROM conversation_members WHERE conversation_id = :id")
          .bind("id", conversationId)
          .map((rs, ctx) -> new long[] {rs.getLong("user_id"), rs.getLong("delivered_seq"),
              rs.getLong("read_seq")})
          .list();
      long othersDelivered = Long.MAX_VALUE;
      long othersRead = Long.MAX_VALUE;
      List<Long> memberIds = new ArrayList<>();
      for (long[] m : marks) {
        memberIds.add(m[0]);
        if (m[0] != userId) {
          othersDelivered = Math.min(othersDelivered, m[1]);
          othersRead = Math.min(othersRead, m[2]);
        }
      }
      ChatMessage last = me.get().lastSeq() == 0 ? null : h.createQuery("SELECT "
              + MESSAGE_COLUMNS + " FROM messages WHERE conversation_id = :id AND seq = :seq")
          .bind("id", conversationId).bind("seq", me.get().lastSeq())
          .map(ChatService::mapMessage).findOne().orElse(null);
      long unread = h.createQuery("SELECT COUNT(*) FROM messages WHERE conversation_id = :id"
              + " AND seq > :read AND sender_id <> :user AND kind NOT IN (" + GROUP_EVENTS + ")")
          .bind("id", conversationId).bind("read", me.get().readSeq()).bind("user", userId)
          .mapTo(Long.class).one();
      return Optional.of(new Snapshot(me.get(), memberIds, last, unread,
          othersDelivered == Long.MAX_VALUE ? 0 : othersDelivered,
          othersRead == Long.MAX_VALUE ? 0 : othersRead));
    });
    Snapshot s = found.orElseThrow(() -> notFound(conversationId));
    Map<Long, UserCard> cards = friends.cards(userId, s.memberIds());
    List<UserCard> members = s.memberIds().stream().map(cards::get)
        .filter(java.util.Objects::nonNull)
        .sorted(Comparator.comparing((UserCard c) -> !c.relation().equals("self"))
            .thenComparing(UserCard::displayName))
        .toList();
    return new ConversationView(conversationId, s.me().kind(), s.me().title(), s.me().ownerId(),
        members, s.last(), s.unread(), s.me().readSeq(), s.othersDelivered(), s.othersRead());
  }

  /** What {@link #conversation} reads in one database session. */
  private record Snapshot(Member me, List<Long> memberIds, ChatMessage last, long unread,
      long othersDelivered, long othersRead) {}

  /**
   * Stores a text message and tells every member. Sending again with the same client id stores
   * nothing and returns the stored message (nobody is told twice).
   *
   * @param userId the sender, a member
   * @param conversationId the conversation
   * @param clientId the sender's UUID for this message
   * @param text the text
   * @return the stored message
   * @throws ChatException {@code conversation_not_found}, {@code not_friends} (a direct
   *     conversation after the friendship ended), {@code message_too_long}, {@code bad_message}
   */
  public ChatMessage send(long userId, long conversationId, String clientId, String text)
      throws ChatException {
    return send(userId, conversationId, clientId, "text", checkText(text), null);
  }

  /**
   * Sends a file into a conversation: a message of kind {@code file} whose body is the file's
   * {@link FileView} as JSON. From then on the conversation's members may read the file.
   *
   * @param userId the sender, a member, who may read the file (checked by the caller)
   * @param file the file
   * @return the stored message
   * @throws ChatException as {@link #send(long, long, String, String)}
   */
  public ChatMessage sendFile(long userId, long conversationId, String clientId, FileView file)
      throws ChatException {
    return send(userId, conversationId, clientId, "file", FileJson.write(file), file.id());
  }

  /**
   * Whether someone may read a file because it was sent into a conversation they are in.
   *
   * @param userId the reader
   * @param fileId the file
   */
  public boolean sharedWith(long userId, String fileId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM messages m"
            + " JOIN conversation_members cm ON cm.conversation_id = m.conversation_id"
            + " WHERE m.file_id = :file AND cm.user_id = :user")
        .bind("file", fileId).bind("user", userId).mapTo(Integer.class).one() > 0);
  }

  private ChatMessage send(long userId, long conversationId, String clientId, String kind,
      String body, String fileId) throws ChatException {
    if (clientId == null || !UUID.matcher(clientId).matches()) {
      throw new ChatException(ChatException.BAD_MESSAGE, "clientId is a UUID");
    }
    String cid = clientId.toLowerCase(Locale.ROOT);
    Member me = jdbi.withHandle(h -> member(h, userId, conversationId))
        .orElseThrow(() -> notFound(conversationId));
    List<Long> members = memberIds(conversationId);
    if (me.kind().equals("direct")) {
      long other = members.stream().filter(m -> m != userId).findFirst().orElse(userId);
      if (!friends.areFriends(userId, other)) {
        throw new ChatException(ChatException.NOT_FRIENDS,
            "you are no longer friends: the history stays, but nothing more can be sent");
      }
    }
    Optional<ChatMessage> earlier = stored(conversationId, userId, cid);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    long now = clock.millis();
    ChatMessage message;
    try {
      message = jdbi.inTransaction(h -> append(h, conversationId, userId, cid, kind, body,
          fileId, now));
    } catch (NotMember e) {
      throw notFound(conversationId);
    } catch (RuntimeException e) {
      if (Database.isConstraintViolation(e)) {
        // the same message, sent twice at the same moment: the first one stands
        return stored(conversationId, userId, cid).orElseThrow(() -> e);
      }
      throw e;
    }
    MessageReceived event = new MessageReceived(message);
    for (long member : members) {
      listeners.forEach(l -> l.deliver(member, event));
    }
    return message;
  }

  /**
   * A page of a conversation's history, oldest first.
   *
   * @param beforeSeq the page ends just before this message; 0 for the newest page
   * @param limit 1..{@value #MAX_PAGE}
   * @throws ChatException {@code conversation_not_found} unless I am a member
   */
  public List<ChatMessage> history(long userId, long conversationId, long beforeSeq, int limit)
      throws ChatException {
    if (limit < 1 || limit > MAX_PAGE) {
      throw new IllegalArgumentException("a page holds 1.." + MAX_PAGE + " messages");
    }
    requireMember(userId, conversationId);
    List<ChatMessage> page = new ArrayList<>(jdbi.withHandle(h -> h.createQuery("SELECT "
            + MESSAGE_COLUMNS + " FROM messages WHERE conversation_id = :id AND seq < :before"
            + " ORDER BY seq DESC")
        .bind("id", conversationId)
        .bind("before", beforeSeq <= 0 ? Long.MAX_VALUE : beforeSeq)
        .setMaxRows(limit)
        .map(ChatService::mapMessage)
        .list()));
    return page.reversed();
  }

  /**
   * The messages of a conversation containing a text, ignoring case, newest first.
   *
   * @throws ChatException {@code conversation_not_found} unless I am a member,
   *     {@code bad_message} for an empty or over-long text
   */
  public List<ChatMessage> search(long userId, long conversationId, String query)
      throws ChatException {
    if (query == null || query.isBlank() || query.length() > 200) {
      throw new ChatException(ChatException.BAD_MESSAGE, "search for 1 to 200 characters");
    }
    requireMember(userId, conversationId);
    String like = "%" + query.strip().toLowerCase(Locale.ROOT).replace("!", "!!")
        .replace("%", "!%").replace("_", "!_") + "%";
    return jdbi.withHandle(h -> h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
            + " WHERE conversation_id = :id AND LOWER(body) LIKE :like ESCAPE '!'"
            + " ORDER BY seq DESC")
        .bind("id", conversationId).bind("like", like)
        .setMaxRows(MAX_SEARCH_RESULTS)
        .map(ChatService::mapMessage)
        .list());
  }

  /**
   * Moves my received and read marks forward (never back, never past the last message); when
   * they moved, every member is told ({@link ReceiptChanged}).
   *
   * @param deliveredSeq the last message my client has received, or 0
   * @param readSeq the last message I have seen, or 0 (reading implies receiving)
   * @throws ChatException {@code conversation_not_found} unless I am a member
   */
  public void mark(long userId, long conversationId, long deliveredSeq, long readSeq)
      throws ChatException {
    Member me = jdbi.withHandle(h -> member(h, userId, conversationId))
        .orElseThrow(() -> notFound(conversationId));
    long read = Math.min(Math.max(readSeq, 0), me.lastSeq());
    long delivered = Math.max(Math.min(Math.max(deliveredSeq, 0), me.lastSeq()), read);
    int changed = jdbi.inTransaction(h -> {
      int n = h.createUpdate("UPDATE conversation_members SET delivered_seq = :d"
              + " WHERE conversation_id = :id AND user_id = :user AND delivered_seq < :d")
          .bind("d", delivered).bind("id", conversationId).bind("user", userId).execute();
      n += h.createUpdate("UPDATE conversation_members SET read_seq = :r"
              + " WHERE conversation_id = :id AND user_id = :user AND read_seq < :r")
          .bind("r", read).bind("id", conversationId).bind("user", userId).execute();
      return n;
    });
    if (changed == 0) {
      return;
    }
    Member now = jdbi.withHandle(h -> member(h, userId, conversationId)).orElse(me);
    ReceiptChanged event = new ReceiptChanged(conversationId, userId, now.deliveredSeq(),
        now.readSeq());
    for (long member : memberIds(conversationId)) {
      listeners.forEach(l -> l.deliver(member, event));
    }
  }

  /**
   * Tells the other members that I am typing.
   *
   * @throws ChatException {@code conversation_not_found} unless I am a member
   */
  public void typing(long userId, long conversationId) throws ChatException {
    requireMember(userId, conversationId);
    TypingChanged event = new TypingChanged(conversationId, userId);
    for (long member : memberIds(conversationId)) {
      if (member != userId) {
        listeners.forEach(l -> l.deliver(member, event));
      }
    }
  }

  /**
   * Makes a group chat of mine with some of my friends.
   *
   * @param userId its owner
   * @param title its name
   * @param memberIds friends of the owner, 1..{@value #MAX_GROUP_MEMBERS} - 1 of them
   * @return the group as the owner sees it
   * @throws ChatException {@code bad_message} for a bad name or member list, {@code not_friends}
   *     when one of them is not the owner's friend
   */
  public ConversationView createGroup(long userId, String title, List<Long> memberIds)
      throws ChatException {
    String name = groupTitle(title);
    List<Long> others = memberIds == null ? List.of() : memberIds.stream()
        .filter(java.util.Objects::nonNull).filter(id -> id != userId).distinct().toList();
    if (others.isEmpty() || others.size() >= MAX_GROUP_MEMBERS) {
      throw new ChatException(ChatException.BAD_MESSAGE,
          "a group has 1 to " + (MAX_GROUP_MEMBERS - 1) + " of your friends");
    }
    for (long other : others) {
      if (!friends.areFriends(userId, other)) {
        throw new ChatException(ChatException.NOT_FRIENDS, "add only your friends");
      }
    }
    long id = random.nextLong(1, 1L << 53);
    long now = clock.millis();
    ChatMessage created = jdbi.inTransaction(h -> {
      h.createUpdate("INSERT INTO conversations (id, kind, direct_key, title, owner_id, last_seq,"
              + " created_ms) VALUES (:id, 'group', NULL, :title, :owner, 0, :now)")
          .bind("id", id).bind("title", name).bind("owner", userId).bind("now", now).execute();
      for (long member : concat(userId, others)) {
        h.createUpdate("INSERT INTO conversation_members (conversation_id, user_id, joined_ms,"
                + " delivered_seq, read_seq) VALUES (:id, :user, :now, 0, 0)")
            .bind("id", id).bind("user", member).bind("now", now).execute();
      }
      return append(h, id, userId, newClientId(), "created", name, now);
    });
    tell(id, "created", created, List.of());
    return conversation(userId, id);
  }

  /**
   * Renames a group I am in.
   *
   * @throws ChatException {@code conversation_not_found} (also for a direct conversation),
   *     {@code bad_message} for a bad name
   */
  public ConversationView renameGroup(long userId, long conversationId, String title)
      throws ChatException {
    String name = groupTitle(title);
    requireGroupMember(userId, conversationId);
    ChatMessage renamed = jdbi.inTransaction(h -> {
      h.createUpdate("UPDATE conversations SET title = :title WHERE id = :id")
          .bind("title", name).bind("id", conversationId).execute();
      return append(h, conversationId, userId, newClientId(), "renamed", name, clock.millis());
    });
    tell(conversationId, "renamed", renamed, List.of());
    return conversation(userId, conversationId);
  }

  /**
   * Adds one of my friends to a group I am in. They see its history, with nothing unread.
   *
   * @throws ChatException {@code conversation_not_found}, {@code not_friends} (not my friend),
   *     {@code bad_message} (already in it, or the group is full)
   */
  public ConversationView addMember(long userId, long conversationId, long friendId)
      throws ChatException {
    requireGroupMember(userId, conversationId);
    if (!friends.areFriends(userId, friendId)) {
      throw new ChatException(ChatException.NOT_FRIENDS, "add only your friends");
    }
    List<Long> members = memberIds(conversationId);
    if (members.contains(friendId) || members.size() >= MAX_GROUP_MEMBERS) {
      throw new ChatException(ChatException.BAD_MESSAGE,
          "already in the group, or the group is full");
    }
    String name = friends.cards(userId, List.of(friendId)).get(friendId).displayName();
    long now = clock.millis();
    ChatMessage added;
    try {
      added = jdbi.inTransaction(h -> {
        long last = h.createQuery("SELECT last_seq FROM conversations WHERE id = :id")
            .bind("id", conversationId).mapTo(Long.class).one();
        h.createUpdate("INSERT INTO conversation_members (conversation_id, user_id, joined_ms,"
                + " delivered_seq, read_seq) VALUES (:id, :user, :now, :last, :last)")
            .bind("id", conversationId).bind("user", friendId).bind("now", now)
            .bind("last", last).execute();
        return append(h, conversationId, userId, newClientId(), "added", name, now);
      });
    } catch (RuntimeException e) {
      if (Database.isConstraintViolation(e)) {
        throw new ChatException(ChatException.BAD_MESSAGE, "already in the group");
      }
      throw e;
    }
    tell(conversationId, "added", added, List.of());
    return conversation(userId, conversationId);
  }

  /**
   * Takes someone out of a group: the owner may remove anyone; anyone may leave (remove
   * themselves). A removed member no longer reads the group. When the owner leaves, the member
   * who joined first after them owns it.
   *
   * @throws ChatException {@code conversation_not_found}, {@code not_owner} (removing someone
   *     else without owning the group), {@code bad_message} (not in the group)
   */
  public void removeMember(long userId, long conversationId, long memberId)
      throws ChatException {
    Member me = requireGroupMember(userId, conversationId);
    if (memberId != userId && me.ownerId() != userId) {
      throw new ChatException(ChatException.NOT_OWNER, "only the group's owner removes others");
    }
    List<Long> before = memberIds(conversationId);
    if (!before.contains(memberId)) {
      throw new ChatException(ChatException.BAD_MESSAGE, "not in the group");
    }
    String kind = memberId == userId ? "left" : "removed";
    String name = Optional.ofNullable(friends.cards(userId, List.of(memberId)).get(memberId))
        .map(UserCard::displayName).orElse("");
    long now = clock.millis();
    ChatMessage event = jdbi.inTransaction(h -> {
      // The conversation's row first, as append takes it: no deadlock with a send.
      h.createUpdate("UPDATE conversations SET last_seq = last_seq WHERE id = :id")
          .bind("id", conversationId).execute();
      h.createUpdate("DELETE FROM conversation_members WHERE conversation_id = :id"
              + " AND user_id = :user")
          .bind("id", conversationId).bind("user", memberId).execute();
      if (memberId == me.ownerId()) {
        Long next = h.createQuery("SELECT user_id FROM conversation_members"
                + " WHERE conversation_id = :id ORDER BY joined_ms, user_id")
            .bind("id", conversationId).mapTo(Long.class).findFirst().orElse(null);
        h.createUpdate("UPDATE conversations SET owner_id = :owner WHERE id = :id")
            .bind("owner", next).bind("id", conversationId).execute();
      }
      return append(h, conversationId, userId, newClientId(), kind, name, now);
    });
    tell(conversationId, kind, event, List.of(memberId));
  }

  /**
   * Keeps a call's outcome in the two people's conversation, as a message of kind {@code call}
   * from the caller, and tells both.
   *
   * @param callerId who called
   * @param calleeId whom
   * @param outcome {@code answered}, {@code declined}, {@code cancelled}, {@code missed} or
   *     {@code busy}
   * @param seenByCallee whether the callee saw it (answered or declined it): then it is not
   *     unread for them
   * @throws ChatException {@code not_friends} when they are no longer friends
   */
  public void recordCall(long callerId, long calleeId, String outcome, boolean seenByCallee)
      throws ChatException {
    long id = openDirect(callerId, calleeId).conversationId();
    long now = clock.millis();
    ChatMessage record = jdbi.inTransaction(h -> {
      ChatMessage m = append(h, id, callerId, newClientId(), "call", outcome, now);
      if (seenByCallee) {
        h.createUpdate("UPDATE conversation_members SET delivered_seq = :seq, read_seq = :seq"
                + " WHERE conversation_id = :id AND user_id = :user AND read_seq < :seq")
            .bind("seq", m.seq()).bind("id", id).bind("user", calleeId).execute();
      }
      return m;
    });
    MessageReceived event = new MessageReceived(record);
    for (long member : List.of(callerId, calleeId)) {
      listeners.forEach(l -> l.deliver(member, event));
    }
  }

  /** Tells every member (and those just taken out) of a group event and its message. */
  private void tell(long conversationId, String reason, ChatMessage message, List<Long> also) {
    ConversationChanged changed = new ConversationChanged(conversationId, reason);
    MessageReceived received = new MessageReceived(message);
    List<Long> members = memberIds(conversationId);
    for (long member : members) {
      listeners.forEach(l -> {
        l.deliver(member, changed);
        l.deliver(member, received);
      });
    }
    for (long gone : also) {
      if (!members.contains(gone)) {
        listeners.forEach(l -> l.deliver(gone, changed));
      }
    }
  }

  // ---- inside ----

  /** Numbers and stores a message; the sender has then received and read up to it. */
  private static ChatMessage append(Handle h, long conversationId, long senderId, String clientId,
      String kind, String body, long now) {
    return append(h, conversationId, senderId, clientId, kind, body, null, now);
  }

  /** Numbers and stores a message that may name a file. */
  private static ChatMessage append(Handle h, long conversationId, long senderId, String clientId,
      String kind, String body, String fileId, long now) {
    h.createUpdate("UPDATE conversations SET last_seq = last_seq + 1 WHERE id = :id")
        .bind("id", conversationId).execute();
    // Under the conversation's row lock: someone removed a moment ago sends nothing more. (What
    // the server itself tells of a group, such as "left", is sent by someone who just left.)
    if ((kind.equals("text") || kind.equals("file")) && h.createQuery("SELECT COUNT(*) FROM conversation_members WHERE conversation_id = :id"
            + " AND user_id = :user")
        .bind("id", conversationId).bind("user", senderId).mapTo(Integer.class).one() == 0) {
      throw new NotMember(conversationId);
    }
    long seq = h.createQuery("SELECT last_seq FROM conversations WHERE id = :id")
        .bind("id", conversationId).mapTo(Long.class).one();
    h.createUpdate("INSERT INTO messages (" + MESSAGE_COLUMNS + ", file_id) VALUES (:id, :seq,"
            + " :cid, :sender, :kind, :body, :now, :file)")
        .bind("id", conversationId).bind("seq", seq).bind("cid", clientId)
        .bind("sender", senderId).bind("kind", kind).bind("body", body).bind("now", now)
        .bind("file", fileId).execute();
    // Writing is reading: my own message is received and read up to here.
    h.createUpdate("UPDATE conversation_members SET delivered_seq = :seq, read_seq = :seq"
            + " WHERE conversation_id = :id AND user_id = :user")
        .bind("seq", seq).bind("id", conversationId).bind("user", senderId).execute();
    return new ChatMessage(conversationId, seq, clientId, senderId, kind, body, now);
  }

  private Member requireGroupMember(long userId, long conversationId) throws ChatException {
    Member me = jdbi.withHandle(h -> member(h, userId, conversationId))
        .orElseThrow(() -> notFound(conversationId));
    if (!me.kind().equals("group")) {
      throw notFound(conversationId);
    }
    return me;
  }

  private static String groupTitle(String raw) throws ChatException {
    String clean = io.kaihui.server.account.ProfileFields.text(raw, MAX_GROUP_TITLE_CHARS);
    if (clean == null) {
      throw new ChatException(ChatException.BAD_MESSAGE, "a group's name has 1 to "
          + MAX_GROUP_TITLE_CHARS + " characters and no control characters");
    }
    return clean;
  }

  private static String newClientId() {
    return java.util.UUID.randomUUID().toString();
  }

  private static List<Long> concat(long first, List<Long> rest) {
    List<Long> all = new ArrayList<>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  private record Member(String kind, String title, long ownerId, long lastSeq,
      long deliveredSeq, long readSeq) {}

  private static Optional<Member> member(Handle h, long userId, long conversationId) {
    return h.createQuery("SELECT c.kind, c.title, c.owner_id, c.last_seq, m.delivered_seq,"
            + " m.read_seq FROM conversations c JOIN conversation_members m"
            + " ON m.conversation_id = c.id WHERE c.id = :id AND m.user_id = :user")
        .bind("id", conversationId).bind("user", userId)
        .map((rs, ctx) -> new Member(rs.getString("kind"), rs.getString("title"),
            rs.getLong("owner_id"), rs.getLong("last_seq"), rs.getLong("delivered_seq"),
            rs.getLong("read_seq")))
        .findOne();
  }

  private void requireMember(long userId, long conversationId) throws ChatException {
    if (jdbi.withHandle(h -> member(h, userId, conversationId)).isEmpty()) {
      throw notFound(conversationId);
    }
  }

  private List<Long> memberIds(long conversationId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT user_id FROM conversation_members"
            + " WHERE conversation_id = :id")
        .bind("id", conversationId).mapTo(Long.class).list());
  }

  private Optional<ChatMessage> stored(long conversationId, long senderId, String clientId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT " + MESSAGE_COLUMNS + " FROM messages"
            + " WHERE conversation_id = :id AND sender_id = :sender AND client_id = :cid")
        .bind("id", conversationId).bind("sender", senderId).bind("cid", clientId)
        .map(ChatService::mapMessage).findOne());
  }

  private static Optional<Long> findDirect(Handle h, String key) {
    return h.createQuery("SELECT id FROM conversations WHERE direct_key = :key")
        .bind("key", key).mapTo(Long.class).findOne();
  }

  /**
   * A chat text as it may be stored: some text that is not only blanks, at most
   * {@code maxChars} code points, no controls but tab and line breaks, no broken UTF-16.
   *
   * @param text the text as sent; null is fine
   * @param maxChars the most code points
   * @return the text, or null when it breaks a rule
   */
  public static String textOrNull(String text, int maxChars) {
    if (text == null || text.isBlank()) {
      return null;
    }
    int count = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      count++;
      int type = Character.getType(cp);
      boolean allowedControl = cp == '\n' || cp == '\t' || cp == '\r';
      if ((type == Character.CONTROL && !allowedControl) || type == Character.SURROGATE
          || cp == 0xFFFE || cp == 0xFFFF || count > maxChars) {
        return null;
      }
    }
    return text;
  }

  /** The text to store, or the reason it cannot be. */
  private String checkText(String text) throws ChatException {
    if (textOrNull(text, Integer.MAX_VALUE) == null) {
      throw new ChatException(ChatException.BAD_MESSAGE,
          "a message holds some text, and no control characters or broken UTF-16");
    }
    if (text.codePointCount(0, text.length()) > maxMessageChars) {
      throw new ChatException(ChatException.MESSAGE_TOO_LONG,
          "a message has at most " + maxMessageChars + " characters");
    }
    return text;
  }

  /** Thrown inside a transaction when the sender is no longer a member; rolls it back. */
  private static final class NotMember extends RuntimeException {
    NotMember(long conversationId) {
      super("not a member of " + conversationId, null, false, false);
    }
  }

  private static ChatException notFound(long conversationId) {
    return new ChatException(ChatException.CONVERSATION_NOT_FOUND,
        "no conversation " + conversationId + " of yours");
  }

  private static ChatMessage mapMessage(ResultSet rs, StatementContext ctx) throws SQLException {
    return new ChatMessage(rs.getLong("conversation_id"), rs.getLong("seq"),
        rs.getString("client_id"), rs.getLong("sender_id"), rs.getString("kind"),
        rs.getString("body"), rs.getLong("created_ms"));
  }
}
