package io.kaihui.server.file;

/**
 * A file request cannot be done. The {@link #code()} is the stable reason sent to the client,
 * which translates it, and {@link #status()} the HTTP status the tus 1.0 protocol gives it.
 */
public final class FileException extends Exception {

  /** No such upload or file that the asker may see (a stranger's is answered the same). */
  public static final String NOT_FOUND = "file_not_found";
  /** The file is larger than {@code files.max-bytes}. */
  public static final String FILE_TOO_LARGE = "file_too_large";
  /** The file would take the sender past {@code files.quota-bytes}. */
  public static final String QUOTA_EXCEEDED = "quota_exceeded";
  /** {@code Upload-Offset} is not where the upload stands (tus: 409). */
  public static final String OFFSET_MISMATCH = "offset_mismatch";
  /** More bytes than {@code Upload-Length} announced. */
  public static final String BEYOND_LENGTH = "beyond_length";
  /** A chunk's {@code Upload-Checksum} does not match its bytes (tus: 460); nothing was kept. */
  public static final String CHECKSUM_MISMATCH = "checksum_mismatch";
  /** The whole content does not hash to the SHA-256 announced; the upload was deleted. */
  public static final String HASH_MISMATCH = "hash_mismatch";
  /** Instant transfer: the server has no content of this SHA-256 and size; upload it. */
  public static final String CONTENT_UNKNOWN = "content_unknown";
  /** Another request is writing this upload at the moment (tus: 423); try again. */
  public static final String UPLOAD_BUSY = "upload_busy";
  /** A file name that is empty, too long, a path, or has control characters. */
  public static final String BAD_NAME = "bad_name";
  /** Malformed headers or fields: length, offset, metadata, checksum, media type, hash. */
  public static final String BAD_UPLOAD = "bad_upload";
  /** A checksum algorithm other than the announced {@code sha256} (tus: 400). */
  public static final String BAD_CHECKSUM_ALGORITHM = "bad_checksum_algorithm";

  private final int status;
  private final String code;

  /**
   * Creates the exception.
   *
   * @param status the HTTP status, 400..499
   * @param code one of the codes above
   * @param message an English description without secrets
   */
  public FileException(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The stable reason code. */
  public String code() {
    return code;
  }
}
