package io.kaihui.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.server.config.ConfigException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DatabaseConfigTest {

  @Test
  void embeddedDefaultIsH2FileInTheDataDirectory() {
    DatabaseConfig c = DatabaseConfig.embedded(Path.of("/srv/kaihui/data"));
    assertThat(c.jdbcUrl()).isEqualTo("jdbc:h2:file:/srv/kaihui/data/kaihui"
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0");
    assertThat(c.vendor()).isEqualTo(DatabaseVendor.H2);
    assertThat(c.poolSize()).isEqualTo(DatabaseConfig.DEFAULT_POOL_SIZE);
  }

  @Test
  void relativeDataDirectoryBecomesAbsolute() {
    DatabaseConfig c = DatabaseConfig.embedded(Path.of("./data"));
    assertThat(c.jdbcUrl()).startsWith("jdbc:h2:file:/").doesNotContain("/./");
  }

  @Test
  void toStringHidesPasswords() {
    DatabaseConfig c = new DatabaseConfig(
        "jdbc:postgresql://db/kaihui?user=k&password=urlsecret&ssl=true", "k", "s3cret!", 5);
    assertThat(c.toString()).doesNotContain("s3cret!").doesNotContain("urlsecret")
        .contains("password=***").contains("ssl=true");
    assertThat(DatabaseConfig.redact("jdbc:h2:file:x;PASSWORD=abc;MODE=PostgreSQL"))
        .isEqualTo("jdbc:h2:file:x;PASSWORD=***;MODE=PostgreSQL");
  }

  @Test
  void badSettingsNameTheKey() {
    assertThatThrownBy(() -> new DatabaseConfig("jdbc:oracle:thin:@db", "u", "p", 5))
        .isInstanceOf(ConfigException.class).hasMessageContaining("db.url");
    assertThatThrownBy(() -> new DatabaseConfig(null, "u", "p", 5))
        .isInstanceOf(ConfigException.class).hasMessageContaining("db.url");
    assertThatThrownBy(() -> new DatabaseConfig("jdbc:h2:mem:x", "u", "p", 0))
        .isInstanceOf(ConfigException.class).hasMessageContaining("db.pool-size");
    assertThatThrownBy(() -> new DatabaseConfig("jdbc:h2:mem:x", "u", "p", 1001))
        .isInstanceOf(ConfigException.class).hasMessageContaining("db.pool-size");
  }
}
