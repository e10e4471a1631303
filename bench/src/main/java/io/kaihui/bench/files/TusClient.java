package io.kaihui.bench.files;

import io.kaihui.e2e.MeetingUi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Flow;

/**
 * The file API of one signed-in account, spoken as the web client speaks it (docs/protocol.md,
 * "Files"): tus 1.0.0 uploads under {@code /api/v1/uploads} in sequential PATCH requests, the
 * content of a file with {@code GET /api/v1/files/<id>/content}, and instant transfer with
 * {@code POST /api/v1/files}. HTTP/1.1 on plain HTTP; bodies are streamed from the file and
 * answers are counted, never held whole in memory.
 */
final class TusClient {

  /** The tus version the server speaks. */
  static final String TUS_VERSION = "1.0.0";

  private static final String CSRF = "X-Kaihui-Request";

  private final HttpClient http;
  private final String baseUrl;
  private final String cookie;

  private TusClient(HttpClient http, String baseUrl, String cookie) {
    this.http = http;
    this.baseUrl = baseUrl;
    this.cookie = cookie;
  }

  /**
   * Registers an account with {@link MeetingUi#PASSWORD} and keeps its session cookie by hand
   * (it is {@code Secure}: Java's cookie store would not send it to http://127.0.0.1).
   *
   * @param baseUrl the server's base URL, ending in a slash
   * @throws IllegalStateException if the server refuses
   */
  static TusClient register(String baseUrl, String username) throws Exception {
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(20)).build();
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "api/v1/accounts"))
        .header("Content-Type", "application/json").header(CSRF, "1")
        .POST(BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\""
            + MeetingUi.PASSWORD + "\",\"displayName\":\"File bench\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw new IllegalStateException("registering " + username + ": " + r.statusCode() + " "
          + r.body());
    }
    String cookie = r.headers().firstValue("Set-Cookie")
        .orElseThrow(() -> new IllegalStateException("no session cookie")).split(";")[0];
    return new TusClient(http, baseUrl, cookie);
  }

  /**
   * Uploads a file in sequential PATCH requests of {@code chunkBytes} each (the web client's
   * tus-js-client sends 8 MiB ones, without {@code Upload-Checksum}).
   *
   * @param sha256 the content's SHA-256, 64 lower-case hex digits
   * @param chunkBytes bytes per PATCH; {@code Long.MAX_VALUE} for one PATCH of the whole file
   * @return the id of the file (the upload's)
   * @throws IllegalStateException if the server refuses a step
   */
  String upload(Path source, long size, String sha256, String name, long chunkBytes)
      throws Exception {
    String id = create(size, sha256, name);
    long offset = 0;
    while (offset < size) {
      long length = Math.min(chunkBytes, size - offset);
      offset = patch(id, source, offset, length);
    }
    return id;
  }

  /**
   * Creates an upload (tus creation).
   *
   * @return its id, the last part of its {@code Location}
   */
  String create(long size, String sha256, String name) throws Exception {
    Base64.Encoder b64 = Base64.getEncoder();
    HttpResponse<String> r = http.send(request("api/v1/uploads")
        .header("Upload-Length", Long.toString(size))
        .header("Upload-Metadata", "filename " + b64.encodeToString(
            name.getBytes(StandardCharsets.UTF_8)) + ",sha256 " + b64.encodeToString(
            sha256.getBytes(StandardCharsets.US_ASCII)) + ",filetype " + b64.encodeToString(
            "application/octet-stream".getBytes(StandardCharsets.US_ASCII)))
        .POST(BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    expect(r, 201, "POST /api/v1/uploads");
    String location = r.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("no Location in the creation answer"));
    return location.substring(location.lastIndexOf('/') + 1);
  }

  /**
   * Sends {@code length} bytes of {@code source} from {@code offset} (tus PATCH).
   *
   * @return the upload's new offset
   */
  long patch(String id, Path source, long offset, long length) throws Exception {
    BodyPublisher body = offset == 0 && length == Files.size(source)
        ? BodyPublishers.ofFile(source)
        : BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(
            () -> range(source, offset, length)), length);
    HttpResponse<String> r = http.send(request("api/v1/uploads/" + id)
        .header("Content-Type", "application/offset+octet-stream")
        .header("Upload-Offset", Long.toString(offset))
        .method("PATCH", body).build(), HttpResponse.BodyHandlers.ofString());
    expect(r, 204, "PATCH at " + offset);
    long after = Long.parseLong(r.headers().firstValue("Upload-Offset").orElseThrow());
    if (after != offset + length) {
      throw new IllegalStateException("the upload stands at " + after + ", not at "
          + (offset + length));
    }
    return after;
  }

  /**
   * Downloads a file's whole content and throws the bytes away, counting them as the client
   * hands them over (no copy: {@code BodyHandlers.ofInputStream} would copy every buffer once
   * more and halve the rate this client can take in).
   *
   * @return the number of bytes received
   * @throws IllegalStateException unless the answer is 200
   */
  long downloadDiscarding(String fileId) throws Exception {
    HttpResponse<Long> r = http.send(request("api/v1/files/" + fileId + "/content").GET()
        .build(), info -> HttpResponse.BodySubscribers.fromSubscriber(new Counter(),
            Counter::bytes));
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET content of " + fileId + ": " + r.statusCode());
    }
    return r.body();
  }

  /**
   * Instant transfer: a new file of content the server holds, from its hash and size alone.
   *
   * @return the new file's {@code FileView} as JSON
   * @throws IllegalStateException unless the answer is 201
   */
  String instant(String sha256, long size, String name) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(
            URI.create(baseUrl + "api/v1/files"))
        .header("Cookie", cookie).header(CSRF, "1").header("Content-Type", "application/json")
        .POST(BodyPublishers.ofString("{\"sha256\":\"" + sha256 + "\",\"sizeBytes\":" + size
            + ",\"name\":\"" + name + "\",\"mediaType\":\"application/octet-stream\"}"))
        .build(), HttpResponse.BodyHandlers.ofString());
    expect(r, 201, "POST /api/v1/files");
    return r.body();
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create(baseUrl + path))
        .timeout(Duration.ofMinutes(30))
        .header("Cookie", cookie).header(CSRF, "1").header("Tus-Resumable", TUS_VERSION);
  }

  private static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": " + r.statusCode() + " " + r.body());
    }
  }

  /** {@code length} bytes of a file from {@code offset}, read as the request is sent. */
  private static InputStream range(Path source, long offset, long length) {
    try {
      FileChannel channel = FileChannel.open(source, StandardOpenOption.READ);
      channel.position(offset);
      return new Bounded(Channels.newInputStream(channel), length);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counts the bytes of a response body and lets them go. */
  private static final class Counter implements Flow.Subscriber<List<ByteBuffer>> {
    private long bytes;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
      for (ByteBuffer b : buffers) {
        bytes += b.remaining();
      }
    }

    @Override
    public void onError(Throwable error) {
      // send() throws it
    }

    @Override
    public void onComplete() {
      // the count is final
    }

    long bytes() {
      return bytes;
    }
  }

  /** An input stream that ends after a number of bytes, closing the one below. */
  private static final class Bounded extends InputStream {
    private final InputStream in;
    private long left;

    Bounded(InputStream in, long length) {
      this.in = in;
      this.left = length;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = in.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = in.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
