package io.kaihui.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kaihui.server.store.DatabaseConfig;
import io.kaihui.server.store.DatabaseVendor;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

  @Test
  void defaults() {
    ServerConfig c = ServerConfig.load(new String[0], Map.of());
    assertThat(c.httpHost()).isEqualTo("127.0.0.1");
    assertThat(c.httpPort()).isEqualTo(8080);
    assertThat(c.mediaPort()).isEqualTo(10000);
    assertThat(c.mediaWorkers()).isEqualTo(Math.min(ServerConfig.MAX_MEDIA_WORKERS,
        Runtime.getRuntime().availableProcessors()));
    assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    assertThat(c.announcedAddresses()).isEmpty();
    assertThat(c.publicAddress()).isNull();
    assertThat(c.database()).isEqualTo(DatabaseConfig.embedded(Path.of("./data")));
    assertThat(c.database().vendor()).isEqualTo(DatabaseVendor.H2);
    assertThat(c.singleSession()).isTrue();
    assertThat(c.trustedProxies()).isEmpty();
    assertThat(c.maxParticipants()).isEqualTo(100);
    assertThat(ServerConfig.load(new String[] {"--meeting-max-participants=500"}, Map.of())
        .maxParticipants()).isEqualTo(500);
  }

  @Test
  void theEmbeddedDatabaseFollowsTheDataDirectory() {
    ServerConfig c = ServerConfig.load(new String[] {"--data-dir=/srv/kaihui",
        "--db-pool-size=3"}, Map.of());
    assertThat(c.database().jdbcUrl()).startsWith("jdbc:h2:file:/srv/kaihui/kaihui;");
    assertThat(c.database().user()).isEqualTo("sa");
    assertThat(c.database().poolSize()).isEqualTo(3);
  }

  @Test
  void databaseAndSessionSettingsByFlagEnvironmentAndFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("kaihui.properties");
    Files.writeString(file, "db.url=jdbc:postgresql://db.example.org/kaihui\n"
        + "db.user=file-user\ndb.password=file-secret\ndb.pool-size=7\nsession.single=false\n"
        + "http.trusted-proxies=10.0.0.2\n");
    ServerConfig fromFile = ServerConfig.load(new String[] {"--config=" + file}, Map.of());
    assertThat(fromFile.database()).isEqualTo(new DatabaseConfig(
        "jdbc:postgresql://db.example.org/kaihui", "file-user", "file-secret", 7));
    assertThat(fromFile.singleSession()).isFalse();
    assertThat(fromFile.trustedProxies()).containsExactly(InetAddress.getByName("10.0.0.2"));

    ServerConfig c = ServerConfig.load(
        new String[] {"--config=" + file, "--db-user=flag-user", "--session-single=TRUE"},
        Map.of("KAIHUI_DB_USER", "env-user", "KAIHUI_DB_PASSWORD", "env-secret",
            "KAIHUI_DB_URL", "jdbc:mariadb://127.0.0.1:3306/kaihui",
            "KAIHUI_HTTP_TRUSTED_PROXIES", "10.0.0.3, ::1"));
    assertThat(c.database()).isEqualTo(new DatabaseConfig(
        "jdbc:mariadb://127.0.0.1:3306/kaihui", "flag-user", "env-secret", 7));
    assertThat(c.singleSession()).isTrue();
    assertThat(c.trustedProxies()).containsExactly(
        InetAddress.getByName("10.0.0.3"), InetAddress.getByName("::1"));
    // Passwords stay out of anything printed.
    assertThat(c.toString()).doesNotContain("env-secret").contains("flag-user");
    ServerConfig tls = ServerConfig.load(new String[] {"--tls-keystore=/k.p12",
        "--tls.keystore-password=store-secret"}, Map.of());
    assertThat(tls.tlsKeystorePassword()).isEqualTo("store-secret");
    assertThat(tls.toString()).doesNotContain("store-secret");
  }

  @Test
  void flagsOverrideEnvironmentOverrideFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("kaihui.properties");
    Files.writeString(file, "http.port=1111\nmedia.port=2222\ndata.dir=/srv/file\n");
    ServerConfig c = ServerConfig.load(
        new String[] {"--config=" + file, "--http-port=3333"},
        Map.of("KAIHUI_HTTP_PORT", "4444", "KAIHUI_MEDIA_PORT", "5555"));
    assertThat(c.httpPort()).isEqualTo(3333);
    assertThat(c.mediaPort()).isEqualTo(5555);
    assertThat(c.dataDir()).isEqualTo(Path.of("/srv/file"));
  }

  @Test
  void addresses() throws Exception {
    ServerConfig c = ServerConfig.load(new String[] {
        "--media-announced-addresses=127.0.0.1, ::1", "--media-public-address=203.0.113.7"},
        Map.of());
    assertThat(c.announcedAddresses()).containsExactly(
        InetAddress.getByName("127.0.0.1"), InetAddress.getByName("::1"));
    assertThat(c.publicAddress()).isEqualTo(InetAddress.getByName("203.0.113.7"));
  }

  @Test
  void malformedValuesNameTheSetting() {
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--http-port=eighty"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.port");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--media-port=70000"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("media.port");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--media-workers=0"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("media.workers");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--media-workers=many"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("media.workers");
    assertThatThrownBy(() -> ServerConfig.load(
        new String[] {"--media-port=65535", "--media-workers=2"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("65536");
    assertThat(ServerConfig.load(new String[] {"--media-port=0", "--media-workers=64"}, Map.of())
        .mediaWorkers()).isEqualTo(64);
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--nonsense=1"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("--nonsense");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"serve"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("serve");
    assertThatThrownBy(() -> ServerConfig.load(
        new String[] {"--media-public-address=example.org"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("host names");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--config=/nonexistent/k.p"},
        Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("/nonexistent");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--db-pool-size=many"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("db.pool-size");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--db-pool-size=0"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("db.pool-size");
    assertThatThrownBy(() -> ServerConfig.load(new String[0],
        Map.of("KAIHUI_DB_URL", "jdbc:oracle:thin:@db:1521/k")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("db.url");
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--session-single=yes"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("session.single");
    assertThatThrownBy(() -> ServerConfig.load(
        new String[] {"--http-trusted-proxies=proxy.example.org"}, Map.of()))
        .isInstanceOf(ConfigException.class).hasMessageContaining("http.trusted-proxies");
    for (String bad : new String[] {"1", "1001", "lots"}) {
      assertThatThrownBy(() -> ServerConfig.load(
          new String[] {"--meeting-max-participants=" + bad}, Map.of()))
          .isInstanceOf(ConfigException.class).hasMessageContaining("meeting.max-participants");
    }
  }

  @Test
  void fileLimitsTakeSizesWithBinarySuffixes() {
    ServerConfig defaults = ServerConfig.load(new String[0], Map.of());
    assertThat(defaults.maxFileBytes()).isEqualTo(20L << 30);
    assertThat(defaults.fileQuotaBytes()).isEqualTo(100L << 30);
    assertThat(defaults.partialUploadHours()).isEqualTo(72);
    ServerConfig c = ServerConfig.load(new String[] {"--files-max-bytes=512m",
        "--files-quota-bytes=1048576", "--files-partial-hours=2"}, Map.of());
    assertThat(c.maxFileBytes()).isEqualTo(512L << 20);
    assertThat(c.fileQuotaBytes()).isEqualTo(1048576);
    assertThat(c.partialUploadHours()).isEqualTo(2);
    assertThat(ServerConfig.load(new String[] {"--files-max-bytes=2T"}, Map.of())
        .maxFileBytes()).isEqualTo(2L << 40);
    for (String bad : new String[] {"", "0", "-5", "1.5G", "G", "12X", "+7", "99999999999999T",
        "10 G"}) {
      assertThatThrownBy(() -> ServerConfig.load(new String[] {"--files-max-bytes=" + bad},
          Map.of())).as(bad).isInstanceOf(ConfigException.class)
          .hasMessageContaining("files.max-bytes");
    }
    assertThatThrownBy(() -> ServerConfig.load(new String[] {"--files-partial-hours=0"},
        Map.of())).isInstanceOf(ConfigException.class).hasMessageContaining("files.partial-hours");
  }
}
