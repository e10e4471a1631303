package io.kaihui.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.server.testing.TestDatabase;
import java.util.List;
import org.jdbi.v3.core.JdbiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** The same storage checks on H2, MariaDB and PostgreSQL, each from an empty database. */
@ParameterizedClass(name = "{0}")
@EnumSource(DatabaseVendor.class)
class DatabaseTest {

  @Parameter
  DatabaseVendor vendor;

  @Test
  void migratesFromEmpty() {
    try (TestDatabase db = TestDatabase.create(vendor)) {
      assertThat(db.tables()).isEmpty();
      Database database = db.open();
      assertThat(database.vendor()).isEqualTo(vendor);
      assertThat(db.tables()).containsOnlyKeys("flyway_schema_history", "users", "sessions",
          "meetings", "meeting_attendees", "friend_groups", "friendships", "friend_requests",
          "conversations", "conversation_members", "messages", "meeting_messages", "blobs",
          "files", "uploads");
      assertThat(db.tables().get("users")).containsExactly("id", "username", "username_key",
          "display_name", "phone", "password_hash", "avatar_ref", "mood_line", "created_ms",
          "updated_ms");
      assertThat(db.tables().get("sessions")).containsExactly("id", "token_hash", "user_id",
          "created_ms", "last_seen_ms", "expires_ms", "revoked_ms", "revoked_reason",
          "user_agent", "address");
      List<String> applied = database.jdbi().withHandle(h -> h.createQuery(
              "SELECT version FROM flyway_schema_history WHERE success = :ok"
                  + " AND version IS NOT NULL ORDER BY installed_rank")
          .bind("ok", true)
          .mapTo(String.class)
          .list());
      assertThat(db.tables().get("meeting_attendees")).containsExactly("meeting_id", "seq",
          "user_id", "display_name", "joined_ms");
      assertThat(db.tables().get("friendships")).containsExactly("user_id", "friend_id",
          "group_id", "created_ms");
      assertThat(db.tables().get("friend_requests")).containsExactly("id", "from_user_id",
          "to_user_id", "note", "created_ms");
      assertThat(db.tables().get("messages")).containsExactly("conversation_id", "seq",
          "client_id", "sender_id", "kind", "body", "created_ms", "file_id");
      assertThat(db.tables().get("files")).containsExactly("id", "owner_id", "sha256", "name",
          "media_type", "size_bytes", "created_ms");
      assertThat(db.tables().get("uploads")).containsExactly("id", "owner_id", "length_bytes",
          "sha256", "name", "media_type", "created_ms", "touched_ms");
      assertThat(db.tables().get("meeting_messages")).endsWith("file_id");
      assertThat(applied).containsExactly("1", "2", "3", "4", "5", "6", "7");
    }
  }

  @Test
  void reopeningAMigratedDatabaseChangesNothing() {
    try (TestDatabase db = TestDatabase.create(vendor)) {
      db.open();
      insertUser(db.open(), 1, "alice");
      long history = db.count("flyway_schema_history");
      try (Database again = Database.open(db.config())) {
        long users = again.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM users")
            .mapTo(Long.class).one());
        assertThat(users).isEqualTo(1);
      }
      assertThat(db.count("flyway_schema_history")).isEqualTo(history);
    }
  }

  @Test
  void usernameKeyIsUnique() {
    try (TestDatabase db = TestDatabase.create(vendor)) {
      Database database = db.open();
      insertUser(database, 1, "alice");
      assertThatThrownBy(() -> insertUser(database, 2, "alice"))
          .isInstanceOf(JdbiException.class)
          .satisfies(e -> assertThat(Database.isConstraintViolation(e)).isTrue())
          .as("bound values stay out of messages")
          .hasMessageNotContaining("hash-of-2");
      assertThat(db.count("users")).isEqualTo(1);
    }
  }

  @Test
  void sessionsNeedTheirUserAndGoWithIt() {
    try (TestDatabase db = TestDatabase.create(vendor)) {
      Database database = db.open();
      assertThatThrownBy(() -> insertSession(database, "s1", 42))
          .isInstanceOf(JdbiException.class)
          .satisfies(e -> assertThat(Database.isConstraintViolation(e)).isTrue());
      insertUser(database, 42, "bob");
      insertSession(database, "s1", 42);
      assertThat(db.count("sessions")).isEqualTo(1);
      database.jdbi().useHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id")
          .bind("id", 42L).execute());
      assertThat(db.count("sessions")).isZero();
    }
  }

  @Test
  void storesUnicodeAndLargeIdsExactly() {
    try (TestDatabase db = TestDatabase.create(vendor)) {
      Database database = db.open();
      long bigId = (1L << 53) - 1;
      String name = "王小明 🎉👨‍👩‍👧 Zoë".repeat(4);
      database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username,"
              + " username_key, display_name, password_hash, created_ms, updated_ms)"
              + " VALUES (:id, 'u', 'u', :name, 'x', 0, 0)")
          .bind("id", bigId).bind("name", name).execute());
      String stored = database.jdbi().withHandle(h -> h.createQuery(
              "SELECT display_name FROM users WHERE id = :id")
          .bind("id", bigId).mapTo(String.class).one());
      assertThat(stored).isEqualTo(name);
    }
  }

  @Test
  void constraintViolationIsToldFromOtherFailures() {
    try (TestDatabase db = TestDatabase.create(vendor)) {
      Database database = db.open();
      assertThatThrownBy(() -> database.jdbi().useHandle(h -> h.execute(
              "SELECT nonexistent_column FROM users")))
          .isInstanceOf(JdbiException.class)
          .satisfies(e -> assertThat(Database.isConstraintViolation(e)).isFalse());
      assertThat(Database.isConstraintViolation(new RuntimeException("x"))).isFalse();
    }
  }

  @Test
  void unreachableDatabaseFailsWithAClearMessageWithoutThePassword() {
    String url = switch (vendor) {
      case H2 -> "jdbc:h2:file:/proc/kaihui-no-such-dir/kaihui;IFEXISTS=TRUE";
      case MARIADB -> "jdbc:mariadb://127.0.0.1:1/kaihui?connectTimeout=2000";
      case POSTGRESQL -> "jdbc:postgresql://127.0.0.1:1/kaihui?connectTimeout=2";
    };
    DatabaseConfig config = new DatabaseConfig(url, "kaihui", "pw-never-shown", 2);
    assertThatThrownBy(() -> Database.open(config))
        .isInstanceOf(StoreException.class)
        .hasMessageContaining("cannot connect")
        .hasMessageContaining(url.substring(0, 20))
        .hasMessageNotContaining("pw-never-shown");
  }

  private static void insertUser(Database database, long id, String username) {
    database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO users (id, username, username_key,"
            + " display_name, password_hash, created_ms, updated_ms)"
            + " VALUES (:id, :u, :u, :u, :hash, 0, 0)")
        .bind("id", id).bind("u", username).bind("hash", "hash-of-" + id).execute());
  }

  private static void insertSession(Database database, String id, long userId) {
    database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO sessions (id, token_hash, user_id,"
            + " created_ms, last_seen_ms, expires_ms) VALUES (:id, :id, :user, 0, 0, 1)")
        .bind("id", id).bind("user", userId).execute());
  }
}
