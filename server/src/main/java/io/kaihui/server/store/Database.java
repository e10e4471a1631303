package io.kaihui.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's database: a HikariCP connection pool, the schema brought up to date by Flyway
 * when it opens (migrations in {@code classpath:db/migration}, written once in SQL that H2,
 * MariaDB and PostgreSQL all accept), and a JDBI instance over the pool that the feature
 * packages ({@code account}, {@code session}, ...) query through, with bound parameters only.
 *
 * <p>Every connection runs at READ COMMITTED (MariaDB's default would be REPEATABLE READ), so a
 * query answers the same on all three databases; code that must serialize takes row locks with
 * {@code SELECT ... FOR UPDATE}. A failed statement's exception message names the statement
 * but not its bound values.
 */
public final class Database implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Database.class);

  /** Where the migrations live on the class path. */
  public static final String MIGRATIONS = "classpath:db/migration";

  private final DatabaseVendor vendor;
  private final HikariDataSource dataSource;
  private final Jdbi jdbi;

  private Database(DatabaseVendor vendor, HikariDataSource dataSource) {
    this.vendor = vendor;
    this.dataSource = dataSource;
    this.jdbi = Jdbi.create(dataSource);
    // Failure messages name the statement but not its bound values, which include password
    // hashes and token hashes that have no place in a log.
    jdbi.getConfig(StatementExceptions.class).setMessageRendering(e ->
        e.getStatementContext() == null || e.getStatementContext().getRenderedSql() == null
            ? e.getShortMessage()
            : e.getShortMessage() + " [statement:\"" + e.getStatementContext().getRenderedSql()
                + "\"]");
  }

  /**
   * Opens the pool and migrates the schema to the newest version (from empty on first start).
   *
   * @param config where the database is
   * @return the open database; close it to close the pool
   * @throws StoreException if no connection can be made within 10 s, a MariaDB/MySQL database's
   *     character set is not utf8mb4, or a migration fails (the message names the database
   *     without its password)
   */
  public static Database open(DatabaseConfig config) {
    DatabaseVendor vendor = config.vendor();
    HikariConfig hc = new HikariConfig();
    hc.setPoolName("kaihui-db");
    hc.setJdbcUrl(vendor == DatabaseVendor.MARIADB ? permitMysqlScheme(config.jdbcUrl())
        : config.jdbcUrl());
    hc.setDriverClassName(vendor.driverClassName());
    if (config.user() != null) {
      hc.setUsername(config.user());
    }
    if (config.password() != null) {
      hc.setPassword(config.password());
    }
    hc.setMaximumPoolSize(config.poolSize());
    hc.setMinimumIdle(Math.min(2, config.poolSize()));
    hc.setConnectionTimeout(10_000);
    hc.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    HikariDataSource ds;
    try {
      ds = new HikariDataSource(hc);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to the database "
          + DatabaseConfig.redact(config.jdbcUrl()) + ": " + rootMessage(e), e);
    }
    try {
      if (vendor == DatabaseVendor.MARIADB) {
        requireUtf8mb4(ds);
      }
      MigrateResult result = Flyway.configure()
          .dataSource(ds)
          .locations(MIGRATIONS)
          .failOnMissingLocations(true)
          .load()
          .migrate();
      log.info("database {} ({}) at schema version {}; {} migration(s) applied",
          DatabaseConfig.redact(config.jdbcUrl()), vendor, result.targetSchemaVersion,
          result.migrationsExecuted);
    } catch (RuntimeException | SQLException e) {
      ds.close();
      throw new StoreException("cannot migrate the database "
          + DatabaseConfig.redact(config.jdbcUrl()) + ": " + rootMessage(e), e);
    }
    return new Database(vendor, ds);
  }

  /**
   * MariaDB and MySQL give new tables the database's default character set, and the migrations
   * cannot name one portably; names such as 王小明 🎉 need utf8mb4. Refusing to start is kinder
   * than failing on the first emoji.
   */
  private static void requireUtf8mb4(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT @@character_set_database, DATABASE()")) {
      rs.next();
      String charset = rs.getString(1);
      if (charset == null || !charset.startsWith("utf8mb4")) {
        throw new SQLException("the database's character set is " + charset
            + "; Kaihui needs utf8mb4: ALTER DATABASE " + rs.getString(2)
            + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
      }
    }
  }

  /**
   * MariaDB Connector/J 3 takes a {@code jdbc:mysql:} URL only when the URL itself says
   * {@code permitMysqlScheme}; add it, so that MySQL users can keep their usual URL.
   *
   * @param jdbcUrl a MariaDB or MySQL URL
   * @return the URL, with {@code permitMysqlScheme} added to a {@code jdbc:mysql:} one
   */
  static String permitMysqlScheme(String jdbcUrl) {
    if (!jdbcUrl.regionMatches(true, 0, "jdbc:mysql:", 0, 11)
        || jdbcUrl.contains("permitMysqlScheme")) {
      return jdbcUrl;
    }
    return jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "permitMysqlScheme";
  }

  /** The JDBI instance over the pool; thread-safe, shared by every feature. */
  public Jdbi jdbi() {
    return jdbi;
  }

  /** The pool itself, for code that needs plain JDBC. */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Which database product this is. */
  public DatabaseVendor vendor() {
    return vendor;
  }

  /**
   * Whether a failure is the database refusing a row that breaks a constraint (SQLSTATE class
   * {@code 23}: a duplicate key, a missing foreign row, a NULL in a NOT NULL column), as opposed
   * to a lost connection or a bug. The same test works on H2, MariaDB and PostgreSQL.
   *
   * @param failure an exception from JDBI or JDBC, possibly wrapping the driver's
   * @return true if an {@link SQLException} in its cause chain has a class-23 SQLSTATE
   */
  public static boolean isConstraintViolation(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null
          && sql.getSQLState().startsWith("23")) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** Closes the pool; queries after this fail. */
  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t == e ? String.valueOf(e.getMessage())
        : e.getMessage() + " (" + t.getMessage() + ")";
  }
}
