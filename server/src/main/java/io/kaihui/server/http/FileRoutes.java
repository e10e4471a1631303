package io.kaihui.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kaihui.protocol.FileView;
import io.kaihui.protocol.InstantFile;
import io.kaihui.server.file.FileException;
import io.kaihui.server.file.FileService;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file API, for the signed-in person only ({@code not_signed_in} 401 otherwise).
 *
 * <p>Uploads speak tus 1.0.0 (https://tus.io/protocols/resumable-upload) with the extensions
 * creation, termination and checksum ({@code sha256}), under {@code /api/v1/uploads}:
 * <ul>
 *   <li>{@code OPTIONS} tells the version, extensions, {@code Tus-Max-Size} and checksum
 *       algorithm;</li>
 *   <li>{@code POST} with {@code Upload-Length} and {@code Upload-Metadata} (base64 values of
 *       {@code filename}, {@code sha256} as hex, and optionally {@code filetype}) creates an
 *       upload: 201 and its {@code Location};</li>
 *   <li>{@code HEAD .../<id>} tells its {@code Upload-Offset} (a finished upload's is its
 *       length);</li>
 *   <li>{@code PATCH .../<id>} with {@code Content-Type: application/offset+octet-stream}, the
 *       {@code Upload-Offset} it stands at and optionally {@code Upload-Checksum: sha256
 *       <base64>} appends bytes: 204 and the new offset. With its last byte the upload becomes
 *       the file of the same id, once its SHA-256 matches;</li>
 *   <li>{@code DELETE .../<id>} cancels it.</li>
 * </ul>
 * Every request but {@code OPTIONS} carries {@code Tus-Resumable: 1.0.0} (412 otherwise), as
 * does every answer. Refusals carry the JSON error body with a {@link FileException} code.
 *
 * <p>Files: {@code POST /api/v1/files} ({@link InstantFile}) is instant transfer; {@code GET
 * /api/v1/files/<id>} is a file's {@link FileView} and {@code GET .../<id>/content} its bytes,
 * with HTTP ranges (RFC 9110 §14) and the original name; {@code ?inline=1} shows a raster
 * image in the page. A file is found only by its sender, the people of a conversation it was
 * sent into, and those of a meeting's chat it was for; to anyone else it does not exist (404).
 * Instant transfer gives a file of its own to whoever names content's SHA-256 and size, unless
 * {@code files.instant-from-others} is false (see docs/decisions.md).
 */
public final class FileRoutes {

  private static final Logger log = LoggerFactory.getLogger(FileRoutes.class);

  /** The tus version spoken. */
  public static final String TUS_VERSION = "1.0.0";
  /** The media type of a PATCH body (tus core). */
  public static final String OFFSET_OCTET_STREAM = "application/offset+octet-stream";
  /** Images a browser may show inline; never SVG, which can carry script. */
  private static final Set<String> INLINE_IMAGES =
      Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif", "image/bmp");
  private static final int BUFFER_BYTES = 64 * 1024;

  private final FileService files;
  private final AccountRoutes accounts;
  private final RequestBodies bodies;

  /**
   * Creates the routes.
   *
   * @param files the file service
   * @param accounts who is signed in
   * @param bodies reads JSON bodies within limits
   */
  public FileRoutes(FileService files, AccountRoutes accounts, RequestBodies bodies) {
    this.files = files;
    this.accounts = accounts;
    this.bodies = bodies;
  }

  /** Installs the routes. */
  public void install(RoutesConfig routes) {
    for (String path : new String[] {"/api/v1/uploads", "/api/v1/uploads/*"}) {
      routes.before(path, FileRoutes::tusVersion);
    }
    routes.options("/api/v1/uploads", ctx -> {
      ctx.header("Tus-Version", TUS_VERSION);
      ctx.header("Tus-Extension", "creation,termination,checksum");
      ctx.header("Tus-Max-Size", Long.toString(files.limits().maxFileBytes()));
      ctx.header("Tus-Checksum-Algorithm", "sha256");
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.post("/api/v1/uploads", this::create);
    routes.head("/api/v1/uploads/{id}", this::head);
    routes.patch("/api/v1/uploads/{id}", this::patch);
    routes.delete("/api/v1/uploads/{id}", ctx -> {
      long me = accounts.requireSignedIn(ctx).user().id();
      refusals(() -> {
        files.terminate(me, ctx.pathParam("id"));
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.post("/api/v1/files", ctx -> {
      long me = accounts.requireSignedIn(ctx).user().id();
      InstantFile r = bodies.json(ctx, InstantFile.class);
      ctx.status(HttpStatus.CREATED).json(refusals(() ->
          files.instant(me, r.sha256(), r.sizeBytes(), r.name(), r.mediaType())));
    });
    routes.get("/api/v1/files/{id}", ctx -> ctx.json(readable(ctx)));
    routes.get("/api/v1/files/{id}/content", this::content);
  }

  private static void tusVersion(Context ctx) {
    ctx.header("Tus-Resumable", TUS_VERSION);
    if (!ctx.method().name().equals("OPTIONS")
        && !TUS_VERSION.equals(ctx.header("Tus-Resumable"))) {
      ctx.header("Tus-Version", TUS_VERSION);
      throw new ApiException(412, "tus_version", "this server speaks tus " + TUS_VERSION
          + "; send Tus-Resumable: " + TUS_VERSION);
    }
  }

  private void create(Context ctx) throws IOException {
    long me = accounts.requireSignedIn(ctx).user().id();
    if (ctx.header("Upload-Defer-Length") != null) {
      throw new ApiException(400, FileException.BAD_UPLOAD,
          "Upload-Defer-Length is not supported: send Upload-Length");
    }
    long length = number(ctx.header("Upload-Length"), "Upload-Length");
    Map<String, String> metadata = metadata(ctx.header("Upload-Metadata"));
    FileService.Upload upload = refusals(() -> files.create(me, length, metadata.get("sha256"),
        metadata.get("filename"), metadata.get("filetype")));
    ctx.header("Location", "/api/v1/uploads/" + upload.id());
    ctx.status(HttpStatus.CREATED);
  }

  private void head(Context ctx) {
    long me = accounts.requireSignedIn(ctx).user().id();
    String id = ctx.pathParam("id");
    ctx.header("Cache-Control", "no-store");
    var upload = files.upload(me, id);
    if (upload.isPresent()) {
      ctx.header("Upload-Offset", Long.toString(upload.get().offsetBytes()));
      ctx.header("Upload-Length", Long.toString(upload.get().lengthBytes()));
      ctx.status(HttpStatus.OK);
      return;
    }
    // A finished upload (its last answer may have been lost): all of it is here.
    var file = files.file(id).filter(f -> files.owner(f.id()) == me);
    if (file.isEmpty() && files.completing(me, id)) {
      throw new ApiException(423, FileException.UPLOAD_BUSY, "the upload is completing; ask"
          + " again");
    }
    if (file.isEmpty()) {
      throw new ApiException(404, FileException.NOT_FOUND, "no such upload");
    }
    ctx.header("Upload-Offset", Long.toString(file.get().sizeBytes()));
    ctx.header("Upload-Length", Long.toString(file.get().sizeBytes()));
    ctx.status(HttpStatus.OK);
  }

  private void patch(Context ctx) throws IOException {
    long me = accounts.requireSignedIn(ctx).user().id();
    var in = ctx.req().getInputStream();
    long declared = ctx.req().getContentLengthLong();
    try {
      String type = ctx.header("Content-Type");
      if (type == null || !type.strip().toLowerCase(Locale.ROOT).equals(OFFSET_OCTET_STREAM)) {
        throw new ApiException(415, FileException.BAD_UPLOAD,
            "a PATCH body is Content-Type: " + OFFSET_OCTET_STREAM);
      }
      long offset = number(ctx.header("Upload-Offset"), "Upload-Offset");
      byte[] checksum = checksum(ctx.header("Upload-Checksum"));
      FileService.Upload after;
      try {
        after = refusals(() -> files.append(me, ctx.pathParam("id"), offset, declared, in,
            checksum));
      } catch (FileService.BrokenOff e) {
        // The client went away mid-chunk (pause, closed tab): what arrived is kept. (Any other
        // IOException is the server's own disk: a 500, logged.)
        log.debug("upload {} broke off: {}", ctx.pathParam("id"), e.getMessage());
        throw new ApiException(400, "upload_interrupted", "the request body broke off");
      }
      ctx.header("Upload-Offset", Long.toString(after.offsetBytes()));
      ctx.status(HttpStatus.NO_CONTENT);
    } catch (ApiException e) {
      // Read (up to a limit) what the client still sends, so that it sees the refusal.
      try {
        RequestBodies.drain(in, declared);
      } catch (IOException gone) {
        // the client is gone; nobody reads the answer
      }
      throw e;
    }
  }

  private void content(Context ctx) throws IOException {
    FileView file = readable(ctx);
    String etag = "\"" + file.sha256() + "\"";
    boolean inline = "1".equals(ctx.queryParam("inline"))
        && INLINE_IMAGES.contains(file.mediaType());
    ctx.header("ETag", etag);
    ctx.header("Accept-Ranges", "bytes");
    ctx.header("Cache-Control", "private, max-age=31536000, immutable");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
    ctx.header("Content-Disposition", disposition(inline ? "inline" : "attachment",
        file.name()));
    ctx.contentType(inline ? file.mediaType() : FileService.OCTET_STREAM);
    String ifRange = ctx.header("If-Range");
    ByteRange.Request request = ifRange != null && !ifRange.strip().equals(etag)
        ? new ByteRange.Whole() : ByteRange.parse(ctx.header("Range"), file.sizeBytes());
    ByteRange range;
    switch (request) {
      case ByteRange.Unsatisfiable u -> {
        ctx.header("Content-Range", "bytes */" + file.sizeBytes());
        throw new ApiException(416, "range_not_satisfiable", "the file has "
            + file.sizeBytes() + " bytes");
      }
      case ByteRange.Part p -> {
        range = p.range();
        ctx.status(HttpStatus.PARTIAL_CONTENT);
        ctx.header("Content-Range", "bytes " + range.first() + "-" + range.last() + "/"
            + file.sizeBytes());
      }
      case ByteRange.Whole w -> {
        range = new ByteRange(0, file.sizeBytes() - 1);
        ctx.status(HttpStatus.OK);
      }
    }
    ctx.res().setContentLengthLong(Math.max(0, range.length()));
    if (ctx.method().name().equals("HEAD") || range.length() <= 0) {
      return;
    }
    try (FileChannel channel = FileChannel.open(files.content(file), StandardOpenOption.READ)) {
      OutputStream out = ctx.res().getOutputStream();
      ByteBuffer buffer = ByteBuffer.allocate(BUFFER_BYTES);
      long position = range.first();
      long left = range.length();
      while (left > 0) {
        buffer.clear().limit((int) Math.min(BUFFER_BYTES, left));
        int n = channel.read(buffer, position);
        if (n < 0) {
          throw new IOException("file " + file.id() + " is shorter than its size");
        }
        out.write(buffer.array(), 0, n);
        position += n;
        left -= n;
      }
      out.flush();
    }
  }

  /** The file of the path, if the asker may read it; 404 otherwise, whether or not it exists. */
  private FileView readable(Context ctx) {
    long me = accounts.requireSignedIn(ctx).user().id();
    String id = ctx.pathParam("id");
    return files.file(id).filter(f -> files.mayRead(me, f.id()))
        .orElseThrow(() -> new ApiException(404, FileException.NOT_FOUND, "no such file"));
  }

  /**
   * A {@code Content-Disposition} value keeping the original name (RFC 6266, with the UTF-8
   * {@code filename*} of RFC 8187 and an ASCII fallback for old clients).
   */
  static String disposition(String type, String name) {
    StringBuilder ascii = new StringBuilder();
    name.codePoints().forEach(c -> ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\'
        && c != '%' ? (char) c : '_'));
    String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    return type + "; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
  }

  /** A tus number header: decimal digits only. */
  static long number(String value, String header) {
    if (value == null || value.isEmpty() || value.length() > 18) {
      throw new ApiException(400, FileException.BAD_UPLOAD, header
          + " is a number of bytes");
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        throw new ApiException(400, FileException.BAD_UPLOAD, header
            + " is a number of bytes");
      }
    }
    return Long.parseLong(value);
  }

  /**
   * {@code Upload-Metadata}: comma-separated pairs of a key and a base64 value (tus creation);
   * the values must be UTF-8.
   */
  static Map<String, String> metadata(String header) {
    Map<String, String> pairs = new HashMap<>();
    if (header == null || header.isBlank()) {
      return pairs;
    }
    for (String pair : header.split(",", -1)) {
      String p = pair.strip();
      int space = p.indexOf(' ');
      String key = space < 0 ? p : p.substring(0, space);
      String value = space < 0 ? "" : p.substring(space + 1);
      if (key.isEmpty() || value.indexOf(' ') >= 0 || pairs.containsKey(key)) {
        throw new ApiException(400, FileException.BAD_UPLOAD,
            "Upload-Metadata is comma-separated pairs of a key and a base64 value");
      }
      try {
        byte[] bytes = Base64.getDecoder().decode(value);
        pairs.put(key, StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString());
      } catch (IllegalArgumentException | CharacterCodingException e) {
        throw new ApiException(400, FileException.BAD_UPLOAD,
            "an Upload-Metadata value is base64 of UTF-8 text: " + key);
      }
    }
    return pairs;
  }

  /** {@code Upload-Checksum: sha256 <base64 of 32 bytes>}, or null without the header. */
  static byte[] checksum(String header) {
    if (header == null) {
      return null;
    }
    String h = header.strip();
    int space = h.indexOf(' ');
    String algorithm = space < 0 ? h : h.substring(0, space);
    if (!algorithm.equals("sha256")) {
      throw new ApiException(400, FileException.BAD_CHECKSUM_ALGORITHM,
          "the checksum algorithm is sha256");
    }
    try {
      byte[] digest = Base64.getDecoder().decode(h.substring(space + 1).strip());
      if (digest.length == 32) {
        return digest;
      }
    } catch (IllegalArgumentException e) {
      // answered below
    }
    throw new ApiException(400, FileException.BAD_UPLOAD,
        "Upload-Checksum is sha256 and the base64 of 32 bytes");
  }

  private interface FileCall<T> {
    T call() throws FileException, IOException;
  }

  /** Runs a file call, answering its refusal with its status. */
  private static <T> T refusals(FileCall<T> call) throws IOException {
    try {
      return call.call();
    } catch (FileException e) {
      throw new ApiException(e.status(), e.code(), e.getMessage());
    }
  }
}
