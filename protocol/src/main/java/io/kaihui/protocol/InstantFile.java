package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/files}, instant transfer (秒传): a file made from content the server
 * already holds, sent as its hash alone. Answered 201 with the {@link FileView}, or 404
 * {@code content_unknown} when the content must be uploaded (tus, {@code /api/v1/uploads}).
 *
 * @param sha256 SHA-256 of the content, 64 hex digits
 * @param sizeBytes its size in bytes, which must match too
 * @param name the file name, up to 255 code points, no path or control characters
 * @param mediaType the media type, or null or empty for {@code application/octet-stream}
 */
public record InstantFile(String sha256, long sizeBytes, String name, String mediaType) {}
