package io.kaihui.protocol;

/**
 * REST: the body of every 4xx/5xx answer of {@code /api/v1}.
 *
 * @param code a stable machine-readable reason, such as {@code meeting_not_found}
 * @param message an English description; the client translates {@code code}
 */
public record ApiError(String code, String message) {}
