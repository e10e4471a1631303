package io.kaihui.server.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Cross-site request forgery protection for the cookie-authenticated API.
 *
 * <p>Every state-changing request (any method but GET, HEAD and OPTIONS) under {@code /api}
 * must carry the header {@code X-Kaihui-Request: 1}. A page of another site cannot send a
 * custom header: a form cannot, and {@code fetch} could only after a CORS preflight, which this
 * server never grants. In addition, a request that carries an {@code Origin} header (every
 * browser sends one with a cross-origin request and with every non-GET fetch) must come from
 * this server's own origin, the request's scheme, host and port (RFC 6454 §4). The session
 * cookie's {@code SameSite=Lax} is a third, independent layer.
 *
 * <p>The signaling WebSocket cannot carry custom headers, so its upgrade is checked by origin
 * alone ({@link #sameOrigin}); browsers always send {@code Origin} on a WebSocket handshake
 * (RFC 6455 §4.1).
 */
public final class CsrfGuard {

  /** The header a state-changing request must carry. */
  public static final String HEADER = "X-Kaihui-Request";

  /** The header's value. */
  public static final String VALUE = "1";

  /** The error code of a refused request (HTTP 403). */
  public static final String REJECTED = "csrf_rejected";

  private CsrfGuard() {}

  /**
   * Whether a method changes state and so needs the checks.
   *
   * @param method the HTTP method, any case
   * @return false for GET, HEAD and OPTIONS; true for everything else
   */
  public static boolean isStateChanging(String method) {
    String m = method == null ? "" : method.toUpperCase(Locale.ROOT);
    return !(m.equals("GET") || m.equals("HEAD") || m.equals("OPTIONS"));
  }

  /**
   * Checks one API request.
   *
   * @param method the HTTP method
   * @param requestHeader the {@code X-Kaihui-Request} header, or null
   * @param origin the {@code Origin} header, or null
   * @param scheme the scheme the browser used ({@code http} or {@code https})
   * @param host the {@code Host} header
   * @throws ApiException 403 {@code csrf_rejected} when a state-changing request lacks the
   *     header or comes from another origin
   */
  public static void check(String method, String requestHeader, String origin, String scheme,
      String host) {
    if (!isStateChanging(method)) {
      return;
    }
    if (requestHeader == null || !requestHeader.trim().equals(VALUE)) {
      throw new ApiException(403, REJECTED,
          "state-changing requests must carry the header " + HEADER + ": " + VALUE);
    }
    if (origin != null && !sameOrigin(origin, scheme, host)) {
      throw new ApiException(403, REJECTED, "the request comes from another origin");
    }
  }

  /**
   * Whether an {@code Origin} header names the origin a request was sent to.
   *
   * @param origin the {@code Origin} header ({@code https://example.org:8443}); {@code null}
   *     the string (an opaque origin) never matches
   * @param scheme the scheme the browser used
   * @param host the {@code Host} header, with or without a port
   * @return true if scheme, host (ignoring case) and port (defaults filled in) are equal
   */
  public static boolean sameOrigin(String origin, String scheme, String host) {
    if (origin == null || host == null || scheme == null) {
      return false;
    }
    try {
      URI o = new URI(origin.trim());
      URI h = new URI(scheme.toLowerCase(Locale.ROOT) + "://" + host.trim());
      if (o.getScheme() == null || o.getHost() == null || h.getHost() == null
          || (o.getRawPath() != null && !o.getRawPath().isEmpty())
          || o.getRawQuery() != null || o.getRawUserInfo() != null
          || h.getRawPath() != null && !h.getRawPath().isEmpty()
          || h.getRawUserInfo() != null) {
        return false;
      }
      return o.getScheme().equalsIgnoreCase(h.getScheme())
          && o.getHost().equalsIgnoreCase(h.getHost())
          && port(o) == port(h);
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return uri.getScheme().equalsIgnoreCase("https") ? 443
        : uri.getScheme().equalsIgnoreCase("http") ? 80 : -1;
  }
}
