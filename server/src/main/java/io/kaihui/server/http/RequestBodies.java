package io.kaihui.server.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;

/**
 * Reads request bodies under a size limit, and JSON bodies into the protocol's records, strictly:
 * a body over the limit is refused before it is read ({@code Content-Length}) or as soon as it
 * passes the limit (chunked), and a body that is not one JSON object of the record's shape is
 * refused; both as {@link ApiException} before anything is stored. Error messages never echo
 * the body, which may hold a password.
 *
 * <p>Strict means: exactly one JSON value, an object, without duplicate fields; a string field
 * takes only a JSON string (no number or boolean turned into text), a boolean field only
 * {@code true} or {@code false} and must be present (not {@code null}, {@code 1} or
 * {@code "true"}). A missing string field reads as null, which the route refuses when the field
 * is required. Unknown fields are ignored, so that an older server accepts a newer client's
 * extra fields. Thread-safe.
 */
public final class RequestBodies {

  /** Largest JSON body accepted, in bytes (64 KiB). */
  public static final int MAX_JSON_BYTES = 64 * 1024;

  /** The code of a body over its limit (HTTP 413). */
  public static final String PAYLOAD_TOO_LARGE = "payload_too_large";

  private final ObjectMapper json = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .withCoercionConfig(LogicalType.Textual, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
      .withCoercionConfig(LogicalType.Boolean, c -> c
          .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
      .build();

  /**
   * Reads a JSON body of at most {@link #MAX_JSON_BYTES} into a record.
   *
   * @param ctx the request
   * @param type the record type
   * @param <T> the record type
   * @return the record, never null
   * @throws ApiException 413 {@code payload_too_large}, or 400 {@code bad_request} when the
   *     body is not a JSON object of the record's shape
   */
  public <T> T json(Context ctx, Class<T> type) {
    return parse(read(ctx, MAX_JSON_BYTES, PAYLOAD_TOO_LARGE), type);
  }

  /**
   * Reads a body of at most {@code maxBytes}.
   *
   * @param ctx the request
   * @param maxBytes the limit
   * @param tooLargeCode the code of the 413 answer
   * @return the body
   * @throws ApiException 413 with {@code tooLargeCode}, or 400 {@code bad_request} when the body
   *     cannot be read (the client went away)
   */
  public byte[] read(Context ctx, int maxBytes, String tooLargeCode) {
    try {
      return readBounded(ctx.req().getInputStream(), ctx.req().getContentLengthLong(), maxBytes,
          tooLargeCode);
    } catch (IOException e) {
      throw new ApiException(400, "bad_request", "the request body could not be read");
    }
  }

  /**
   * Reads a stream to its end, refusing more than {@code maxBytes}.
   *
   * @param in the body
   * @param declaredLength the {@code Content-Length}, or -1 when not given (chunked)
   * @param maxBytes the limit
   * @param tooLargeCode the code of the 413 answer
   * @return the bytes
   * @throws ApiException 413 when the declared length or the bytes read exceed the limit
   * @throws IOException when the stream fails
   */
  static byte[] readBounded(InputStream in, long declaredLength, int maxBytes,
      String tooLargeCode) throws IOException {
    ApiException tooLarge = new ApiException(413, tooLargeCode,
        "the request body is larger than " + maxBytes + " bytes");
    if (declaredLength > maxBytes) {
      drain(in, declaredLength);
      throw tooLarge;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(
        (int) Math.max(0, Math.min(declaredLength, maxBytes)));
    byte[] buffer = new byte[8192];
    int total = 0;
    for (int n; (n = in.read(buffer, 0, Math.min(buffer.length, maxBytes + 1 - total))) > 0; ) {
      total += n;
      if (total > maxBytes) {
        drain(in, DRAIN_LIMIT);
        throw tooLarge;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  /** Most bytes of a refused body read and thrown away so that the refusal reaches the client. */
  static final long DRAIN_LIMIT = 32L * 1024 * 1024;

  /**
   * Reads and throws away what is left of a refused body, up to {@link #DRAIN_LIMIT}: a server
   * that answers before the client has sent its body, and closes the connection, often loses its
   * answer (the client, still sending, sees the connection reset instead of the 413). Past the
   * limit, the connection is closed as before.
   */
  static void drain(InputStream in, long expected) throws IOException {
    if (expected > DRAIN_LIMIT) {
      return;
    }
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    for (int n; total < DRAIN_LIMIT && (n = in.read(buffer)) > 0; ) {
      total += n;
    }
  }

  /**
   * Reads JSON into a record.
   *
   * @param body the bytes (UTF-8, or another Unicode encoding JSON allows)
   * @param type the record type
   * @param <T> the record type
   * @return the record, never null
   * @throws ApiException 400 {@code bad_request} naming what is wrong but not repeating the body
   */
  public <T> T parse(byte[] body, Class<T> type) {
    T value;
    try {
      value = json.readValue(body, type);
    } catch (MismatchedInputException e) {
      String field = field(e);
      throw new ApiException(400, "bad_request", field.isEmpty()
          ? "the body must be a JSON object"
          : "the field '" + field + "' is missing, null or of the wrong type");
    } catch (JacksonException e) {
      throw new ApiException(400, "bad_request", "the body is not well-formed JSON"
          + (e.getLocation() == null ? "" : " (at byte " + e.getLocation().getByteOffset() + ")"));
    } catch (IOException | RuntimeException e) {
      throw new ApiException(400, "bad_request", "the body is not well-formed JSON");
    }
    if (value == null) {
      throw new ApiException(400, "bad_request", "the body must be a JSON object");
    }
    return value;
  }

  private static String field(JsonMappingException e) {
    return e.getPath().stream()
        .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
        .map(s -> s.length() > 64 ? s.substring(0, 64) : s)
        .map(s -> s.replaceAll("[^\\p{Alnum}_\\[\\]]", "?"))
        .collect(Collectors.joining("."));
  }
}
