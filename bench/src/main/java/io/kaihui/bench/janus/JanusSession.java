package io.kaihui.bench.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One session of Janus's REST API (its "janus" protocol over HTTP POST): create the session,
 * attach plugin handles, send them messages and read the synchronous answers. Every request
 * carries a fresh {@code transaction}; an answer of {@code "janus":"error"} is an exception.
 */
public final class JanusSession implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong TRANSACTIONS = new AtomicLong();

  private final HttpClient http;
  private final String url;
  private final long id;

  private JanusSession(HttpClient http, String url, long id) {
    this.http = http;
    this.url = url;
    this.id = id;
  }

  /**
   * Creates a session.
   *
   * @param http the client
   * @param url the API's base URL, e.g. {@code http://10.77.0.1:8088/janus}
   * @throws IllegalStateException if Janus refuses or answers something else
   */
  public static JanusSession create(HttpClient http, String url) throws Exception {
    JsonNode r = post(http, url, request("create"));
    return new JanusSession(http, url, r.path("data").path("id").asLong());
  }

  /** The session id. */
  public long id() {
    return id;
  }

  /**
   * Attaches a handle to a plugin.
   *
   * @param plugin e.g. {@code janus.plugin.videoroom}
   * @return the handle id
   */
  public long attach(String plugin) throws Exception {
    ObjectNode r = request("attach");
    r.put("plugin", plugin);
    return post(http, url + "/" + id, r).path("data").path("id").asLong();
  }

  /**
   * Sends a plugin a synchronous request (a VideoRoom {@code create}, {@code list},
   * {@code exists}...) and returns the plugin's data.
   *
   * @param handle the handle
   * @param body the plugin request
   * @throws IllegalStateException if Janus or the plugin reports an error
   */
  public JsonNode request(long handle, ObjectNode body) throws Exception {
    ObjectNode r = request("message");
    r.set("body", body);
    JsonNode answer = post(http, url + "/" + id + "/" + handle, r);
    JsonNode data = answer.path("plugindata").path("data");
    if (data.has("error")) {
      throw new IllegalStateException("Janus plugin error " + data.path("error_code") + ": "
          + data.path("error").asText());
    }
    return data;
  }

  /**
   * Sends a plugin an asynchronous request (a VideoRoom {@code join}, {@code configure},
   * {@code start}...), with an SDP when given; Janus acknowledges it at once and answers later
   * with an event ({@link #poll}).
   *
   * @param handle the handle
   * @param body the plugin request
   * @param jsep {@code {"type": "offer"|"answer", "sdp": ...}}, or null
   * @return the request's transaction, which its event carries
   */
  public String send(long handle, ObjectNode body, ObjectNode jsep) throws Exception {
    ObjectNode r = request("message");
    r.set("body", body);
    if (jsep != null) {
      r.set("jsep", jsep);
    }
    post(http, url + "/" + id + "/" + handle, r);
    return r.path("transaction").asText();
  }

  /**
   * Tells Janus that a handle has no more ICE candidates to trickle (they are all in the SDP).
   */
  public void trickleCompleted(long handle) throws Exception {
    ObjectNode r = request("trickle");
    r.set("candidate", JSON.createObjectNode().put("completed", true));
    post(http, url + "/" + id + "/" + handle, r);
  }

  /**
   * Long-polls the session's events: waits up to 30 s for at least one (also the session's
   * keep-alive).
   *
   * @return the events, possibly none
   */
  public List<JsonNode> poll() throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/" + id
            + "?maxev=50")).timeout(Duration.ofSeconds(40)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(r.body());
    List<JsonNode> events = new ArrayList<>();
    if (answer.isArray()) {
      answer.forEach(events::add);
    } else if (!answer.path("janus").asText().equals("keepalive")) {
      events.add(answer);
    }
    return events;
  }

  /** A JSEP object, {@code {"type": type, "sdp": sdp}}. */
  public static ObjectNode jsep(String type, String sdp) {
    return JSON.createObjectNode().put("type", type).put("sdp", sdp);
  }

  /** A new plugin request body. */
  public static ObjectNode body(String request) {
    return JSON.createObjectNode().put("request", request);
  }

  /** Destroys the session (and its handles). */
  @Override
  public void close() throws Exception {
    post(http, url + "/" + id, request("destroy"));
  }

  private static ObjectNode request(String janus) {
    return JSON.createObjectNode().put("janus", janus)
        .put("transaction", "k" + TRANSACTIONS.incrementAndGet());
  }

  private static JsonNode post(HttpClient http, String url, ObjectNode body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode answer = JSON.readTree(r.body());
    if (r.statusCode() != 200 || !answer.path("janus").asText().matches("success|ack")) {
      throw new IllegalStateException("Janus answered " + r.statusCode() + ": " + r.body());
    }
    return answer;
  }
}
