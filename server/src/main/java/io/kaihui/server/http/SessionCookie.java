package io.kaihui.server.http;

import java.time.Duration;
import java.util.Locale;

/**
 * The session cookie {@code kaihui_session} (RFC 6265): the only place a session token travels.
 * It is {@code HttpOnly} (no script reads it), {@code SameSite=Lax} (not sent with cross-site
 * subresource requests or form posts), {@code Path=/}, and {@code Secure} whenever the browser
 * accepts that ({@link #secureFor}). With "remember me" it lasts {@code Max-Age} seconds;
 * otherwise it is a browser-session cookie that ends when the browser closes.
 */
public final class SessionCookie {

  /** The cookie's name. */
  public static final String NAME = "kaihui_session";

  private SessionCookie() {}

  /**
   * The {@code Set-Cookie} value that hands a token to the browser.
   *
   * @param token the session token (base64url characters only)
   * @param maxAge how long the browser keeps it; null for a browser-session cookie
   * @param secure whether to add {@code Secure}
   * @return the header value
   * @throws IllegalArgumentException if the token holds characters a cookie value cannot
   */
  public static String issue(String token, Duration maxAge, boolean secure) {
    if (token == null || token.isEmpty() || !token.chars().allMatch(c -> (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
      throw new IllegalArgumentException("a session token is base64url text");
    }
    return NAME + "=" + token + (maxAge == null ? "" : "; Max-Age=" + maxAge.toSeconds())
        + attributes(secure);
  }

  /**
   * The {@code Set-Cookie} value that removes the cookie (an empty value, {@code Max-Age=0}).
   *
   * @param secure whether to add {@code Secure}, as when it was issued
   * @return the header value
   */
  public static String clear(boolean secure) {
    return NAME + "=; Max-Age=0" + attributes(secure);
  }

  /**
   * Whether the cookie may carry {@code Secure}: when the page came over HTTPS, and on plain
   * HTTP to a loopback host ({@code localhost}, {@code *.localhost}, {@code 127.0.0.0/8},
   * {@code [::1]}), which Chromium and Firefox treat as a secure context for cookies too. Plain
   * HTTP to any other host (only when an operator binds {@code http.host} elsewhere) gets no
   * {@code Secure}, since the browser would drop such a cookie and nobody could sign in.
   *
   * @param scheme {@code http} or {@code https}, as the browser used
   * @param host the {@code Host} header, with or without a port; may be null
   * @return true to add {@code Secure}
   */
  public static boolean secureFor(String scheme, String host) {
    return "https".equalsIgnoreCase(scheme) || isLoopbackHost(host);
  }

  /** Whether a Host header names this machine's loopback interface. */
  static boolean isLoopbackHost(String host) {
    if (host == null) {
      return false;
    }
    String h = host.trim().toLowerCase(Locale.ROOT);
    if (h.startsWith("[")) {
      int end = h.indexOf(']');
      return end > 0 && h.substring(1, end).equals("::1");
    }
    int colon = h.indexOf(':');
    if (colon >= 0) {
      h = h.substring(0, colon);
    }
    if (h.endsWith(".")) {
      h = h.substring(0, h.length() - 1);
    }
    return h.equals("localhost") || h.endsWith(".localhost")
        || h.matches("127(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  }

  private static String attributes(boolean secure) {
    return "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "");
  }
}
