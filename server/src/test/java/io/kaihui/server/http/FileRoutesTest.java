package io.kaihui.server.http;

import static io.kaihui.server.http.AccountRoutesTest.body;
import static io.kaihui.server.http.AccountRoutesTest.code;
import static io.kaihui.server.http.ApiPeople.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.kaihui.server.KaihuiServer;
import io.kaihui.server.http.ApiPeople.Person;
import io.kaihui.server.testing.MutableClock;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files over real HTTP: every tus 1.0 rule the server keeps (core, creation, termination,
 * checksum), instant transfer, downloads with ranges and names, who may read, limits, and
 * garbage. The server allows files of 1 MiB and 3 MiB per person.
 */
class FileRoutesTest {

  private static final long MAX = 1L << 20;
  private static final long QUOTA = 3L << 20;

  @TempDir
  static Path dataDir;

  private static final MutableClock clock = new MutableClock();
  private static KaihuiServer server;

  @BeforeAll
  static void start() {
    server = AccountRoutesTest.start(dataDir, false, clock, "--files-max-bytes=" + MAX,
        "--files-quota-bytes=" + QUOTA, "--files-partial-hours=1");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static Person person() throws Exception {
    return ApiPeople.person(server, "file");
  }

  private static byte[] content(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static String b64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  /** A tus request: the version header, and the given ones ({@code null} values left out). */
  private static HttpResponse<byte[]> tus(Person p, String method, String path, byte[] body,
      String... headers) throws Exception {
    AccountRoutesTest.Browser b = p.browser();
    b.extraHeaders.clear();
    b.extraHeaders.put("Tus-Resumable", "1.0.0");
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i + 1] == null) {
        b.extraHeaders.remove(headers[i]);
      } else {
        b.extraHeaders.put(headers[i], headers[i + 1]);
      }
    }
    try {
      return b.send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofByteArray(body), null);
    } finally {
      b.extraHeaders.clear();
    }
  }

  /** Creates an upload and gives its path. */
  private static String create(Person p, byte[] content, String name) throws Exception {
    HttpResponse<byte[]> r = tus(p, "POST", "/api/v1/uploads", null,
        "Upload-Length", Integer.toString(content.length),
        "Upload-Metadata", "filename " + b64(name) + ",filetype " + b64("image/png")
            + ",sha256 " + b64(sha256(content)));
    assertThat(r.statusCode()).as(body(r)).isEqualTo(201);
    assertThat(r.headers().firstValue("Tus-Resumable")).hasValue("1.0.0");
    String location = r.headers().firstValue("Location").orElseThrow();
    assertThat(location).matches("/api/v1/uploads/[A-Za-z0-9_-]{22}");
    return location;
  }

  private static HttpResponse<byte[]> patch(Person p, String path, long offset, byte[] chunk,
      String... more) throws Exception {
    String[] headers = Stream.concat(Stream.of("Content-Type",
        "application/offset+octet-stream", "Upload-Offset", Long.toString(offset)),
        Arrays.stream(more)).toArray(String[]::new);
    return tus(p, "PATCH", path, chunk, headers);
  }

  private static long offset(Person p, String path) throws Exception {
    HttpResponse<byte[]> head = tus(p, "HEAD", path, null);
    assertThat(head.statusCode()).isEqualTo(200);
    assertThat(head.headers().firstValue("Cache-Control")).hasValue("no-store");
    return Long.parseLong(head.headers().firstValue("Upload-Offset").orElseThrow());
  }

  private static String fileId(String uploadPath) {
    return uploadPath.substring(uploadPath.lastIndexOf('/') + 1);
  }

  @Test
  void optionsTellTheVersionExtensionsAndLimits() throws Exception {
    HttpResponse<byte[]> r = person().browser().send("OPTIONS", "/api/v1/uploads",
        HttpRequest.BodyPublishers.noBody(), null);
    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(r.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    assertThat(r.headers().firstValue("Tus-Extension"))
        .hasValue("creation,termination,checksum");
    assertThat(r.headers().firstValue("Tus-Max-Size")).hasValue(Long.toString(MAX));
    assertThat(r.headers().firstValue("Tus-Checksum-Algorithm")).hasValue("sha256");
  }

  @Test
  void anUploadInChunksWithAPauseBecomesAFileWithItsNameAndHash() throws Exception {
    Person ada = person();
    byte[] bytes = content(300_000, 1);
    String name = "街景 photo (1).png";
    String path = create(ada, bytes, name);
    assertThat(offset(ada, path)).isZero();

    HttpResponse<byte[]> first = patch(ada, path, 0, Arrays.copyOfRange(bytes, 0, 100_000));
    assertThat(first.statusCode()).as(body(first)).isEqualTo(204);
    assertThat(first.headers().firstValue("Upload-Offset")).hasValue("100000");
    assertThat(offset(ada, path)).isEqualTo(100_000);

    // A chunk at the wrong offset changes nothing.
    HttpResponse<byte[]> wrong = patch(ada, path, 50_000, Arrays.copyOfRange(bytes, 50_000,
        60_000));
    assertThat(wrong.statusCode()).isEqualTo(409);
    assertThat(code(wrong)).isEqualTo("offset_mismatch");
    assertThat(offset(ada, path)).isEqualTo(100_000);

    // With a checksum: a wrong one keeps nothing, the right one keeps the chunk.
    byte[] second = Arrays.copyOfRange(bytes, 100_000, 200_000);
    HttpResponse<byte[]> bad = patch(ada, path, 100_000, second, "Upload-Checksum",
        "sha256 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(new byte[10])));
    assertThat(bad.statusCode()).isEqualTo(460);
    assertThat(code(bad)).isEqualTo("checksum_mismatch");
    assertThat(offset(ada, path)).isEqualTo(100_000);
    HttpResponse<byte[]> good = patch(ada, path, 100_000, second, "Upload-Checksum",
        "sha256 " + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
            .digest(second)));
    assertThat(good.statusCode()).as(body(good)).isEqualTo(204);

    HttpResponse<byte[]> last = patch(ada, path, 200_000, Arrays.copyOfRange(bytes, 200_000,
        bytes.length));
    assertThat(last.statusCode()).as(body(last)).isEqualTo(204);
    assertThat(last.headers().firstValue("Upload-Offset")).hasValue("300000");
    // Asked again (its last answer lost), the upload is whole.
    assertThat(offset(ada, path)).isEqualTo(300_000);

    JsonNode file = json(ada.browser().get("/api/v1/files/" + fileId(path)));
    assertThat(file.path("name").asText()).isEqualTo(name);
    assertThat(file.path("sizeBytes").asLong()).isEqualTo(300_000);
    assertThat(file.path("sha256").asText()).isEqualTo(sha256(bytes));
    assertThat(file.path("mediaType").asText()).isEqualTo("image/png");

    HttpResponse<byte[]> download = ada.browser().get("/api/v1/files/" + fileId(path)
        + "/content");
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(bytes);
    assertThat(download.headers().firstValue("Content-Type"))
        .hasValue("application/octet-stream");
    assertThat(download.headers().firstValue("Content-Disposition")).hasValue(
        "attachment; filename=\"__ photo (1).png\"; filename*=UTF-8''%E8%A1%97%E6%99%AF%20photo"
            + "%20%281%29.png");
    assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    HttpResponse<byte[]> inline = ada.browser().get("/api/v1/files/" + fileId(path)
        + "/content?inline=1");
    assertThat(inline.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(inline.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline;");
  }

  @Test
  void downloadsResumeByRange() throws Exception {
    Person ada = person();
    byte[] bytes = content(50_000, 2);
    String path = create(ada, bytes, "r.bin");
    assertThat(patch(ada, path, 0, bytes).statusCode()).isEqualTo(204);
    String url = "/api/v1/files/" + fileId(path) + "/content";
    AccountRoutesTest.Browser b = ada.browser();

    b.extraHeaders.put("Range", "bytes=40000-");
    HttpResponse<byte[]> tail = b.get(url);
    assertThat(tail.statusCode()).isEqualTo(206);
    assertThat(tail.headers().firstValue("Content-Range")).hasValue("bytes 40000-49999/50000");
    assertThat(tail.body()).isEqualTo(Arrays.copyOfRange(bytes, 40_000, 50_000));

    b.extraHeaders.put("Range", "bytes=-10");
    assertThat(b.get(url).body()).isEqualTo(Arrays.copyOfRange(bytes, 49_990, 50_000));
    b.extraHeaders.put("Range", "bytes=10-19");
    assertThat(b.get(url).body()).isEqualTo(Arrays.copyOfRange(bytes, 10, 20));

    b.extraHeaders.put("Range", "bytes=50000-");
    HttpResponse<byte[]> past = b.get(url);
    assertThat(past.statusCode()).isEqualTo(416);
    assertThat(past.headers().firstValue("Content-Range")).hasValue("bytes */50000");

    // A changed file (another ETag) or a range of garbage gets the whole file.
    b.extraHeaders.put("Range", "bytes=10-19");
    b.extraHeaders.put("If-Range", "\"0000\"");
    assertThat(b.get(url).statusCode()).isEqualTo(200);
    b.extraHeaders.remove("If-Range");
    for (String garbage : new String[] {"bytes=a-b", "bytes=5-2", "lines=1-2", "bytes=1-2,4-5",
        "bytes=--1", "bytes=99999999999999999999-"}) {
      b.extraHeaders.put("Range", garbage);
      HttpResponse<byte[]> whole = b.get(url);
      assertThat(whole.statusCode()).as(garbage).isEqualTo(200);
      assertThat(whole.body()).as(garbage).isEqualTo(bytes);
    }
    b.extraHeaders.clear();
  }

  @Test
  void theSameContentAgainIsSentInstantlyAndStoredOnce() throws Exception {
    Person ada = person();
    Person bob = person();
    byte[] bytes = content(80_000, 3);
    String sha = sha256(bytes);
    HttpResponse<byte[]> unknown = bob.browser().json("POST", "/api/v1/files",
        Map.of("sha256", sha, "sizeBytes", bytes.length, "name", "a.bin"));
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(code(unknown)).isEqualTo("content_unknown");

    String path = create(ada, bytes, "a.bin");
    assertThat(patch(ada, path, 0, bytes).statusCode()).isEqualTo(204);

    HttpResponse<byte[]> wrongSize = bob.browser().json("POST", "/api/v1/files",
        Map.of("sha256", sha, "sizeBytes", bytes.length + 1, "name", "a.bin"));
    assertThat(code(wrongSize)).isEqualTo("content_unknown");
    HttpResponse<byte[]> instant = bob.browser().json("POST", "/api/v1/files",
        Map.of("sha256", sha.toUpperCase(), "sizeBytes", bytes.length, "name", "副本.bin"));
    assertThat(instant.statusCode()).as(body(instant)).isEqualTo(201);
    JsonNode file = json(instant);
    assertThat(file.path("id").asText()).isNotEqualTo(fileId(path));
    assertThat(file.path("name").asText()).isEqualTo("副本.bin");
    assertThat(bob.browser().get("/api/v1/files/" + file.path("id").asText() + "/content")
        .body()).isEqualTo(bytes);
    // One blob, named by two files.
    long refs = server.database().jdbi().withHandle(h -> h.createQuery(
        "SELECT ref_count FROM blobs WHERE sha256 = :sha").bind("sha", sha)
        .mapTo(Long.class).one());
    assertThat(refs).isEqualTo(2);
    try (Stream<Path> blobs = Files.walk(dataDir.resolve("files/blobs"))) {
      assertThat(blobs.filter(p -> p.getFileName().toString().equals(sha))).hasSize(1);
    }
  }

  @Test
  void contentOfAnotherHashIsRefusedAndNothingIsKept() throws Exception {
    Person ada = person();
    byte[] bytes = content(20_000, 4);
    HttpResponse<byte[]> created = tus(ada, "POST", "/api/v1/uploads", null,
        "Upload-Length", "20000", "Upload-Metadata", "filename " + b64("x.bin") + ",sha256 "
            + b64(sha256(new byte[20_000])));
    String path = created.headers().firstValue("Location").orElseThrow();
    HttpResponse<byte[]> r = patch(ada, path, 0, bytes);
    assertThat(r.statusCode()).isEqualTo(460);
    assertThat(code(r)).isEqualTo("hash_mismatch");
    assertThat(tus(ada, "HEAD", path, null).statusCode()).isEqualTo(404);
    assertThat(ada.browser().get("/api/v1/files/" + fileId(path)).statusCode()).isEqualTo(404);
    try (Stream<Path> partial = Files.list(dataDir.resolve("files/partial"))) {
      assertThat(partial.map(p -> p.getFileName().toString())).doesNotContain(fileId(path));
    }
  }

  @Test
  void onlyTheSenderAndTheConversationReadAFile() throws Exception {
    Person ada = person();
    Person bob = person();
    Person eve = person();
    byte[] bytes = content(10_000, 5);
    String path = create(ada, bytes, "secret.txt");
    assertThat(patch(ada, path, 0, bytes).statusCode()).isEqualTo(204);
    String id = fileId(path);
    // Strangers see nothing: not the file, not the upload.
    for (Person p : new Person[] {bob, eve}) {
      assertThat(p.browser().get("/api/v1/files/" + id).statusCode()).isEqualTo(404);
      assertThat(p.browser().get("/api/v1/files/" + id + "/content").statusCode())
          .isEqualTo(404);
      assertThat(tus(p, "HEAD", path, null).statusCode()).isEqualTo(404);
    }
    assertThat(new AccountRoutesTest.Browser(server).get("/api/v1/files/" + id).statusCode())
        .isEqualTo(401);

    long request = json(ada.browser().json("POST", "/api/v1/friend-requests",
        Map.of("toUserId", bob.id()))).path("request").path("requestId").asLong();
    assertThat(bob.browser().json("POST", "/api/v1/friend-requests/" + request + "/accept",
        null).statusCode()).isEqualTo(204);
    long conversation = json(ada.browser().json("POST", "/api/v1/conversations/direct",
        Map.of("userId", bob.id()))).path("conversationId").asLong();
    // Eve cannot send what she cannot read.
    HttpResponse<byte[]> stolen = eve.browser().json("POST", "/api/v1/conversations/"
        + conversation + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
        "fileId", id));
    assertThat(stolen.statusCode()).isIn(404);
    HttpResponse<byte[]> sent = ada.browser().json("POST", "/api/v1/conversations/"
        + conversation + "/messages", Map.of("clientId", UUID.randomUUID().toString(),
        "fileId", id));
    assertThat(sent.statusCode()).as(body(sent)).isEqualTo(201);
    JsonNode message = json(sent);
    assertThat(message.path("kind").asText()).isEqualTo("file");
    assertThat(parse(message.path("body").asText().getBytes(StandardCharsets.UTF_8))
        .path("id").asText()).isEqualTo(id);

    assertThat(bob.browser().get("/api/v1/files/" + id + "/content").body()).isEqualTo(bytes);
    assertThat(eve.browser().get("/api/v1/files/" + id + "/content").statusCode())
        .isEqualTo(404);
  }

  private static JsonNode parse(byte[] bytes) throws Exception {
    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(bytes);
  }

  @Test
  void limitsAndQuotaAreClearRefusals() throws Exception {
    Person ada = person();
    HttpResponse<byte[]> big = tus(ada, "POST", "/api/v1/uploads", null, "Upload-Length",
        Long.toString(MAX + 1), "Upload-Metadata", "filename " + b64("big.iso") + ",sha256 "
            + b64("0".repeat(64)));
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(code(big)).isEqualTo("file_too_large");
    // Three unfinished uploads of 1 MiB fill the quota of 3 MiB; a fourth byte does not fit.
    for (int i = 0; i < 3; i++) {
      assertThat(tus(ada, "POST", "/api/v1/uploads", null, "Upload-Length", Long.toString(MAX),
          "Upload-Metadata", "filename " + b64("f" + i) + ",sha256 " + b64("0".repeat(64)))
          .statusCode()).isEqualTo(201);
    }
    HttpResponse<byte[]> over = tus(ada, "POST", "/api/v1/uploads", null, "Upload-Length", "1",
        "Upload-Metadata", "filename " + b64("one") + ",sha256 " + b64("0".repeat(64)));
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(code(over)).isEqualTo("quota_exceeded");
  }

  @Test
  void garbageIsRefusedClearlyAndStoresNothing() throws Exception {
    Person ada = person();
    String sha = b64("0".repeat(64));
    long uploadsBefore = uploads();
    String[][] creations = {
        {"Upload-Length", null, "Upload-Metadata", "filename " + b64("a") + ",sha256 " + sha},
        {"Upload-Length", "-1", "Upload-Metadata", "filename " + b64("a") + ",sha256 " + sha},
        {"Upload-Length", "1e3", "Upload-Metadata", "filename " + b64("a") + ",sha256 " + sha},
        {"Upload-Length", "99999999999999999999", "Upload-Metadata", "filename " + b64("a")},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("a")},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("a") + ",sha256 "
            + b64("xyz")},
        {"Upload-Length", "10", "Upload-Metadata", "filename !!!,sha256 " + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("a") + ",filename "
            + b64("b") + ",sha256 " + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename "
            + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 'a'}) + ",sha256 "
            + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("../../etc/passwd")
            + ",sha256 " + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("a\\b") + ",sha256 "
            + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("..") + ",sha256 " + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("bad\u0000name")
            + ",sha256 " + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("photo\u202Egnp.exe")
            + ",sha256 " + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("x".repeat(256))
            + ",sha256 " + sha},
        {"Upload-Length", "10", "Upload-Metadata", "filename " + b64("a") + ",sha256 " + sha
            + ",filetype " + b64("text/html; charset=utf-8")},
        {"Upload-Length", "10", "Upload-Defer-Length", "1", "Upload-Metadata", "filename "
            + b64("a") + ",sha256 " + sha},
    };
    for (String[] headers : creations) {
      HttpResponse<byte[]> r = tus(ada, "POST", "/api/v1/uploads", null, headers);
      assertThat(r.statusCode()).as(String.join(" ", Arrays.asList(headers))).isEqualTo(400);
      assertThat(code(r)).isIn("bad_upload", "bad_name");
    }
    // Without the tus version, or another one.
    HttpResponse<byte[]> noVersion = tus(ada, "POST", "/api/v1/uploads", null,
        "Tus-Resumable", null, "Upload-Length", "1");
    assertThat(noVersion.statusCode()).isEqualTo(412);
    assertThat(noVersion.headers().firstValue("Tus-Version")).hasValue("1.0.0");
    assertThat(tus(ada, "POST", "/api/v1/uploads", null, "Tus-Resumable", "0.2.2",
        "Upload-Length", "1").statusCode()).isEqualTo(412);
    assertThat(uploads()).isEqualTo(uploadsBefore);

    byte[] bytes = content(1000, 6);
    String path = create(ada, bytes, "g.bin");
    String[][] patches = {
        {"Content-Type", "application/octet-stream", "Upload-Offset", "0"},
        {"Content-Type", "application/offset+octet-stream", "Upload-Offset", "-0"},
        {"Content-Type", "application/offset+octet-stream", "Upload-Offset", null},
        {"Content-Type", "application/offset+octet-stream", "Upload-Offset", "0",
            "Upload-Checksum", "md5 AAAA"},
        {"Content-Type", "application/offset+octet-stream", "Upload-Offset", "0",
            "Upload-Checksum", "sha256 !!!"},
        {"Content-Type", "application/offset+octet-stream", "Upload-Offset", "0",
            "Upload-Checksum", "sha256 AAAA"},
    };
    for (String[] headers : patches) {
      HttpResponse<byte[]> r = tus(ada, "PATCH", path, bytes, headers);
      assertThat(r.statusCode()).as(String.join(" ", Arrays.asList(headers)))
          .isIn(400, 415);
    }
    assertThat(offset(ada, path)).isZero();
    // Past the length: nothing of the chunk is kept.
    byte[] tooMuch = content(1001, 7);
    HttpResponse<byte[]> over = patch(ada, path, 0, tooMuch);
    assertThat(over.statusCode()).isEqualTo(413);
    assertThat(code(over)).isEqualTo("beyond_length");
    assertThat(offset(ada, path)).isZero();
    // Ids of garbage are simply not found.
    for (String id : new String[] {"x", "../../etc/passwd", "%2e%2e", "A".repeat(22),
        "A".repeat(500)}) {
      assertThat(tus(ada, "HEAD", "/api/v1/uploads/" + id, null).statusCode()).as(id)
          .isEqualTo(404);
      assertThat(ada.browser().get("/api/v1/files/" + id + "/content").statusCode()).as(id)
          .isEqualTo(404);
    }
    // The upload is still whole and completes.
    assertThat(patch(ada, path, 0, bytes).statusCode()).isEqualTo(204);
  }

  @Test
  void cancellingDeletesTheUploadAndAbandonedOnesArePurged() throws Exception {
    Person ada = person();
    byte[] bytes = content(5000, 8);
    String path = create(ada, bytes, "c.bin");
    assertThat(patch(ada, path, 0, Arrays.copyOf(bytes, 100)).statusCode()).isEqualTo(204);
    HttpResponse<byte[]> gone = tus(ada, "DELETE", path, null);
    assertThat(gone.statusCode()).isEqualTo(204);
    assertThat(tus(ada, "HEAD", path, null).statusCode()).isEqualTo(404);
    assertThat(patch(ada, path, 100, Arrays.copyOfRange(bytes, 100, 200)).statusCode())
        .isEqualTo(404);

    String idle = create(ada, bytes, "idle.bin");
    clock.advance(Duration.ofHours(1).plusSeconds(1));
    String fresh = create(ada, bytes, "fresh.bin");
    assertThat(server.files().purgeAbandoned()).isGreaterThanOrEqualTo(1);
    assertThat(tus(ada, "HEAD", idle, null).statusCode()).isEqualTo(404);
    assertThat(offset(ada, fresh)).isZero();
  }

  private static long uploads() {
    return server.database().jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM uploads")
        .mapTo(Long.class).one());
  }
}
