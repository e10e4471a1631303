package io.kaihui.server.config;

import io.kaihui.server.store.DatabaseConfig;
import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The server's settings. Each setting has a key such as {@code media.port}; it is read from, in
 * order of precedence: a command-line flag {@code --media-port=10000}, an environment variable
 * {@code KAIHUI_MEDIA_PORT}, the properties file named by {@code --config} (or
 * {@code KAIHUI_CONFIG}), and finally the built-in default.
 *
 * @param httpHost the address the plain-HTTP listener binds (default 127.0.0.1: plain HTTP
 *     serves only this machine, since browsers give camera access only to secure contexts)
 * @param httpPort the plain-HTTP port (default 8080; 0 picks a free one)
 * @param httpsHost the address the HTTPS listener binds (default 0.0.0.0: every interface)
 * @param httpsPort the HTTPS port (default 8443; 0 picks a free one; -1 turns HTTPS off)
 * @param tlsKeystore a PKCS#12 keystore with the operator's own certificate (key
 *     {@code tls.keystore}); null to use a self-signed one made in the data directory
 * @param tlsKeystorePassword its password (key {@code tls.keystore-password})
 * @param dataDir the data directory (default ./data)
 * @param mediaPort the UDP port of the first media worker (default 10000; 0 picks free ports);
 *     worker {@code i} listens on {@code mediaPort + i}
 * @param mediaWorkers how many media workers (key {@code media.workers}, 1..64, default one per
 *     processor): each has its own event loop and UDP port, and a meeting lives on one of them
 * @param announcedAddresses the addresses put into ICE candidates; empty means every address of
 *     this host (key {@code media.announced-addresses}, comma-separated)
 * @param publicAddress an extra address announced first, for a server behind NAT with a public
 *     address (key {@code media.public-address}); null when unset
 * @param database where accounts and sessions are stored: keys {@code db.url} (default: embedded
 *     H2 at {@code <data.dir>/kaihui.mv.db}), {@code db.user}, {@code db.password} and
 *     {@code db.pool-size} (default {@value DatabaseConfig#DEFAULT_POOL_SIZE})
 * @param singleSession one live session per account, a new sign-in ending the others (key
 *     {@code session.single}, default true); false allows several devices at once
 * @param trustedProxies reverse proxies whose {@code X-Forwarded-For} and
 *     {@code X-Forwarded-Proto} headers are believed (key {@code http.trusted-proxies},
 *     comma-separated IP addresses); empty by default, so the client address is the TCP peer's
 * @param maxParticipants most people in one meeting (key {@code meeting.max-participants},
 *     2..1000, default {@value #DEFAULT_MAX_PARTICIPANTS})
 * @param maxMessageChars most characters of a chat message (key
 *     {@code chat.max-message-chars}, 1..4000, default 4000)
 * @param ringSeconds how long a call rings before it is missed (key {@code call.ring-seconds},
 *     5..120, default 30)
 * @param maxFileBytes the largest file one may send, in bytes (key {@code files.max-bytes}, a
 *     number with an optional binary suffix K, M, G or T; default 20G)
 * @param fileQuotaBytes what one person's files and unfinished uploads may add up to, in bytes
 *     (key {@code files.quota-bytes}, same form; default 100G)
 * @param partialUploadHours how long an unfinished upload may wait for its next bytes before it
 *     is deleted (key {@code files.partial-hours}, 1..8760, default 72)
 * @param instantFromOthers whether instant transfer (秒传) makes a file of content anyone
 *     uploaded (key {@code files.instant-from-others}, default true), or only of content the
 *     sender may already read
 */
public record ServerConfig(
    String httpHost, int httpPort, String httpsHost, int httpsPort, Path tlsKeystore,
    String tlsKeystorePassword, Path dataDir, int mediaPort, int mediaWorkers,
    List<InetAddress> announcedAddresses, InetAddress publicAddress,
    DatabaseConfig database, boolean singleSession, List<InetAddress> trustedProxies,
    int maxParticipants, int maxMessageChars, int ringSeconds, long maxFileBytes,
    long fileQuotaBytes, int partialUploadHours, boolean instantFromOthers) {

  /** Most people in one meeting unless configured. */
  public static final int DEFAULT_MAX_PARTICIPANTS = 100;

  /** Most media workers one server runs. */
  public static final int MAX_MEDIA_WORKERS = 64;

  /** All keys this record reads. */
  public static final List<String> KEYS = List.of("http.host", "http.port", "https.host",
      "https.port", "tls.keystore", "tls.keystore-password", "data.dir",
      "media.port", "media.workers", "media.announced-addresses", "media.public-address",
      "db.url", "db.user", "db.password", "db.pool-size", "session.single",
      "http.trusted-proxies", "meeting.max-participants", "chat.max-message-chars",
      "call.ring-seconds", "files.max-bytes", "files.quota-bytes", "files.partial-hours",
      "files.instant-from-others");

  /**
   * Reads the settings.
   *
   * @param args command-line arguments ({@code --key-with-dashes=value}, or {@code --config=FILE})
   * @param env the environment ({@code KAIHUI_KEY_WITH_UNDERSCORES})
   * @return the settings
   * @throws ConfigException naming the setting and the reason when a value is malformed, a flag
   *     is unknown, or the config file cannot be read
   */
  public static ServerConfig load(String[] args, Map<String, String> env) {
    Map<String, String> flags = new HashMap<>();
    for (String arg : args) {
      if (!arg.startsWith("--") || !arg.contains("=")) {
        throw new ConfigException("unknown argument '" + arg + "': use --key=value, for example"
            + " --http-port=8080");
      }
      int eq = arg.indexOf('=');
      String flag = arg.substring(2, eq);
      String key = flag.equals("config") ? "config" : KEYS.stream()
          .filter(k -> k.replace('.', '-').equals(flag) || k.equals(flag)).findFirst().orElse(null);
      if (key == null) {
        throw new ConfigException("unknown flag '" + arg.substring(0, eq) + "'; known: "
            + String.join(", ", KEYS.stream().map(k -> "--" + k.replace('.', '-')).toList()));
      }
      flags.put(key, arg.substring(eq + 1));
    }
    Properties file = new Properties();
    String configPath = flags.getOrDefault("config", env.get("KAIHUI_CONFIG"));
    if (configPath != null) {
      try (Reader r = Files.newBufferedReader(Path.of(configPath))) {
        file.load(r);
      } catch (IOException e) {
        throw new ConfigException("cannot read config file " + configPath + ": " + e.getMessage());
      }
    }
    Map<String, String> merged = new HashMap<>();
    for (String key : KEYS) {
      String envName = "KAIHUI_" + key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
      String v = flags.get(key);
      if (v == null) {
        v = env.get(envName);
      }
      if (v == null) {
        v = file.getProperty(key);
      }
      if (v != null) {
        merged.put(key, v.trim());
      }
    }
    Path dataDir = Path.of(merged.getOrDefault("data.dir", "./data"));
    return new ServerConfig(
        merged.getOrDefault("http.host", "127.0.0.1"),
        port(merged, "http.port", 8080),
        merged.getOrDefault("https.host", "0.0.0.0"),
        "-1".equals(merged.get("https.port")) ? -1 : port(merged, "https.port", 8443),
        merged.containsKey("tls.keystore") ? Path.of(merged.get("tls.keystore")) : null,
        merged.get("tls.keystore-password"),
        dataDir,
        port(merged, "media.port", 10000),
        integer(merged, "media.workers", Math.min(MAX_MEDIA_WORKERS,
            Runtime.getRuntime().availableProcessors()), 1, MAX_MEDIA_WORKERS, "a number"),
        addresses(merged.get("media.announced-addresses"), "media.announced-addresses"),
        merged.containsKey("media.public-address") && !merged.get("media.public-address").isEmpty()
            ? addresses(merged.get("media.public-address"), "media.public-address").get(0)
            : null,
        database(merged, dataDir),
        bool(merged, "session.single", true),
        addresses(merged.get("http.trusted-proxies"), "http.trusted-proxies"),
        integer(merged, "meeting.max-participants", DEFAULT_MAX_PARTICIPANTS, 2, 1000,
            "a number"),
        integer(merged, "chat.max-message-chars", 4000, 1, 4000, "a number"),
        integer(merged, "call.ring-seconds", 30, 5, 120, "a number"),
        bytes(merged, "files.max-bytes", 20L << 30),
        bytes(merged, "files.quota-bytes", 100L << 30),
        integer(merged, "files.partial-hours", 72, 1, 8760, "a number of hours"),
        bool(merged, "files.instant-from-others", true));
  }

  /**
   * Validates the combination of settings.
   *
   * @throws ConfigException if only one of {@code tls.keystore} and
   *     {@code tls.keystore-password} is given, or the database is missing
   */
  public ServerConfig {
    if ((tlsKeystore == null) != (tlsKeystorePassword == null)) {
      throw new ConfigException("tls.keystore and tls.keystore-password go together");
    }
    if (database == null) {
      throw new ConfigException("db.url is required");
    }
    if (mediaPort != 0 && mediaPort + mediaWorkers - 1 > 65535) {
      throw new ConfigException("media.port " + mediaPort + " leaves no room for "
          + mediaWorkers + " media workers (ports up to " + (mediaPort + mediaWorkers - 1) + ")");
    }
    announcedAddresses = List.copyOf(announcedAddresses);
    trustedProxies = List.copyOf(trustedProxies);
  }

  /** The settings with the passwords hidden, fit for logs. */
  @Override
  public String toString() {
    return "ServerConfig[httpHost=" + httpHost + ", httpPort=" + httpPort + ", httpsHost="
        + httpsHost + ", httpsPort=" + httpsPort + ", tlsKeystore=" + tlsKeystore
        + ", tlsKeystorePassword=" + (tlsKeystorePassword == null ? "(none)" : "***")
        + ", dataDir=" + dataDir + ", mediaPort=" + mediaPort + ", mediaWorkers=" + mediaWorkers
        + ", announcedAddresses="
        + announcedAddresses + ", publicAddress=" + publicAddress + ", database=" + database
        + ", singleSession=" + singleSession + ", trustedProxies=" + trustedProxies
        + ", maxParticipants=" + maxParticipants + ", maxMessageChars=" + maxMessageChars
        + ", ringSeconds=" + ringSeconds + ", maxFileBytes=" + maxFileBytes
        + ", fileQuotaBytes=" + fileQuotaBytes + ", partialUploadHours=" + partialUploadHours
        + ", instantFromOthers=" + instantFromOthers
        + "]";
  }

  /**
   * The database settings: the embedded H2 database in the data directory unless {@code db.url}
   * names another. The embedded one's user is {@code sa} without a password unless given.
   */
  private static DatabaseConfig database(Map<String, String> values, Path dataDir) {
    String url = values.get("db.url");
    boolean embedded = url == null || url.isEmpty();
    String poolSize = values.get("db.pool-size");
    int pool = DatabaseConfig.DEFAULT_POOL_SIZE;
    if (poolSize != null) {
      try {
        pool = Integer.parseInt(poolSize);
      } catch (NumberFormatException e) {
        throw new ConfigException("db.pool-size must be a number 1..1000, not '" + poolSize + "'");
      }
    }
    String user = values.getOrDefault("db.user", embedded ? "sa" : null);
    String password = values.getOrDefault("db.password", embedded ? "" : null);
    return new DatabaseConfig(embedded ? DatabaseConfig.embeddedUrl(dataDir) : url, user,
        password, pool);
  }

  private static boolean bool(Map<String, String> values, String key, boolean fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    return switch (v.toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new ConfigException(key + " must be true or false, not '" + v + "'");
    };
  }

  private static int port(Map<String, String> values, String key, int fallback) {
    return integer(values, key, fallback, 0, 65535, "a port number");
  }

  /** A size: a number of bytes, or with the binary suffix K, M, G or T (1K = 1024). */
  private static long bytes(Map<String, String> values, String key, long fallback) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    String digits = v;
    int shift = 0;
    if (!v.isEmpty()) {
      int unit = "KMGT".indexOf(Character.toUpperCase(v.charAt(v.length() - 1)));
      if (unit >= 0) {
        shift = 10 * (unit + 1);
        digits = v.substring(0, v.length() - 1);
      }
    }
    try {
      long n = Long.parseLong(digits);
      if (n < 1 || !digits.chars().allMatch(Character::isDigit)
          || n > (Long.MAX_VALUE >> shift)) {
        throw new NumberFormatException();
      }
      return n << shift;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be a size in bytes, such as 1048576, 512M or 20G,"
          + " not '" + v + "'");
    }
  }

  /** An integer setting within {@code min..max}, or {@code fallback} when unset. */
  private static int integer(Map<String, String> values, String key, int fallback, int min,
      int max, String what) {
    String v = values.get(key);
    if (v == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(v);
      if (n < min || n > max) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ConfigException(key + " must be " + what + " " + min + ".." + max + ", not '"
          + v + "'");
    }
  }

  private static List<InetAddress> addresses(String csv, String key) {
    List<InetAddress> out = new ArrayList<>();
    if (csv == null) {
      return out;
    }
    for (String part : csv.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      if (!p.matches("[0-9A-Fa-f:.]+")) {
        throw new ConfigException(key + " takes IP addresses, not host names: '" + p + "'");
      }
      try {
        out.add(InetAddress.getByName(p));
      } catch (UnknownHostException e) {
        throw new ConfigException(key + " has a malformed IP address: '" + p + "'");
      }
    }
    return out;
  }
}
