package io.kaihui.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/** Storage matters of MariaDB/MySQL alone: its URL schemes and its character sets. */
class MariaDbDatabaseTest {

  @Test
  void mysqlUrlsWorkThroughTheMariaDbDriver() {
    try (TestDatabase db = TestDatabase.create(DatabaseVendor.MARIADB)) {
      String url = db.config().jdbcUrl().replace("jdbc:mariadb:", "jdbc:mysql:");
      assertThat(url).startsWith("jdbc:mysql://");
      try (Database database = Database.open(new DatabaseConfig(url, "root", "", 2))) {
        assertThat(database.vendor()).isEqualTo(DatabaseVendor.MARIADB);
      }
      assertThat(db.tables()).containsKeys("users", "sessions");
    }
    assertThat(Database.permitMysqlScheme("jdbc:mysql://h/db"))
        .isEqualTo("jdbc:mysql://h/db?permitMysqlScheme");
    assertThat(Database.permitMysqlScheme("jdbc:mysql://h/db?ssl=true"))
        .isEqualTo("jdbc:mysql://h/db?ssl=true&permitMysqlScheme");
    assertThat(Database.permitMysqlScheme("jdbc:mariadb://h/db")).isEqualTo("jdbc:mariadb://h/db");
  }

  @Test
  void mariaDbDatabaseMustBeUtf8mb4() {
    try (TestDatabase db = TestDatabase.create(DatabaseVendor.MARIADB)) {
      db.executeAsAdmin("ALTER DATABASE " + db.name()
          + " CHARACTER SET latin1 COLLATE latin1_swedish_ci");
      assertThatThrownBy(() -> Database.open(db.config()))
          .isInstanceOf(StoreException.class)
          .hasMessageContaining("latin1")
          .hasMessageContaining("utf8mb4");
      assertThat(db.tables()).as("nothing migrated").isEmpty();
    }
  }
}
