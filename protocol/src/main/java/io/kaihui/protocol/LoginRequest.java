package io.kaihui.protocol;

/**
 * REST: {@code POST /api/v1/session} signs in; answered 200 with {@link AccountView} and the
 * session cookie, 401 {@code invalid_credentials} (the same whether or not the username exists),
 * or 429 {@code too_many_attempts} with a {@code Retry-After} header in seconds.
 *
 * @param username the username, any case
 * @param password the password
 * @param rememberMe keep the session for 30 days on this browser (else 12 hours)
 */
public record LoginRequest(String username, String password, boolean rememberMe) {}
