package io.kaihui.server.meeting;

import io.kaihui.protocol.PastMeeting;
import io.kaihui.server.store.Database;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The meetings' record in the database (tables {@code meetings} and {@code meeting_attendees}):
 * when each started and ended, its title and host, and who was in it, for each person's list of
 * past meetings. Times are ms since 1970-01-01T00:00:00Z.
 */
public final class MeetingLog {

  /** Most past meetings one history request lists. */
  public static final int MAX_HISTORY = 200;

  private final Jdbi jdbi;
  private final SecureRandom random = new SecureRandom();

  /**
   * Creates the log.
   *
   * @param database the migrated database
   */
  public MeetingLog(Database database) {
    this.jdbi = database.jdbi();
  }

  /**
   * Records a meeting that starts now.
   *
   * @param number its 9-digit number
   * @param title its title
   * @param host its host, an account
   * @param startedMs when it started
   * @return the meeting's id in the log
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  public long started(String number, String title, Attendee host, long startedMs) {
    while (true) {
      long id = random.nextLong(1, 1L << 53);
      try {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO meetings (id, number, title,"
                + " host_user_id, host_name, started_ms) VALUES (:id, :number, :title, :host,"
                + " :hostName, :started)")
            .bind("id", id).bind("number", number).bind("title", title)
            .bind("host", host.userId()).bind("hostName", host.displayName())
            .bind("started", startedMs)
            .execute());
        return id;
      } catch (RuntimeException e) {
        if (!Database.isConstraintViolation(e)) {
          throw e;
        }
        // else the random id collided with an existing one: draw again
      }
    }
  }

  /**
   * Records that someone was in a meeting.
   *
   * @param meetingId the meeting's id in the log
   * @param seq their place in the order of first joining, from 1
   * @param who the account or guest
   * @param joinedMs when they joined
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  public void attended(long meetingId, int seq, Attendee who, long joinedMs) {
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO meeting_attendees (meeting_id, seq, user_id,"
            + " display_name, joined_ms) VALUES (:meeting, :seq, :user, :name, :joined)")
        .bind("meeting", meetingId).bind("seq", seq)
        .bind("user", who.isGuest() ? null : who.userId())
        .bind("name", who.displayName()).bind("joined", joinedMs)
        .execute());
  }

  /**
   * Records that a meeting ended.
   *
   * @param meetingId the meeting's id in the log
   * @param endedMs when
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  public void ended(long meetingId, long endedMs) {
    jdbi.useHandle(h -> h.createUpdate(
            "UPDATE meetings SET ended_ms = :ended WHERE id = :id AND ended_ms IS NULL")
        .bind("ended", endedMs).bind("id", meetingId).execute());
  }

  /**
   * Ends every meeting still recorded as live: called at start, when none can be, since the
   * process that ran them stopped.
   *
   * @param endedMs the time to record as their end
   * @return how many there were
   */
  public int endUnfinished(long endedMs) {
    return jdbi.withHandle(h -> h.createUpdate(
            "UPDATE meetings SET ended_ms = :ended WHERE ended_ms IS NULL")
        .bind("ended", endedMs).execute());
  }

  /**
   * Keeps one message of a meeting's chat.
   *
   * @param meetingId the meeting's id in the log
   * @param seq its number in the meeting's chat
   * @param from who said it (a guest has user id 0)
   * @param to a private message's recipient, or null for everyone
   * @param text the text (a file's name)
   * @param file a file sent, or null
   * @param createdMs when
   * @throws org.jdbi.v3.core.JdbiException if the database fails
   */
  public void chat(long meetingId, long seq, Attendee from, Attendee to, String text,
      io.kaihui.protocol.FileView file, long createdMs) {
    String body = file == null ? text : io.kaihui.server.file.FileJson.write(file);
    jdbi.useHandle(h -> h.createUpdate("INSERT INTO meeting_messages (meeting_id, seq,"
            + " sender_user_id, sender_name, recipient_user_id, recipient_name, body, created_ms,"
            + " file_id) VALUES (:meeting, :seq, :from, :fromName, :to, :toName, :body, :now,"
            + " :file)")
        .bind("meeting", meetingId).bind("seq", seq)
        .bind("from", from.isGuest() ? null : from.userId()).bind("fromName", from.displayName())
        .bind("to", to == null || to.isGuest() ? null : to.userId())
        .bind("toName", to == null ? null : to.displayName())
        .bind("body", body).bind("now", createdMs)
        .bind("file", file == null ? null : file.id()).execute());
  }

