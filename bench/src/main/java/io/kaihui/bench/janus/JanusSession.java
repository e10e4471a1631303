package io.kaihui.bench.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One session of Janus's REST API (its "janus" protocol over HTTP POST, events by HTTP long
 * poll): create the session, attach plugin handles, send them requests. Every request carries a
 * fresh {@code transaction}; an answer of {@code "janus":"error"}, or plugin data with an
 * {@code error}, is an exception.
 *
 * <p>Synchronous plugin requests ({@code create}, {@code list}...) are answered in the POST's
 * response ({@link #request}). Asynchronous ones ({@code join}, {@code configure}, {@code start},
 * {@code subscribe}) are acknowledged at once and answered by an event with the same
 * transaction: {@link #call} returns that event. A virtual thread long-polls the session from
 * creation to {@link #close()} (which also keeps the session alive) and hands events that answer
 * no call (new publishers, {@code webrtcup}, {@code hangup}...) to the listener.
 *
 * <p>Thread-safe.
 */
public final class JanusSession implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong TRANSACTIONS = new AtomicLong();
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final String url;
  private final long id;
  private final Consumer<JsonNode> listener;
  private final Map<String, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
  private final Thread events;
  private volatile boolean closed;
  private volatile Exception pollError;

  private JanusSession(HttpClient http, String url, long id, Consumer<JsonNode> listener) {
    this.http = http;
    this.url = url;
    this.id = id;
    this.listener = listener;
    this.events = Thread.ofVirtual().name("janus-events-" + id).start(this::pollEvents);
  }

  /**
   * Creates a session whose unsolicited events are ignored.
   *
   * @param http the client
   * @param url the API's base URL, e.g. {@code http://10.77.0.1:8088/janus}
   * @throws IllegalStateException if Janus refuses or answers something else
   */
  public static JanusSession create(HttpClient http, String url) throws Exception {
    return create(http, url, event -> { });
  }

  /**
   * Creates a session.
   *
   * @param http the client
   * @param url the API's base URL
   * @param listener hears every event that answers no {@link #call}, on the poll thread (it
   *     must not block on this session's calls)
   * @throws IllegalStateException if Janus refuses or answers something else
   */
  public static JanusSession create(HttpClient http, String url, Consumer<JsonNode> listener)
      throws Exception {
    JsonNode r = post(http, url, envelope("create"));
    return new JanusSession(http, url, r.path("data").path("id").asLong(), listener);
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
    ObjectNode r = envelope("attach");
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
    ObjectNode r = envelope("message");
    r.set("body", body);
    return pluginData(post(http, url + "/" + id + "/" + handle, r));
  }

  /**
   * Sends a plugin an asynchronous request, with an SDP when given, and waits for the event
   * that answers it.
   *
   * @param handle the handle
   * @param body the plugin request
   * @param jsep {@code {"type": "offer"|"answer", "sdp": ...}}, or null
   * @return the whole event: {@code plugindata.data} and, when the plugin sends one,
   *     {@code jsep}
   * @throws IllegalStateException if Janus or the plugin reports an error, or no answer comes
   *     within 30 s
   */
  public JsonNode call(long handle, ObjectNode body, ObjectNode jsep) throws Exception {
    ObjectNode r = envelope("message");
    r.set("body", body);
    if (jsep != null) {
      r.set("jsep", jsep);
    }
    String transaction = r.path("transaction").asText();
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    calls.put(transaction, answer);
    try {
      JsonNode ack = post(http, url + "/" + id + "/" + handle, r);
      // Janus answers some requests at once, in the POST's response, instead of an event.
      JsonNode event = ack.path("janus").asText().equals("success") ? ack
          : answer.get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      pluginData(event);
      return event;
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer from Janus to " + body + " within "
          + CALL_TIMEOUT + (pollError == null ? "" : "; polling failed: " + pollError));
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      calls.remove(transaction);
    }
  }

  /**
   * Tells Janus that a handle has no more ICE candidates to trickle (they are all in the SDP).
   */
  public void trickleCompleted(long handle) throws Exception {
    ObjectNode r = envelope("trickle");
    r.set("candidate", JSON.createObjectNode().put("completed", true));
    post(http, url + "/" + id + "/" + handle, r);
  }

  /** A JSEP object, {@code {"type": type, "sdp": sdp}}. */
  public static ObjectNode jsep(String type, String sdp) {
    return JSON.createObjectNode().put("type", type).put("sdp", sdp);
  }

  /** A new plugin request body. */
  public static ObjectNode body(String request) {
    return JSON.createObjectNode().put("request", request);
  }

  /** A new JSON array, for request bodies. */
  public static com.fasterxml.jackson.databind.node.ArrayNode array() {
    return JSON.createArrayNode();
  }

  /** Destroys the session (and its handles) and stops polling. */
  @Override
  public void close() throws Exception {
    closed = true;
    try {
      post(http, url + "/" + id, envelope("destroy"));
    } finally {
      events.interrupt();
    }
  }

  /** The long poll: up to 50 events per request, each dispatched; ends at close. */
  private void pollEvents() {
    while (!closed) {
      JsonNode answer;
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/" + id
                + "?maxev=50")).timeout(Duration.ofSeconds(40)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
        answer = JSON.readTree(r.body());
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        if (!closed) {
          pollError = e;
          try {
            Thread.sleep(200);
          } catch (InterruptedException stop) {
            return;
          }
        }
        continue;
      }
      if (answer.isArray()) {
        answer.forEach(this::dispatch);
      } else {
        dispatch(answer);
      }
    }
  }

  private void dispatch(JsonNode event) {
    String kind = event.path("janus").asText();
    if (kind.equals("keepalive") || kind.equals("ack")) {
      return;
    }
    CompletableFuture<JsonNode> call = calls.get(event.path("transaction").asText());
    if (call != null) {
      call.complete(event);
      return;
    }
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      System.err.println("janus session " + id + ": listener failed on " + event + ": " + e);
    }
  }

  private static JsonNode pluginData(JsonNode answer) {
    if (answer.path("janus").asText().equals("error")) {
      throw new IllegalStateException("Janus error " + answer.path("error"));
    }
    JsonNode data = answer.path("plugindata").path("data");
    if (data.has("error")) {
      throw new IllegalStateException("Janus plugin error " + data.path("error_code") + ": "
          + data.path("error").asText());
    }
    return data;
  }

  private static ObjectNode envelope(String janus) {
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
