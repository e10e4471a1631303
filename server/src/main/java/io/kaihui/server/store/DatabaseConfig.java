package io.kaihui.server.store;

import io.kaihui.server.config.ConfigException;
import java.nio.file.Path;

/**
 * Where the database is and how many connections to keep. The default is embedded H2 in the data
 * directory ({@link #embedded(Path)}); a MariaDB/MySQL or PostgreSQL server is chosen by giving
 * its JDBC URL. Suggested setting keys: {@code db.url}, {@code db.user}, {@code db.password},
 * {@code db.pool-size}.
 *
 * @param jdbcUrl the JDBC URL, for example {@code jdbc:mariadb://127.0.0.1:3306/kaihui} or
 *     {@code jdbc:postgresql://127.0.0.1:5432/kaihui}
 * @param user the database user; null when the URL or the driver supplies it
 * @param password the password; null for none. Never printed: {@link #toString()} hides it
 * @param poolSize the most connections the pool opens, 1..1000
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, int poolSize) {

  /** Connections in the pool unless configured: enough for a server's virtual threads, which
   * queue for a connection rather than each holding one. */
  public static final int DEFAULT_POOL_SIZE = 10;

  /**
   * H2 settings appended to the embedded URL. They make H2 behave like PostgreSQL where the SQL
   * standard leaves room (unquoted names fold to lower case as in PostgreSQL and as MariaDB
   * stores them when written in lower case; NULLs sort last), so the one set of migrations and
   * queries sees the same names and answers on all three databases. {@code WRITE_DELAY=0} writes
   * each commit to the file before the commit returns: by default H2 writes commits up to 500 ms
   * later, and a server killed in that time lost messages it had acknowledged (the crash test of
   * the chat end-to-end tests).
   */
  public static final String H2_SETTINGS =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";

  /**
   * Validates the settings.
   *
   * @throws ConfigException naming {@code db.url} or {@code db.pool-size} when the URL is missing
   *     or of an unsupported database, or the pool size is out of range
   */
  public DatabaseConfig {
    try {
      DatabaseVendor.fromJdbcUrl(jdbcUrl);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("db.url: " + e.getMessage());
    }
    if (poolSize < 1 || poolSize > 1000) {
      throw new ConfigException("db.pool-size must be 1..1000, not " + poolSize);
    }
    jdbcUrl = jdbcUrl.trim();
  }

  /**
   * The default database: H2 in file mode at {@code <dataDir>/kaihui.mv.db}, user {@code sa}
   * with no password (the file's protection is the data directory's permissions).
   *
   * @param dataDir the server's data directory; need not exist yet
   * @return the settings
   */
  public static DatabaseConfig embedded(Path dataDir) {
    return new DatabaseConfig(embeddedUrl(dataDir), "sa", "", DEFAULT_POOL_SIZE);
  }

  /**
   * The JDBC URL of the embedded database in a data directory.
   *
   * @param dataDir the data directory
   * @return {@code jdbc:h2:file:<absolute dataDir>/kaihui} followed by {@link #H2_SETTINGS}
   */
  public static String embeddedUrl(Path dataDir) {
    return "jdbc:h2:file:" + dataDir.toAbsolutePath().normalize().resolve("kaihui")
        + H2_SETTINGS;
  }

  /** Which database product the URL names. */
  public DatabaseVendor vendor() {
    return DatabaseVendor.fromJdbcUrl(jdbcUrl);
  }

  /** The settings with the password hidden, and any {@code password=} in the URL too. */
  @Override
  public String toString() {
    return "DatabaseConfig[jdbcUrl=" + redact(jdbcUrl) + ", user=" + user
        + ", password=" + (password == null || password.isEmpty() ? "(none)" : "***")
        + ", poolSize=" + poolSize + "]";
  }

  /**
   * A JDBC URL fit for messages and logs: a {@code password=...} parameter is replaced by
   * {@code ***}.
   *
   * @param jdbcUrl a URL, may be null
   * @return the URL without its password
   */
  static String redact(String jdbcUrl) {
    if (jdbcUrl == null) {
      return "null";
    }
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***");
  }
}
