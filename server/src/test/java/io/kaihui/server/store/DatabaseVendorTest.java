package io.kaihui.server.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseVendorTest {

  @Test
  void toldApartByTheUrl() {
    assertThat(DatabaseVendor.fromJdbcUrl("jdbc:h2:file:/srv/kaihui/data/kaihui"))
        .isEqualTo(DatabaseVendor.H2);
    assertThat(DatabaseVendor.fromJdbcUrl("jdbc:mariadb://db:3306/kaihui"))
        .isEqualTo(DatabaseVendor.MARIADB);
    assertThat(DatabaseVendor.fromJdbcUrl("JDBC:MySQL://db/kaihui"))
        .isEqualTo(DatabaseVendor.MARIADB);
    assertThat(DatabaseVendor.fromJdbcUrl("  jdbc:postgresql://db/kaihui"))
        .isEqualTo(DatabaseVendor.POSTGRESQL);
  }

  @Test
  void driversAreOnTheClassPath() throws Exception {
    for (DatabaseVendor v : DatabaseVendor.values()) {
      assertThat(Class.forName(v.driverClassName())).isNotNull();
    }
  }

  @Test
  void otherDatabasesAreRefusedWithoutShowingThePassword() {
    assertThatThrownBy(() -> DatabaseVendor.fromJdbcUrl("jdbc:sqlite:/tmp/x?password=hunter22"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("jdbc:sqlite")
        .hasMessageNotContaining("hunter22");
    assertThatThrownBy(() -> DatabaseVendor.fromJdbcUrl(null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseVendor.fromJdbcUrl("h2:file:x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
