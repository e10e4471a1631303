package io.kaihui.server.session;

/**
 * Where a sign-in came from, kept with its session so the account's owner can recognise their
 * devices. Both values are untrusted input: the constructor removes control characters and cuts
 * them to the column sizes, so anything can be passed in.
 *
 * @param address the client's IP address as text (IPv4 dotted or IPv6), at most
 *     {@value #MAX_ADDRESS} characters; null when unknown
 * @param userAgent the browser's User-Agent header, at most {@value #MAX_USER_AGENT} characters;
 *     null when absent
 */
public record ClientInfo(String address, String userAgent) {

  /** Longest stored address, in UTF-16 characters. */
  public static final int MAX_ADDRESS = 64;

  /** Longest stored User-Agent, in UTF-16 characters. */
  public static final int MAX_USER_AGENT = 256;

  /** A client about which nothing is known. */
  public static final ClientInfo UNKNOWN = new ClientInfo(null, null);

  /** Cleans both values. */
  public ClientInfo {
    address = clean(address, MAX_ADDRESS);
    userAgent = clean(userAgent, MAX_USER_AGENT);
  }

  private static String clean(String value, int max) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder(Math.min(value.length(), max));
    for (int i = 0; i < value.length() && out.length() < max; ) {
      int cp = value.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.CONTROL || type == Character.SURROGATE
          || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
        continue;
      }
      if (out.length() + Character.charCount(cp) > max) {
        break;
      }
      out.appendCodePoint(cp);
    }
    String s = out.toString().strip();
    return s.isEmpty() ? null : s;
  }
}
