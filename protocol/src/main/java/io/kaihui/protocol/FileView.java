package io.kaihui.protocol;

/**
 * REST, and the body of a chat message of kind {@code file}: a file someone sent.
 *
 * @param id the file's id and link, 22 base64url characters (128 random bits); its content is
 *     {@code GET /api/v1/files/<id>/content}
 * @param name the original name, up to 255 code points (Chinese names stay as they are)
 * @param sizeBytes its size in bytes
 * @param mediaType the sender's browser's media type, {@code application/octet-stream} if none
 * @param sha256 SHA-256 of the content, 64 lower-case hex digits
 * @param createdMs when it was stored, in ms since 1970-01-01T00:00:00Z
 */
public record FileView(String id, String name, long sizeBytes, String mediaType, String sha256,
    long createdMs) {}
