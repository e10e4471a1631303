package io.kaihui.bench.load;

import io.kaihui.e2e.MeetingUi;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The few REST calls the load tools make to a Kaihui server: register an account (and keep its
 * session cookie) and POST JSON with it. The session cookie is {@code Secure}: browsers send it
 * to http://127.0.0.1, Java's cookie store would not, so it is kept by hand.
 */
final class KaihuiRest {

  private KaihuiRest() {}

  /**
   * Registers an account with {@link MeetingUi#PASSWORD}.
   *
   * @param baseUrl the server's base URL, ending in a slash
   * @return the session cookie, {@code name=value}, for the {@code Cookie} header
   * @throws IllegalStateException if the server refuses
   */
  static String register(HttpClient http, String baseUrl, String username, String displayName)
      throws Exception {
    return post(http, baseUrl + "api/v1/accounts", null, "{\"username\":\"" + username
        + "\",\"password\":\"" + MeetingUi.PASSWORD + "\",\"displayName\":\"" + displayName
        + "\"}").headers().firstValue("Set-Cookie")
        .orElseThrow(() -> new IllegalStateException("no session cookie")).split(";")[0];
  }

  /**
   * POSTs JSON as the web client does (with its CSRF header).
   *
   * @param cookie the session cookie, or null
   * @throws IllegalStateException if the answer is not 2xx
   */
  static HttpResponse<String> post(HttpClient http, String url, String cookie, String json)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json").header("X-Kaihui-Request", "1")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (cookie != null) {
      b.header("Cookie", cookie);
    }
    HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() / 100 != 2) {
      throw new IllegalStateException("POST " + url + ": " + r.statusCode() + " " + r.body());
    }
    return r;
  }
}
