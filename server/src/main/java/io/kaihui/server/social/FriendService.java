package io.kaihui.server.social;

import io.kaihui.protocol.FriendGroupView;
import io.kaihui.protocol.FriendList;
import io.kaihui.protocol.FriendRequestSent;
import io.kaihui.protocol.FriendRequestView;
import io.kaihui.protocol.FriendRequests;
import io.kaihui.protocol.FriendView;
import io.kaihui.protocol.UserCard;
import io.kaihui.server.account.AvatarStore;
import io.kaihui.server.account.ProfileFields;
import io.kaihui.server.presence.PresenceState;
import io.kaihui.server.store.Database;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.Collator;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Friends, friend requests and friend groups (tables {@code friendships},
 * {@code friend_requests} and {@code friend_groups}).
 *
 * <p>A request is pending until its addressee accepts or declines it or its sender cancels it;
 * there is at most one per ordered pair, and a person sends at most
 * {@value #REQUESTS_PER_HOUR} in any hour. Asking someone who has already asked me accepts
 * their request. A friendship is symmetric; each side keeps the other in a group of their own
 * (0, the default group "My friends", until moved). Every refusal is a {@link FriendException}
 * whose code names it; a request about a stranger's request or a non-friend reveals nothing
 * more than that it does not exist.
 *
 * <p>{@link Listener}s hear what the other person (and the asker's other tabs) must be told,
 * after it is stored.
 */
public final class FriendService {

  /** Longest note of a friend request, in characters. */
  public static final int MAX_NOTE_CHARS = 100;
  /** Longest group name, in characters. */
  public static final int MAX_GROUP_NAME_CHARS = 32;
  /** Most named groups one person has. */
  public static final int MAX_GROUPS = 50;
  /** Most people one search returns. */
  public static final int MAX_SEARCH_RESULTS = 20;
  /** Longest search text, in characters. */
  public static final int MAX_QUERY_CHARS = 64;
  /** Most friend requests one person sends in an hour. */
  public static final int REQUESTS_PER_HOUR = 20;

  /** Hears what others must be told. Called after the change is stored; must not block long. */
  public interface Listener {
    /**
     * Someone asked a person to be their friend.
     *
     * @param toUserId who is asked
     * @param request the request
     */
    void onFriendRequest(long toUserId, FriendRequestView request);

    /**
     * A person's friends, groups or requests changed.
     *
     * @param userId whose
     * @param reason {@code accepted}, {@code declined}, {@code cancelled}, {@code removed} or
     *     {@code updated}, as {@link io.kaihui.protocol.FriendsChanged} says
     * @param otherUserId the other person, or 0
     */
    void onFriendsChanged(long userId, String reason, long otherUserId);
  }

  private static final String CARD_COLUMNS =
      "u.id, u.username, u.display_name, u.mood_line, u.avatar_ref";

  private final Jdbi jdbi;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  /** Send times (ms) of each person's requests within the last hour. */
  private final Map<Long, Deque<Long>> sent = new HashMap<>();

  /**
   * Creates the service.
   *
   * @param database the migrated database
   * @param clock the time of requests and friendships, and of the hourly limit
   */
  public FriendService(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
  }

  /** Adds a listener. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /**
   * Finds people by username or display name, ignoring case: usernames starting with the text
   * first, then display names and usernames containing it; never the asker.
   *
   * @param askerId who searches
   * @param query 1..{@value #MAX_QUERY_CHARS} characters
   * @return at most {@value #MAX_SEARCH_RESULTS} people, each with what they are to the asker
   * @throws FriendException {@code bad_request} for an empty, too long or control-character text
   */
  public List<UserCard> search(long askerId, String query) throws FriendException {
    String q = ProfileFields.text(query, MAX_QUERY_CHARS);
    if (q == null) {
      throw new FriendException(FriendException.BAD_REQUEST, "search for 1 to "
          + MAX_QUERY_CHARS + " characters without control characters");
    }
    // '!' escapes LIKE's wildcards: a backslash would itself need escaping on MariaDB.
    String like = q.toLowerCase(Locale.ROOT).replace("!", "!!").replace("%", "!%")
        .replace("_", "!_");
    return jdbi.withHandle(h -> {
      List<Card> found = h.createQuery("SELECT " + CARD_COLUMNS + " FROM users u"
              + " WHERE u.id <> :asker AND (u.username_key LIKE :contains ESCAPE '!'"
              + " OR LOWER(u.display_name) LIKE :contains ESCAPE '!')"
              + " ORDER BY CASE WHEN u.username_key = :exact THEN 0"
              + " WHEN u.username_key LIKE :prefix ESCAPE '!' THEN 1 ELSE 2 END, u.username_key")
          .bind("asker", askerId)
          .bind("exact", q.toLowerCase(Locale.ROOT))
          .bind("prefix", like + "%")
          .bind("contains", "%" + like + "%")
          .setMaxRows(MAX_SEARCH_RESULTS)
          .map(FriendService::mapCard)
          .list();
      Relations r = relations(h, askerId);
      return found.stream().map(c -> c.view(r.of(c.id()))).toList();
    });
  }

  /**
   * Asks someone to be the asker's friend. When they have already asked the asker, their request
   * is accepted instead and the two are friends at once.
   *
   * @param fromId who asks
   * @param toId whom
   * @param note a short note, or null or blank for none
   * @return the pending request, or that they are friends now
   * @throws FriendException {@code user_not_found} (no such account, or the asker's own),
   *     {@code already_friends}, {@code request_pending} (asked already),
   *     {@code too_many_requests} (over {@value #REQUESTS_PER_HOUR} in the last hour), or
   *     {@code bad_request} (a note over {@value #MAX_NOTE_CHARS} characters or with control
   *     characters)
   */
  public FriendRequestSent request(long fromId, long toId, String note) throws FriendException {
    String cleanNote = null;
    if (note != null && !note.isBlank()) {
      cleanNote = ProfileFields.text(note, MAX_NOTE_CHARS);
      if (cleanNote == null) {
        throw new FriendException(FriendException.BAD_REQUEST, "a note has at most "
            + MAX_NOTE_CHARS + " characters and no control characters");
      }
    }
    if (fromId == toId) {
      throw new FriendException(FriendException.USER_NOT_FOUND, "one cannot befriend oneself");
    }
    Optional<Long> reverse = jdbi.withHandle(h -> h.createQuery("SELECT id FROM friend_requests"
            + " WHERE from_user_id = :to AND to_user_id = :from")
        .bind("from", fromId).bind("to", toId).mapTo(Long.class).findOne());
    if (reverse.isPresent()) {
      try {
        accept(fromId, reverse.get());
        return new FriendRequestSent(null, true);
      } catch (FriendException e) {
        if (!e.code().equals(FriendException.REQUEST_NOT_FOUND)) {
          throw e;
        }
        // else it was just cancelled or declined: ask as usual
      }
    }
    long now = clock.millis();
    checkRate(fromId, now);
    final String storedNote = cleanNote;
    FriendRequestView view = inTransaction(h -> {
      Card from = card(h, fromId).orElseThrow(() -> notFound(fromId));
      Card to = card(h, toId).orElseThrow(() -> notFound(toId));
      if (friends(h, fromId, toId)) {
        throw new FriendException(FriendException.ALREADY_FRIENDS, "already friends");
      }
      long id = random.nextLong(1, 1L << 53);
      try {
        h.createUpdate("INSERT INTO friend_requests (id, from_user_id, to_user_id, note,"
                + " created_ms) VALUES (:id, :from, :to, :note, :now)")
            .bind("id", id).bind("from", fromId).bind("to", toId).bind("note", storedNote)
            .bind("now", now).execute();
      } catch (RuntimeException e) {
        if (Database.isConstraintViolation(e)) {
          throw new FriendException(FriendException.REQUEST_PENDING,
              "a request to this person is waiting for an answer");
        }
        throw e;
      }
      return new FriendRequestView(id, from.view("none"), to.view("request_sent"), storedNote,
          now);
    });
    recordSent(fromId, now);
    FriendRequestView toThem = new FriendRequestView(view.requestId(),
        withRelation(view.from(), "request_received"), withRelation(view.to(), "none"),
        view.note(), view.createdMs());
    listeners.forEach(l -> l.onFriendRequest(toId, toThem));
    return new FriendRequestSent(view, false);
  }

  /**
   * Accepts a request addressed to the asker: the two become friends, each in their default
   * group, and any request between them is gone.
   *
   * @param userId who accepts, the request's addressee
   * @param requestId the request
   * @throws FriendException {@code request_not_found} when no pending request with this id is
   *     addressed to the asker
   */
  public void accept(long userId, long requestId) throws FriendException {
    long now = clock.millis();
    long fromId;
    try {
      fromId = acceptStored(userId, requestId, now);
    } catch (RuntimeException e) {
      // Both accepted each other's request at the same moment, and this database's snapshot did
      // not show the other's friendship: it stands, and they are friends.
      if (!Database.isConstraintViolation(e)) {
        throw e;
      }
      return;
    }
    listeners.forEach(l -> {
      l.onFriendsChanged(fromId, "accepted", userId);
      l.onFriendsChanged(userId, "accepted", fromId);
    });
  }

  private long acceptStored(long userId, long requestId, long now) throws FriendException {
    return inTransaction(h -> {
      long from = pendingTo(h, userId, requestId);
      h.createUpdate("DELETE FROM friend_requests WHERE (from_user_id = :a AND to_user_id = :b)"
              + " OR (from_user_id = :b AND to_user_id = :a)")
          .bind("a", from).bind("b", userId).execute();
      if (!friends(h, userId, from)) {
        for (long[] pair : new long[][] {{userId, from}, {from, userId}}) {
          h.createUpdate("INSERT INTO friendships (user_id, friend_id, group_id, created_ms)"
                  + " VALUES (:user, :friend, NULL, :now)")
              .bind("user", pair[0]).bind("friend", pair[1]).bind("now", now).execute();
        }
      }
      return from;
    });
  }

  /**
   * Declines a request addressed to the asker; its sender may ask again later.
   *
   * @param userId who declines, the request's addressee
   * @param requestId the request
   * @throws FriendException {@code request_not_found} as {@link #accept}
   */
  public void decline(long userId, long requestId) throws FriendException {
    long fromId = inTransaction(h -> {
      long from = pendingTo(h, userId, requestId);
      h.createUpdate("DELETE FROM friend_requests WHERE id = :id").bind("id", requestId)
          .execute();
      return from;
    });
    listeners.forEach(l -> {
      l.onFriendsChanged(fromId, "declined", userId);
      l.onFriendsChanged(userId, "declined", fromId);
    });
  }

  /**
   * Withdraws a request the asker sent.
   *
   * @param userId who withdraws, the request's sender
   * @param requestId the request
   * @throws FriendException {@code request_not_found} when the asker sent no pending request
   *     with this id
   */
  public void cancel(long userId, long requestId) throws FriendException {
    long toId = inTransaction(h -> {
      Optional<Long> to = h.createQuery("SELECT to_user_id FROM friend_requests"
              + " WHERE id = :id AND from_user_id = :user")
          .bind("id", requestId).bind("user", userId).mapTo(Long.class).findOne();
      if (to.isEmpty()) {
        throw requestNotFound(requestId);
      }
      h.createUpdate("DELETE FROM friend_requests WHERE id = :id").bind("id", requestId)
          .execute();
      return to.get();
    });
    listeners.forEach(l -> {
      l.onFriendsChanged(toId, "cancelled", userId);
      l.onFriendsChanged(userId, "cancelled", toId);
    });
  }

  /**
   * The pending requests to and from a person, newest first.
   *
   * @param userId whose
   * @return incoming and outgoing requests
   */
  public FriendRequests requests(long userId) {
    return jdbi.withHandle(h -> {
      List<FriendRequestView> incoming = new ArrayList<>();
      List<FriendRequestView> outgoing = new ArrayList<>();
      List<PendingRow> rows = h.createQuery("SELECT id, from_user_id, to_user_id, note,"
              + " created_ms FROM friend_requests WHERE to_user_id = :user"
              + " OR from_user_id = :user ORDER BY created_ms DESC, id")
          .bind("user", userId)
          .map((rs, ctx) -> new PendingRow(rs.getLong("id"), rs.getLong("from_user_id"),
              rs.getLong("to_user_id"), rs.getString("note"), rs.getLong("created_ms")))
          .list();
      for (PendingRow row : rows) {
        boolean toMe = row.to() == userId;
        Optional<Card> from = card(h, row.from());
        Optional<Card> to = card(h, row.to());
        if (from.isPresent() && to.isPresent()) {
          (toMe ? incoming : outgoing).add(new FriendRequestView(row.id(),
              from.get().view(toMe ? "request_received" : "none"),
              to.get().view(toMe ? "none" : "request_sent"), row.note(), row.createdMs()));
        }
      }
      return new FriendRequests(incoming, outgoing);
    });
  }

  /**
   * A person's friends with their presence now, and their named groups in order.
   *
   * @param userId whose
   * @param presence each person's presence now
   * @return groups, and friends sorted by display name
   */
  public FriendList friends(long userId, LongFunction<PresenceState> presence) {
    return jdbi.withHandle(h -> {
      List<FriendGroupView> groups = groups(h, userId);
      Collator collator = Collator.getInstance(Locale.SIMPLIFIED_CHINESE);
      List<FriendView> friends = new ArrayList<>(h.createQuery("SELECT " + CARD_COLUMNS
              + ", f.group_id, f.created_ms FROM friendships f"
              + " JOIN users u ON u.id = f.friend_id WHERE f.user_id = :user")
          .bind("user", userId)
          .map((rs, ctx) -> {
            Card c = mapCard(rs, ctx);
            long group = rs.getLong("group_id");
            return new FriendView(c.view("friend"), rs.wasNull() ? 0 : group,
                presence.apply(c.id()).code(), rs.getLong("created_ms"));
          })
          .list());
      friends.sort(Comparator.comparing((FriendView f) -> f.user().displayName(), collator)
          .thenComparingLong(f -> f.user().userId()));
      return new FriendList(groups, friends);
    });
  }

  /**
   * The ids of a person's friends, for presence and delivery.
   *
   * @param userId whose
   * @return their friends' ids, in no particular order
   */
  public List<Long> friendIds(long userId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT friend_id FROM friendships"
            + " WHERE user_id = :user")
        .bind("user", userId).mapTo(Long.class).list());
  }

  /**
   * What the asker may see of some people, with what each is to the asker.
   *
   * @param askerId who asks
   * @param userIds whom; ids of no account are left out
   * @return a card per account, by id
   */
  public Map<Long, UserCard> cards(long askerId, java.util.Collection<Long> userIds) {
    if (userIds.isEmpty()) {
      return Map.of();
    }
    return jdbi.withHandle(h -> {
      Relations r = relations(h, askerId);
      Map<Long, UserCard> out = new HashMap<>();
      h.createQuery("SELECT " + CARD_COLUMNS + " FROM users u WHERE u.id IN (<ids>)")
          .bindList("ids", List.copyOf(userIds))
          .map(FriendService::mapCard)
          .forEach(c -> out.put(c.id(), c.view(c.id() == askerId ? "self" : r.of(c.id()))));
      return out;
    });
  }

  /**
   * Whether two people are friends.
   *
   * @param a one
   * @param b the other
   * @return true when they are
   */
  public boolean areFriends(long a, long b) {
    return jdbi.withHandle(h -> friends(h, a, b));
  }

  /**
   * Ends a friendship, for both sides.
   *
   * @param userId who ends it
   * @param friendId the friend
   * @throws FriendException {@code not_friends} when they are not friends
   */
  public void remove(long userId, long friendId) throws FriendException {
    int removed = jdbi.inTransaction(h -> h.createUpdate("DELETE FROM friendships"
            + " WHERE (user_id = :a AND friend_id = :b) OR (user_id = :b AND friend_id = :a)")
        .bind("a", userId).bind("b", friendId).execute());
    if (removed == 0) {
      throw notFriends(friendId);
    }
    listeners.forEach(l -> {
      l.onFriendsChanged(friendId, "removed", userId);
      l.onFriendsChanged(userId, "removed", friendId);
    });
  }

  /**
   * Creates a named group, last in the owner's order.
   *
   * @param userId the owner
   * @param name its name
   * @return the new group
   * @throws FriendException {@code bad_request} for a bad name, {@code too_many_groups}
   */
  public FriendGroupView createGroup(long userId, String name) throws FriendException {
    String clean = groupName(name);
    long id = random.nextLong(1, 1L << 53);
    inTransaction(h -> {
      int count = h.createQuery("SELECT COUNT(*) FROM friend_groups WHERE user_id = :user")
          .bind("user", userId).mapTo(Integer.class).one();
      if (count >= MAX_GROUPS) {
        throw new FriendException(FriendException.TOO_MANY_GROUPS,
            "at most " + MAX_GROUPS + " groups");
      }
      int last = h.createQuery("SELECT COALESCE(MAX(sort_order), 0) FROM friend_groups"
              + " WHERE user_id = :user")
          .bind("user", userId).mapTo(Integer.class).one();
      h.createUpdate("INSERT INTO friend_groups (id, user_id, name, sort_order, created_ms)"
              + " VALUES (:id, :user, :name, :order, :now)")
          .bind("id", id).bind("user", userId).bind("name", clean).bind("order", last + 1)
          .bind("now", clock.millis()).execute();
      return null;
    });
    updated(userId);
    return new FriendGroupView(id, clean);
  }

  /**
   * Renames one of the owner's groups.
   *
   * @throws FriendException {@code group_not_found}, {@code bad_request} for a bad name
   */
  public FriendGroupView renameGroup(long userId, long groupId, String name)
      throws FriendException {
    String clean = groupName(name);
    int n = jdbi.withHandle(h -> h.createUpdate("UPDATE friend_groups SET name = :name"
            + " WHERE id = :id AND user_id = :user")
        .bind("name", clean).bind("id", groupId).bind("user", userId).execute());
    if (n == 0) {
      throw groupNotFound(groupId);
    }
    updated(userId);
    return new FriendGroupView(groupId, clean);
  }

  /**
   * Deletes one of the owner's groups; its friends go back to the default group.
   *
   * @throws FriendException {@code group_not_found}
   */
  public void deleteGroup(long userId, long groupId) throws FriendException {
    inTransaction(h -> {
      h.createUpdate("UPDATE friendships SET group_id = NULL WHERE user_id = :user"
              + " AND group_id = :id")
          .bind("user", userId).bind("id", groupId).execute();
      int n = h.createUpdate("DELETE FROM friend_groups WHERE id = :id AND user_id = :user")
          .bind("id", groupId).bind("user", userId).execute();
      if (n == 0) {
        throw groupNotFound(groupId);
      }
      return null;
    });
    updated(userId);
  }

  /**
   * Puts the owner's named groups into a new order.
   *
   * @param groupIds every one of their groups, each once
   * @throws FriendException {@code bad_request} when the ids are not exactly their groups
   */
  public void orderGroups(long userId, List<Long> groupIds) throws FriendException {
    if (groupIds == null || groupIds.size() > MAX_GROUPS) {
      throw new FriendException(FriendException.BAD_REQUEST, "name every group once");
    }
    inTransaction(h -> {
      Set<Long> mine = new HashSet<>(groups(h, userId).stream()
          .map(FriendGroupView::groupId).toList());
      if (groupIds.stream().anyMatch(java.util.Objects::isNull)
          || new HashSet<>(groupIds).size() != groupIds.size()
          || !mine.equals(new HashSet<>(groupIds))) {
        throw new FriendException(FriendException.BAD_REQUEST, "name every group once");
      }
      for (int i = 0; i < groupIds.size(); i++) {
        h.createUpdate("UPDATE friend_groups SET sort_order = :order WHERE id = :id")
            .bind("order", i + 1).bind("id", groupIds.get(i)).execute();
      }
      return null;
    });
    updated(userId);
  }

  /**
   * Moves a friend into one of the owner's groups.
   *
   * @param groupId one of the owner's groups, or 0 for the default group
   * @throws FriendException {@code not_friends}, {@code group_not_found}
   */
  public void move(long userId, long friendId, long groupId) throws FriendException {
    inTransaction(h -> {
      if (groupId != 0 && groups(h, userId).stream().noneMatch(g -> g.groupId() == groupId)) {
        throw groupNotFound(groupId);
      }
      int n = h.createUpdate("UPDATE friendships SET group_id = :group WHERE user_id = :user"
              + " AND friend_id = :friend")
          .bind("group", groupId == 0 ? null : groupId).bind("user", userId)
          .bind("friend", friendId).execute();
      if (n == 0) {
        throw notFriends(friendId);
      }
      return null;
    });
    updated(userId);
  }

  // ---- inside ----

  private interface TxWork<T> {
    T run(Handle h) throws FriendException;
  }

  private <T> T inTransaction(TxWork<T> work) throws FriendException {
    try {
      return jdbi.inTransaction(h -> {
        try {
          return work.run(h);
        } catch (FriendException e) {
          throw new Refused(e);
        }
      });
    } catch (Refused r) {
      throw r.refusal;
    }
  }

  /** Carries a refusal out of a transaction, which it rolls back. */
  private static final class Refused extends RuntimeException {
    final FriendException refusal;

    Refused(FriendException refusal) {
      super(refusal.getMessage(), null, false, false);
      this.refusal = refusal;
    }
  }

  private void updated(long userId) {
    listeners.forEach(l -> l.onFriendsChanged(userId, "updated", 0));
  }

  private synchronized void checkRate(long userId, long now) throws FriendException {
    Deque<Long> times = sent.get(userId);
    if (times == null) {
      return;
    }
    long hourAgo = now - Duration.ofHours(1).toMillis();
    while (!times.isEmpty() && times.peekFirst() <= hourAgo) {
      times.pollFirst();
    }
    if (times.size() >= REQUESTS_PER_HOUR) {
      long wait = (times.peekFirst() - hourAgo + 999) / 1000;
      throw new FriendException(FriendException.TOO_MANY_REQUESTS, "at most "
          + REQUESTS_PER_HOUR + " friend requests an hour", Math.max(1, wait));
    }
  }

  private synchronized void recordSent(long userId, long now) {
    Deque<Long> times = sent.computeIfAbsent(userId, k -> new ArrayDeque<>());
    times.addLast(now);
    long hourAgo = now - Duration.ofHours(1).toMillis();
    while (!times.isEmpty() && times.peekFirst() <= hourAgo) {
      times.pollFirst();
    }
    // Forget people who have not asked for an hour, so the map does not grow for good.
    sent.values().removeIf(d -> d.isEmpty() || d.peekLast() <= hourAgo);
  }

  private static long pendingTo(Handle h, long userId, long requestId) throws FriendException {
    return h.createQuery("SELECT from_user_id FROM friend_requests"
            + " WHERE id = :id AND to_user_id = :user")
        .bind("id", requestId).bind("user", userId).mapTo(Long.class).findOne()
        .orElseThrow(() -> requestNotFound(requestId));
  }

  private static boolean friends(Handle h, long a, long b) {
    return h.createQuery("SELECT COUNT(*) FROM friendships WHERE user_id = :a AND friend_id = :b")
        .bind("a", a).bind("b", b).mapTo(Integer.class).one() > 0;
  }

  private static List<FriendGroupView> groups(Handle h, long userId) {
    return h.createQuery("SELECT id, name FROM friend_groups WHERE user_id = :user"
            + " ORDER BY sort_order, created_ms, id")
        .bind("user", userId)
        .map((rs, ctx) -> new FriendGroupView(rs.getLong("id"), rs.getString("name")))
        .list();
  }

  private static Optional<Card> card(Handle h, long userId) {
    return h.createQuery("SELECT " + CARD_COLUMNS + " FROM users u WHERE u.id = :id")
        .bind("id", userId).map(FriendService::mapCard).findOne();
  }

  private record PendingRow(long id, long from, long to, String note, long createdMs) {}

  /** What the asker is to each person they have a friendship or pending request with. */
  private record Relations(Set<Long> friends, Set<Long> sentTo, Set<Long> receivedFrom) {
    String of(long userId) {
      return friends.contains(userId) ? "friend" : sentTo.contains(userId) ? "request_sent"
          : receivedFrom.contains(userId) ? "request_received" : "none";
    }
  }

  private static Relations relations(Handle h, long userId) {
    Set<Long> friends = new HashSet<>(h.createQuery("SELECT friend_id FROM friendships"
        + " WHERE user_id = :user").bind("user", userId).mapTo(Long.class).list());
    Set<Long> sentTo = new HashSet<>(h.createQuery("SELECT to_user_id FROM friend_requests"
        + " WHERE from_user_id = :user").bind("user", userId).mapTo(Long.class).list());
    Set<Long> received = new HashSet<>(h.createQuery("SELECT from_user_id FROM friend_requests"
        + " WHERE to_user_id = :user").bind("user", userId).mapTo(Long.class).list());
    return new Relations(friends, sentTo, received);
  }

  private record Card(long id, String username, String displayName, String moodLine,
      String avatarRef) {
    UserCard view(String relation) {
      return new UserCard(id, username, displayName, moodLine, AvatarStore.url(id, avatarRef),
          relation);
    }
  }

  private static Card mapCard(ResultSet rs, org.jdbi.v3.core.statement.StatementContext ctx)
      throws SQLException {
    return new Card(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
        rs.getString("mood_line"), rs.getString("avatar_ref"));
  }

  private static UserCard withRelation(UserCard c, String relation) {
    return new UserCard(c.userId(), c.username(), c.displayName(), c.moodLine(), c.avatarUrl(),
        relation);
  }

  private static String groupName(String raw) throws FriendException {
    String clean = ProfileFields.text(raw, MAX_GROUP_NAME_CHARS);
    if (clean == null) {
      throw new FriendException(FriendException.BAD_REQUEST, "a group name has 1 to "
          + MAX_GROUP_NAME_CHARS + " characters and no control characters");
    }
    return clean;
  }

  private static FriendException notFound(long userId) {
    return new FriendException(FriendException.USER_NOT_FOUND, "no account " + userId);
  }

  private static FriendException requestNotFound(long requestId) {
    return new FriendException(FriendException.REQUEST_NOT_FOUND,
        "no pending friend request " + requestId + " for you");
  }

  private static FriendException notFriends(long userId) {
    return new FriendException(FriendException.NOT_FRIENDS, "not friends with " + userId);
  }

  private static FriendException groupNotFound(long groupId) {
    return new FriendException(FriendException.GROUP_NOT_FOUND, "no group " + groupId);
  }
}
