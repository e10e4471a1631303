package io.kaihui.server.store;

import java.util.Locale;

/**
 * The database products Kaihui runs on, told apart by the JDBC URL. The schema and every query
 * are written once, in SQL that all three accept; this type exists for the few things that are
 * not SQL: which driver to load and how a fresh test database is made.
 */
public enum DatabaseVendor {

  /** Embedded H2 ({@code jdbc:h2:...}), the default: a file in the data directory. */
  H2("org.h2.Driver"),

  /** MariaDB or MySQL ({@code jdbc:mariadb:...} or {@code jdbc:mysql:...}), through MariaDB
   * Connector/J. */
  MARIADB("org.mariadb.jdbc.Driver"),

  /** PostgreSQL ({@code jdbc:postgresql:...}). */
  POSTGRESQL("org.postgresql.Driver");

  private final String driverClassName;

  DatabaseVendor(String driverClassName) {
    this.driverClassName = driverClassName;
  }

  /** The JDBC driver class that opens this vendor's URLs. */
  public String driverClassName() {
    return driverClassName;
  }

  /**
   * Tells the vendor from a JDBC URL.
   *
   * @param jdbcUrl for example {@code jdbc:postgresql://db.example.org/kaihui}
   * @return the vendor
   * @throws IllegalArgumentException if the URL is null or names a database Kaihui does not
   *     support
   */
  public static DatabaseVendor fromJdbcUrl(String jdbcUrl) {
    String url = jdbcUrl == null ? "" : jdbcUrl.trim().toLowerCase(Locale.ROOT);
    if (url.startsWith("jdbc:h2:")) {
      return H2;
    }
    if (url.startsWith("jdbc:mariadb:") || url.startsWith("jdbc:mysql:")) {
      return MARIADB;
    }
    if (url.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException("unsupported JDBC URL '" + DatabaseConfig.redact(jdbcUrl)
        + "': use jdbc:h2:, jdbc:mariadb:, jdbc:mysql: or jdbc:postgresql:");
  }
}
