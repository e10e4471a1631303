package io.kaihui.bench.load;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.kaihui.protocol.ClientMessage;
import io.kaihui.protocol.ErrorResponse;
import io.kaihui.protocol.ServerMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongFunction;

/**
 * One signaling WebSocket ({@code /ws}) as the web client uses it: requests numbered 1, 2, 3...
 * and matched to their answers by id, events handed to a listener on the socket's thread. The
 * messages are the protocol module's records.
 */
final class SignalingSession implements AutoCloseable {

  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<ServerMessage>> pending = new ConcurrentHashMap<>();

  private SignalingSession(WebSocket socket) {
    this.socket = socket;
  }

  /**
   * Opens the socket.
   *
   * @param http the client (its cookies, if any, sign the socket in)
   * @param baseUrl the server's base URL, {@code http://host:port/}
   * @param events hears every event (a message without an id)
   * @throws IllegalStateException if it cannot connect in 10 s
   */
  static SignalingSession open(HttpClient http, String baseUrl, Consumer<ServerMessage> events) {
    Receiver receiver = new Receiver(events);
    try {
      WebSocket ws = http.newWebSocketBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .buildAsync(URI.create(baseUrl.replaceFirst("^http", "ws") + "ws"), receiver)
          .get(10, TimeUnit.SECONDS);
      SignalingSession s = new SignalingSession(ws);
      receiver.session = s;
      return s;
    } catch (Exception e) {
      throw new IllegalStateException("cannot open the signaling socket: " + e, e);
    }
  }

  /**
   * Sends a request and waits for its answer.
   *
   * @param make the request, given its id
   * @param type the answer's expected type
   * @return the answer
   * @throws IllegalStateException if the answer is an error, of another type, or not there in
   *     15 s
   */
  <T extends ServerMessage> T request(LongFunction<ClientMessage> make, Class<T> type) {
    long id = ids.incrementAndGet();
    CompletableFuture<ServerMessage> answer = new CompletableFuture<>();
    pending.put(id, answer);
    try {
      synchronized (socket) {
        socket.sendText(JSON.writeValueAsString(make.apply(id)), true).get(10, TimeUnit.SECONDS);
      }
      ServerMessage m = answer.get(15, TimeUnit.SECONDS);
      if (m instanceof ErrorResponse e) {
        throw new IllegalStateException("request " + id + " refused: " + e.code() + " "
            + e.message());
      }
      if (!type.isInstance(m)) {
        throw new IllegalStateException("expected " + type.getSimpleName() + ", got " + m);
      }
      return type.cast(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalStateException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("request " + id + " failed: " + e, e);
    } finally {
      pending.remove(id);
    }
  }

  @Override
  public void close() {
    socket.abort();
  }

  private void receive(String text, Consumer<ServerMessage> events) {
    ServerMessage m;
    try {
      m = JSON.readValue(text, ServerMessage.class);
    } catch (IOException e) {
      return; // a message this client does not know
    }
    long id = switch (m) {
      case io.kaihui.protocol.JoinResponse r -> r.id();
      case io.kaihui.protocol.PublishResponse r -> r.id();
      case io.kaihui.protocol.OkResponse r -> r.id();
      case ErrorResponse r -> r.id();
      default -> 0;
    };
    CompletableFuture<ServerMessage> f = id == 0 ? null : pending.get(id);
    if (f != null) {
      f.complete(m);
    } else {
      events.accept(m);
    }
  }

  /** Joins text fragments into messages. */
  private static final class Receiver implements WebSocket.Listener {
    private final Consumer<ServerMessage> events;
    private final StringBuilder text = new StringBuilder();
    private volatile SignalingSession session;

    Receiver(Consumer<ServerMessage> events) {
      this.events = events;
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String message = text.toString();
        text.setLength(0);
        SignalingSession s = session;
        if (s != null) {
          s.receive(message, events);
        }
      }
      ws.request(1);
      return null;
    }
  }
}
