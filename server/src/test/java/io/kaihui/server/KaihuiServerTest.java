package io.kaihui.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.server.config.ServerConfig;
import io.kaihui.server.http.TlsListener;
import io.kaihui.media.MediaEngine;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole server on free ports: static client, REST, health, and HTTPS with its own cert. */
class KaihuiServerTest {

  @TempDir
  static Path dataDir;

  private static KaihuiServer server;
  /** HTTP/1.1, as browsers speak plain HTTP (see AccountRoutesTest). */
  private static final HttpClient http = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void start() {
    server = KaihuiServer.start(ServerConfig.load(new String[] {
        "--http-port=0", "--https-port=0", "--media-port=0", "--media-workers=2",
        "--media-announced-addresses=127.0.0.1", "--data-dir=" + dataDir}, Map.of()));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(server.url() + path.substring(1)))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  /** See AccountRoutesTest: header values must arrive as sent, on HTTPS as on plain HTTP. */
  @Test
  void everyListenerMatchesCachedHeadersByCase() {
    var connectors = server.httpApp().jettyServer().server().getConnectors();
    assertThat(connectors).hasSize(2);
    for (var connector : connectors) {
      var http = connector.getConnectionFactory(org.eclipse.jetty.server.HttpConnectionFactory.class);
      assertThat(http.getHttpConfiguration().isHeaderCacheCaseSensitive())
          .as(connector.toString()).isTrue();
    }
  }

  @Test
  void servesTheWebClientAndItsMeetingLinks() throws Exception {
    HttpResponse<String> index = get("/");
    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.body()).contains("<div id=\"root\"");
    assertThat(index.headers().firstValue("Cache-Control")).hasValue("no-cache");
    for (String route : java.util.List.of("/m/123456789", "/login", "/login?next=/m/123456789",
        "/register", "/profile")) {
      HttpResponse<String> page = get(route);
      assertThat(page.statusCode()).as(route).isEqualTo(200);
      assertThat(page.body()).as(route).isEqualTo(index.body());
    }
  }

  @Test
  void createsAndFindsMeetings() throws Exception {
    HttpResponse<String> forged = http.send(HttpRequest.newBuilder(
        URI.create(server.url() + "api/v1/meetings")).POST(HttpRequest.BodyPublishers.noBody())
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("\"code\":\"csrf_rejected\"");
    HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(
        URI.create(server.url() + "api/v1/meetings")).POST(HttpRequest.BodyPublishers.noBody())
        .header("X-Kaihui-Request", "1").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.body()).contains("\"code\":\"not_signed_in\"");
    HttpResponse<String> registered = http.send(HttpRequest.newBuilder(
        URI.create(server.url() + "api/v1/accounts")).header("X-Kaihui-Request", "1")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"host_one\","
            + "\"password\":\"Plum-Orchard-Lantern-7\",\"displayName\":\"Host\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
    String cookie = registered.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    HttpResponse<String> created = http.send(HttpRequest.newBuilder(
        URI.create(server.url() + "api/v1/meetings")).POST(HttpRequest.BodyPublishers.noBody())
        .header("X-Kaihui-Request", "1").header("Cookie", cookie).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).isEqualTo(201);
    assertThat(created.body()).contains("\"title\":\"Host's meeting\"",
        "\"youAreHost\":true");
    String number = created.body().replaceAll(".*\"meetingNumber\":\"(\\d{9})\".*", "$1");
    assertThat(number).matches("[1-9]\\d{8}");
    HttpResponse<String> found = get("/api/v1/meetings/" + number);
    assertThat(found.statusCode()).isEqualTo(200);
    assertThat(found.body()).contains("\"participantCount\":0");
    HttpResponse<String> missing = get("/api/v1/meetings/" + (number.equals("999999999")
        ? "888888888" : "999999999"));
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("\"code\":\"meeting_not_found\"");
    HttpResponse<String> bad = get("/api/v1/meetings/12ab");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"code\":\"bad_request\"");
  }

  @Test
  void metricsCountMediaAndSignaling() throws Exception {
    HttpResponse<String> metrics = get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.body()).contains("kaihui_media_stun_malformed_total",
        "kaihui_media_datagrams_received_total", "kaihui_meetings", "jvm_memory_used_bytes");
  }

  @Test
  void eachMediaWorkerHasItsOwnPortAndTheMetricsSumThem() throws Exception {
    List<Integer> ports = server.engines().stream().map(MediaEngine::port).toList();
    assertThat(ports).hasSize(2).doesNotHaveDuplicates();
    double before = metric("kaihui_media_unknown_protocol_dropped_total");
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int port : ports) {
        byte[] garbage = {(byte) 0xff, 1, 2, 3};
        socket.send(new DatagramPacket(garbage, garbage.length, InetAddress.getLoopbackAddress(),
            port));
      }
    }
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (metric("kaihui_media_unknown_protocol_dropped_total") < before + 2
        && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(metric("kaihui_media_unknown_protocol_dropped_total")).isEqualTo(before + 2);
    assertThat(get("/metrics").body())
        .contains("kaihui_media_worker_rtp_forwarded_total{worker=\"0\"}",
            "kaihui_media_worker_rtp_forwarded_total{worker=\"1\"}");
  }

  private double metric(String name) throws Exception {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? (\\S+)$")
        .matcher(get("/metrics").body());
    assertThat(m.find()).as(name).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void theEmbeddedDatabaseLivesInTheDataDirectoryAndIsMigrated() {
    assertThat(dataDir.resolve("kaihui.mv.db")).exists();
    long sessions = server.database().jdbi().withHandle(h -> h.createQuery(
        "SELECT COUNT(*) FROM sessions").mapTo(Long.class).one());
    assertThat(sessions).isNotNegative();
  }

  @Test
  void health() throws Exception {
    HttpResponse<String> health = get("/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"ok\"");
  }

  @Test
  void httpsWithTheSelfSignedCertificateFromTheDataDirectory() throws Exception {
    Path p12 = dataDir.resolve("tls/kaihui.p12");
    assertThat(p12).exists();
    assertThat(Files.getPosixFilePermissions(p12).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    KeyStore trust = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      trust.load(in, Files.readString(dataDir.resolve("tls/kaihui.p12.password")).toCharArray());
    }
    TrustManagerFactory tmf = TrustManagerFactory.getInstance(
        TrustManagerFactory.getDefaultAlgorithm());
    tmf.init(trust);
    SSLContext ssl = SSLContext.getInstance("TLS");
    ssl.init(null, tmf.getTrustManagers(), null);
    HttpClient https = HttpClient.newBuilder().sslContext(ssl).build();
    int port = TlsListener.boundPort(server.httpApp());
    HttpResponse<String> health = https.send(HttpRequest.newBuilder(
        URI.create("https://127.0.0.1:" + port + "/health")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(server.lanUrls()).isEmpty(); // only loopback is announced here
    // The page's origin over TLS is https: the same-origin check knows it (and lets the request
    // through to the sign-in check).
    URI meetings = URI.create("https://127.0.0.1:" + port + "/api/v1/meetings");
    HttpResponse<String> sameOrigin = https.send(HttpRequest.newBuilder(meetings)
        .header("X-Kaihui-Request", "1").header("Origin", "https://127.0.0.1:" + port)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(sameOrigin.statusCode()).isEqualTo(401);
    HttpResponse<String> downgraded = https.send(HttpRequest.newBuilder(meetings)
        .header("X-Kaihui-Request", "1").header("Origin", "http://127.0.0.1:" + port)
        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(downgraded.statusCode()).isEqualTo(403);
  }
}