  /**
   * Whether someone may read a file because it was sent into the chat of a meeting they were
   * in: to everyone, or privately to or by them.
   *
   * @param userId the reader
   * @param fileId the file
   */
  public boolean sharedWith(long userId, String fileId) {
    return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM meeting_messages mm"
            + " JOIN meetings m ON m.id = mm.meeting_id WHERE mm.file_id = :file"
            + " AND (mm.sender_user_id = :user OR mm.recipient_user_id = :user"
            + " OR (mm.recipient_name IS NULL AND (m.host_user_id = :user OR EXISTS (SELECT 1"
            + " FROM meeting_attendees a WHERE a.meeting_id = m.id AND a.user_id = :user))))")
        .bind("file", fileId).bind("user", userId).mapTo(Integer.class).one() > 0);
  }

  /**
   * A past meeting's chat as one of its people reads it: every message to everyone, and the
   * private ones they sent or got.
   *
   * @param meetingId the meeting's id in the log
   * @param userId who reads
   * @return the messages in order; empty when the person was not in the meeting (or it has no
   *     such id)
   */
  public List<io.kaihui.protocol.MeetingChatMessage> chatOf(long meetingId, long userId) {
    return jdbi.withHandle(h -> {
      boolean wasThere = h.createQuery("SELECT COUNT(*) FROM meetings m WHERE m.id = :meeting"
              + " AND (m.host_user_id = :user OR EXISTS (SELECT 1 FROM meeting_attendees a"
              + " WHERE a.meeting_id = m.id AND a.user_id = :user))")
          .bind("meeting", meetingId).bind("user", userId).mapTo(Integer.class).one() > 0;
      if (!wasThere) {
        return List.of();
      }
      return h.createQuery("SELECT seq, sender_name, recipient_name, body, created_ms, file_id"
              + " FROM meeting_messages WHERE meeting_id = :meeting AND (recipient_name IS NULL"
              + " OR sender_user_id = :user OR recipient_user_id = :user) ORDER BY seq")
          .bind("meeting", meetingId).bind("user", userId)
          .map((rs, ctx) -> {
            io.kaihui.protocol.FileView file = rs.getString("file_id") == null ? null
                : io.kaihui.server.file.FileJson.read(rs.getString("body")).orElse(null);
            return new io.kaihui.protocol.MeetingChatMessage(rs.getLong("seq"), null,
                rs.getString("sender_name"), null, rs.getString("recipient_name"),
                file == null ? rs.getString("body") : file.name(), file,
                rs.getLong("created_ms"));
          })
          .list();
    });
  }

  /**
   * The meetings a person hosted or was in, newest first.
   *
   * @param userId the person's account id
   * @param limit at most this many, 1 to {@link #MAX_HISTORY}
   * @return the meetings, each with everyone who was in it in order of first joining
   * @throws IllegalArgumentException if {@code limit} is out of range
   */
  public List<PastMeeting> history(long userId, int limit) {
    if (limit < 1 || limit > MAX_HISTORY) {
      throw new IllegalArgumentException("limit must be 1 to " + MAX_HISTORY + ": " + limit);
    }
    return jdbi.withHandle(h -> {
      Map<Long, Row> rows = new LinkedHashMap<>();
      h.createQuery("SELECT id, number, title, host_name, started_ms, ended_ms FROM meetings"
              + " WHERE host_user_id = :user OR id IN (SELECT meeting_id FROM meeting_attendees"
              + " WHERE user_id = :user) ORDER BY started_ms DESC, id DESC")
          .bind("user", userId)
          .setMaxRows(limit)
          .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("number"),
              rs.getString("title"), rs.getString("host_name"), rs.getLong("started_ms"),
              (Long) rs.getObject("ended_ms", Long.class)))
          .forEach(r -> rows.put(r.id, r));
      if (rows.isEmpty()) {
        return List.of();
      }
      h.createQuery("SELECT meeting_id, user_id, display_name FROM meeting_attendees"
              + " WHERE meeting_id IN (<ids>) ORDER BY meeting_id, seq")
          .bindList("ids", List.copyOf(rows.keySet()))
          .map((rs, ctx) -> {
            Row r = rows.get(rs.getLong("meeting_id"));
            r.names.add(rs.getString("display_name"));
            if (rs.getObject("user_id") == null) {
              r.guests++;
            }
            return r;
          })
          .forEach(r -> { });
      List<PastMeeting> out = new ArrayList<>(rows.size());
      for (Row r : rows.values()) {
        out.add(new PastMeeting(r.id, r.number, r.title, r.hostName, r.startedMs, r.endedMs,
            List.copyOf(r.names), r.guests));
      }
      return out;
    });
  }

  private static final class Row {
    final long id;
    final String number;
    final String title;
    final String hostName;
    final long startedMs;
    final Long endedMs;
    final List<String> names = new ArrayList<>();
    int guests;

    Row(long id, String number, String title, String hostName, long startedMs, Long endedMs) {
      this.id = id;
      this.number = number;
      this.title = title;
      this.hostName = hostName;
      this.startedMs = startedMs;
      this.endedMs = endedMs;
    }
  }
}
