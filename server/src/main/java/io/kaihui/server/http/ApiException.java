package io.kaihui.server.http;

import io.kaihui.protocol.ApiError;

/**
 * A REST request is refused: {@link HttpApi} answers it with {@link #status()} and an
 * {@link ApiError} body of {@link #code()} and the message. Thrown by the route handlers and the
 * request checks under {@code /api}; never escapes the HTTP layer.
 */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String code;
  private final long retryAfterSeconds;

  /**
   * Creates the refusal.
   *
   * @param status the HTTP status, 400..599
   * @param code the stable reason code sent to the client, for example {@code not_signed_in}
   * @param message an English description; must not contain secrets (it is sent and may be
   *     logged)
   */
  public ApiException(int status, String code, String message) {
    this(status, code, message, 0);
  }

  /**
   * Creates the refusal with a waiting time.
   *
   * @param status the HTTP status, 400..599
   * @param code the stable reason code
   * @param message an English description without secrets
   * @param retryAfterSeconds seconds for a {@code Retry-After} header (RFC 9110 §10.2.3); 0 for
   *     none
   */
  public ApiException(int status, String code, String message, long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable reason code. */
  public String code() {
    return code;
  }

  /** Seconds for a {@code Retry-After} header, or 0 for none. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The body sent to the client. */
  public ApiError body() {
    return new ApiError(code, getMessage());
  }
}
