package io.kaihui.server.testing;

import io.kaihui.server.store.Database;
import io.kaihui.server.store.DatabaseConfig;
import io.kaihui.server.store.DatabaseVendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A fresh, empty database of one vendor for one test, dropped afterwards: H2 in a new temporary
 * directory (the embedded default, in file mode), a new MariaDB database, or a new PostgreSQL
 * schema, each with a random name, so tests never see each other's rows and migrations always
 * run from empty. MariaDB is expected at 127.0.0.1:3306 (root, no password) and PostgreSQL at
 * 127.0.0.1:5432 (trust, user postgres or root, database test), or where the system properties
 * {@code kaihui.test.mariadb} and {@code kaihui.test.postgresql} (host:port) say; when one is
 * unreachable the test
 * is skipped loudly, or fails when services are {@linkplain Services#required() required}.
 */
public final class TestDatabase implements AutoCloseable {

  /** The vendors every storage test runs on. */
  public static final List<DatabaseVendor> VENDORS = List.of(DatabaseVendor.values());

  /** MariaDB's host:port; system property {@code kaihui.test.mariadb} overrides. */
  private static final String MARIADB = System.getProperty("kaihui.test.mariadb",
      "127.0.0.1:3306");
  /** PostgreSQL's host:port; system property {@code kaihui.test.postgresql} overrides. */
  private static final String POSTGRES = System.getProperty("kaihui.test.postgresql",
      "127.0.0.1:5432");
  private static final String MARIADB_ADMIN =
      "jdbc:mariadb://" + MARIADB + "/?connectTimeout=3000";
  private static final String POSTGRES_ADMIN =
      "jdbc:postgresql://" + POSTGRES + "/test?connectTimeout=3";

  private final DatabaseVendor vendor;
  private final String name;
  private final DatabaseConfig config;
  private final Path h2Dir;
  private final String adminUser;
  private Database database;

  private TestDatabase(DatabaseVendor vendor, String name, DatabaseConfig config, Path h2Dir,
      String adminUser) {
    this.vendor = vendor;
    this.name = name;
    this.config = config;
    this.h2Dir = h2Dir;
    this.adminUser = adminUser;
  }

  /**
   * Makes an empty database (no tables) of a vendor.
   *
   * @param vendor which database
   * @return the handle; close it to drop the database
   */
  public static TestDatabase create(DatabaseVendor vendor) {
    String name = "kaihui_test_" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
    try {
      return switch (vendor) {
        case H2 -> {
          Path dir = Files.createTempDirectory("kaihui-h2-");
          yield new TestDatabase(vendor, name, DatabaseConfig.embedded(dir), dir, null);
        }
        case MARIADB -> {
          try (Connection c = connect(MARIADB_ADMIN, "root", "MariaDB at " + MARIADB);
              Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
          }
          yield new TestDatabase(vendor, name, new DatabaseConfig(
              "jdbc:mariadb://" + MARIADB + "/" + name, "root", "", 4), null, "root");
        }
        case POSTGRESQL -> {
          String user = postgresUser();
          try (Connection c = connect(POSTGRES_ADMIN, user, "PostgreSQL at " + POSTGRES);
              Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + name);
          }
          yield new TestDatabase(vendor, name, new DatabaseConfig(
              "jdbc:postgresql://" + POSTGRES + "/test?currentSchema=" + name, user, "", 4),
              null, user);
        }
      };
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create test database " + name + ": " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The vendor. */
  public DatabaseVendor vendor() {
    return vendor;
  }

  /** The database's (MariaDB) or schema's (PostgreSQL) random name. */
  public String name() {
    return name;
  }

  /**
   * Runs a statement as the administrator, outside this database (MariaDB: no default
   * database; PostgreSQL: database test), for example to change its character set.
   *
   * @param sql the statement, a constant of the test
   * @throws IllegalStateException for H2, which has no administrator connection
   */
  public void executeAsAdmin(String sql) {
    String url = switch (vendor) {
      case MARIADB -> MARIADB_ADMIN;
      case POSTGRESQL -> POSTGRES_ADMIN;
      case H2 -> throw new IllegalStateException("H2 has no administrator connection");
    };
    try (Connection c = DriverManager.getConnection(url, adminUser, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Settings that open this database. */
  public DatabaseConfig config() {
    return config;
  }

  /** Opens (and so migrates) the database on first call; the same instance afterwards. */
  public synchronized Database open() {
    if (database == null) {
      database = Database.open(config);
    }
    return database;
  }

  /**
   * The tables of this database and their columns, names in lower case, tables sorted.
   *
   * @return table name to column names, in column order
   */
  public Map<String, List<String>> tables() {
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
        config.password())) {
      DatabaseMetaData md = c.getMetaData();
      String catalog = c.getCatalog();
      String schema = vendor == DatabaseVendor.MARIADB ? null : c.getSchema();
      List<String> names = new ArrayList<>();
      try (ResultSet rs = md.getTables(catalog, schema, "%", null)) {
        while (rs.next()) {
          String type = rs.getString("TABLE_TYPE");
          if (type != null && (type.equals("TABLE") || type.equals("BASE TABLE"))) {
            names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
          }
        }
      }
      names.sort(Comparator.naturalOrder());
      Map<String, List<String>> out = new LinkedHashMap<>();
      for (String t : names) {
        List<String> cols = new ArrayList<>();
        try (ResultSet rs = md.getColumns(catalog, schema, t, "%")) {
          while (rs.next()) {
            cols.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
          }
        }
        out.put(t, cols);
      }
      return out;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every non-null value of every column of every table, read as text: what a thief with a
   * copy of the database would see.
   *
   * @return entries {@code table.column=value}
   */
  public List<String> allValues() {
    List<String> out = new ArrayList<>();
    Map<String, List<String>> tables = tables();
    try (Connection c = DriverManager.getConnection(config.jdbcUrl(), config.user(),
        config.password()); Statement s = c.createStatement()) {
      for (Map.Entry<String, List<String>> t : tables.entrySet()) {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + t.getKey())) {
          int n = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= n; i++) {
              String v = rs.getString(i);
              if (v != null) {
                out.add(t.getKey() + "." + rs.getMetaData().getColumnName(i)
                    .toLowerCase(Locale.ROOT) + "=" + v);
              }
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
    return out;
  }

  /**
   * Counts the rows of a table.
   *
   * @param table a table name (a constant of the test, not input)
   * @return the count
   */
  public long count(String table) {
    return open().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM " + table)
        .mapTo(Long.class).one());
  }

  /** Closes the pool and drops the database. */
  @Override
  public synchronized void close() {
    if (database != null) {
      database.close();
      database = null;
    }
    try {
      switch (vendor) {
        case H2 -> {
          try (Stream<Path> files = Files.walk(h2Dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
              Files.deleteIfExists(p);
            }
          }
        }
        case MARIADB -> {
          try (Connection c = DriverManager.getConnection(MARIADB_ADMIN, adminUser, "");
              Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
          }
        }
        case POSTGRESQL -> {
          try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN, adminUser, "");
              Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("cannot drop test database " + name + ": " + e, e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Connection connect(String url, String user, String what) throws SQLException {
    try {
      return DriverManager.getConnection(url, user, "");
    } catch (SQLException e) {
      Services.missing(what + " (" + e.getMessage() + ")");
      throw e; // not reached: missing() aborts or fails
    }
  }

  private static String postgresUser() {
    for (String user : new String[] {"postgres", "root"}) {
      try (Connection c = DriverManager.getConnection(POSTGRES_ADMIN, user, "")) {
        if (c.isValid(3)) {
          return user;
        }
      } catch (SQLException e) {
        // try the next
      }
    }
    return "postgres"; // connect() reports the failure
  }

  @Override
  public String toString() {
    return vendor + ":" + name;
  }
}
