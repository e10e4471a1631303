package io.kaihui.server.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The reverse proxies in front of the server whose forwarding headers are believed (setting
 * {@code http.trusted-proxies}). By default there are none, and a request's client address is
 * its TCP peer's and its scheme the listener's: an {@code X-Forwarded-For} header from anyone
 * else is ignored, since a client could otherwise pick the address the sign-in throttle counts
 * it under.
 *
 * <p>When the TCP peer is a trusted proxy, {@code X-Forwarded-For} is walked from the right
 * (the hop the proxy itself appended) while the hop is trusted; the first untrusted address is
 * the client's. {@code X-Forwarded-Proto} from a trusted peer gives the scheme the browser used,
 * which decides the cookie's {@code Secure} and the expected {@code Origin}. The proxy must pass
 * the browser's {@code Host} header on unchanged.
 *
 * @param addresses the proxies' IP addresses
 */
public record TrustedProxies(Set<InetAddress> addresses) {

  /** No trusted proxies: the TCP peer is the client. */
  public static final TrustedProxies NONE = new TrustedProxies(Set.of());

  /** Copies the set. */
  public TrustedProxies {
    addresses = Set.copyOf(addresses);
  }

  /**
   * The client's address of a request.
   *
   * @param ctx the request
   * @return an IP address as text
   */
  public String clientAddress(Context ctx) {
    List<String> forwarded = addresses.isEmpty() ? List.of()
        : Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    return clientAddress(ctx.req().getRemoteAddr(), forwarded);
  }

  /**
   * The scheme the browser used for a request.
   *
   * @param ctx the request
   * @return {@code http} or {@code https}
   */
  public String scheme(Context ctx) {
    return scheme(ctx.req().getRemoteAddr(), ctx.req().isSecure() ? "https" : "http",
        ctx.header("X-Forwarded-Proto"));
  }

  /**
   * The client's address.
   *
   * @param peer the TCP peer's IP address as text (Jetty's {@code getRemoteAddr()})
   * @param forwardedFor every {@code X-Forwarded-For} header value, in order; may be empty
   * @return an IP address as text: the peer's, or one from the header when the peer is trusted
   */
  public String clientAddress(String peer, List<String> forwardedFor) {
    if (addresses.isEmpty() || !isTrusted(peer) || forwardedFor.isEmpty()) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String value : forwardedFor) {
      for (String part : value.split(",", -1)) {
        hops.add(part.trim());
      }
    }
    String client = peer;
    for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
      InetAddress hop = literal(hops.get(i));
      if (hop == null) {
        break; // a garbled entry: stay with the last hop a trusted proxy vouched for
      }
      client = hop.getHostAddress();
    }
    return client;
  }

  /**
   * The scheme the browser used.
   *
   * @param peer the TCP peer's IP address as text
   * @param listenerScheme {@code http} or {@code https}, as the request reached this server
   * @param forwardedProto the {@code X-Forwarded-Proto} header, or null
   * @return {@code http} or {@code https}
   */
  public String scheme(String peer, String listenerScheme, String forwardedProto) {
    if (forwardedProto != null && !addresses.isEmpty() && isTrusted(peer)) {
      String first = forwardedProto.split(",", -1)[0].trim().toLowerCase(Locale.ROOT);
      if (first.equals("https") || first.equals("http")) {
        return first;
      }
    }
    return listenerScheme;
  }

  private boolean isTrusted(String address) {
    InetAddress a = literal(address);
    return a != null && addresses.contains(a);
  }

  /**
   * Reads an IP address literal without any DNS lookup: IPv4 dotted, IPv6 (optionally in
   * brackets), either with a {@code :port} after it as some proxies write.
   *
   * @return the address, or null when the text is not one
   */
  static InetAddress literal(String text) {
    if (text == null) {
      return null;
    }
    String t = text.trim();
    if (t.startsWith("[")) {
      int end = t.indexOf(']');
      if (end < 0) {
        return null;
      }
      t = t.substring(1, end);
    } else if (t.matches("[0-9.]+:\\d{1,5}")) {
      t = t.substring(0, t.indexOf(':')); // 192.0.2.1:4711
    }
    if (t.isEmpty() || t.length() > 45 || !t.matches("[0-9A-Fa-f:.]+")
        || (!t.contains(":") && !t.matches("\\d{1,3}(\\.\\d{1,3}){3}"))) {
      return null;
    }
    try {
      return InetAddress.getByName(t); // a literal: no lookup
    } catch (UnknownHostException e) {
      return null;
    }
  }
}
