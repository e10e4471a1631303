package io.kaihui.protocol;

/**
 * A request failed, or a frame could not be read at all (then {@code id} is 0).
 *
 * @param id the request id, or 0 when the frame had none
 * @param code a stable machine-readable reason, such as {@code meeting_not_found},
 *     {@code bad_request}, {@code not_joined}, {@code meeting_full}, {@code bad_sdp}
 * @param message an English description for logs; the client translates {@code code}
 */
public record ErrorResponse(long id, String code, String message) implements ServerMessage {}
