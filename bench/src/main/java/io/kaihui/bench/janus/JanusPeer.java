package io.kaihui.bench.janus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kaihui.media.testing.SyntheticParticipant;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A synthetic participant in a Janus VideoRoom, as Janus's own {@code videoroomtest.js} demo
 * joins one: a publisher handle that joins the room (and so hears of every publisher), and, when
 * it publishes, sends its offer with {@code configure} and connects to Janus's answer; one
 * multistream subscriber handle that subscribes to every other publisher's feed as it appears
 * ({@code join} as subscriber, then {@code subscribe} for later ones), answering each offer with
 * {@code start}. The same {@link SyntheticParticipant} as against Kaihui does the media: the same
 * recorded VP8 and Opus, the same checks on what arrives.
 *
 * <p>Subscriptions run on one virtual thread per peer, one at a time, as a browser's
 * renegotiations do; feeds announced meanwhile are taken together.
 */
public final class JanusPeer implements AutoCloseable {

  private static final String VIDEOROOM = "janus.plugin.videoroom";

  private final String name;
  private final long room;
  private final SyntheticParticipant media;
  private final JanusSession session;
  private final LinkedBlockingQueue<Long> newFeeds = new LinkedBlockingQueue<>();
  private final Set<Long> subscribed = new LinkedHashSet<>();
  private final AtomicReference<Exception> failure = new AtomicReference<>();
  private volatile long feedId;
  private volatile long privateId;
  private volatile long subscriberHandle;
  private volatile boolean closed;
  private Thread subscriber;

  private JanusPeer(String name, long room, SyntheticParticipant media, HttpClient http,
      String url) throws Exception {
    this.name = name;
    this.room = room;
    this.media = media;
    this.session = JanusSession.create(http, url, this::onEvent);
  }

  /**
   * Joins a room, publishes when asked to, and starts subscribing to every other publisher.
   *
   * @param http the client for the REST API
   * @param url the API's base URL
   * @param room the VideoRoom
   * @param name the display name
   * @param publisher whether to publish the participant's audio and video
   * @param media the synthetic browser, bound to an address Janus's ICE uses
   * @return the peer, joined; media flows once ICE and DTLS complete
   * @throws IllegalStateException if Janus refuses
   */
  public static JanusPeer join(HttpClient http, String url, long room, String name,
      boolean publisher, SyntheticParticipant media) throws Exception {
    JanusPeer p = new JanusPeer(name, room, media, http, url);
    try {
      p.start(publisher);
    } catch (Exception | Error e) {
      p.close();
      throw e;
    }
    return p;
  }

  private void start(boolean publisher) throws Exception {
    long handle = session.attach(VIDEOROOM);
    JsonNode joined = session.call(handle, JanusSession.body("join").put("ptype", "publisher")
        .put("room", room).put("display", name), null);
    JsonNode data = joined.path("plugindata").path("data");
    feedId = data.path("id").asLong();
    privateId = data.path("private_id").asLong();
    offerFeeds(data.path("publishers"));
    subscriber = Thread.ofVirtual().name("janus-subscribe-" + name).start(this::subscribeLoop);
    if (publisher) {
      ObjectNode configure = JanusSession.body("configure").put("audio", true)
          .put("video", true);
      JsonNode configured = session.call(handle, configure,
          JanusSession.jsep("offer", media.createPublishOffer()));
      session.trickleCompleted(handle);
      JsonNode jsep = configured.path("jsep");
      if (!jsep.path("type").asText().equals("answer")) {
        throw new IllegalStateException(name + ": no answer to the publish offer: " + configured);
      }
      media.setPublishAnswer(jsep.path("sdp").asText());
    }
    if (publisher) {
      media.startMedia();
    } else {
      media.startReports();
    }
  }

  /** This peer's feed (publisher) id in the room. */
  public long feedId() {
    return feedId;
  }

  /** The feeds subscribed so far. */
  public synchronized List<Long> subscribedFeeds() {
    return List.copyOf(subscribed);
  }

  /** The first error of the subscriber thread, or null. */
  public Exception failure() {
    return failure.get();
  }

  /** Unsolicited events: the publisher handle hears of new publishers. */
  private void onEvent(JsonNode event) {
    JsonNode data = event.path("plugindata").path("data");
    if (data.has("publishers")) {
      offerFeeds(data.path("publishers"));
    }
  }

  private void offerFeeds(JsonNode publishers) {
    for (JsonNode p : publishers) {
      long id = p.path("id").asLong();
      if (id != 0 && id != feedId && p.path("streams").size() > 0) {
        newFeeds.add(id);
      }
    }
  }

  private void subscribeLoop() {
    try {
      while (!closed) {
        Long first = newFeeds.poll(1, TimeUnit.SECONDS);
        if (first == null) {
          continue;
        }
        List<Long> feeds = new ArrayList<>();
        feeds.add(first);
        newFeeds.drainTo(feeds);
        synchronized (this) {
          feeds.removeIf(f -> !subscribed.add(f));
        }
        if (!feeds.isEmpty()) {
          subscribe(feeds);
        }
      }
    } catch (InterruptedException e) {
      // Closing.
    } catch (Exception e) {
      if (!closed) {
        failure.compareAndSet(null, e);
        System.err.println(name + ": subscribing on Janus failed: " + e.getMessage());
      }
    }
  }

  private void subscribe(List<Long> feeds) throws Exception {
    ArrayNode streams = JanusSession.array();
    for (long f : feeds) {
      streams.addObject().put("feed", f);
    }
    JsonNode offer;
    if (subscriberHandle == 0) {
      subscriberHandle = session.attach(VIDEOROOM);
      ObjectNode join = JanusSession.body("join").put("ptype", "subscriber").put("room", room)
          .put("private_id", privateId);
      join.set("streams", streams);
      offer = session.call(subscriberHandle, join, null);
    } else {
      ObjectNode subscribe = JanusSession.body("subscribe");
      subscribe.set("streams", streams);
      offer = session.call(subscriberHandle, subscribe, null);
    }
    JsonNode jsep = offer.path("jsep");
    if (!jsep.path("type").asText().equals("offer")) {
      return; // Nothing to renegotiate (Janus had nothing new to send).
    }
    String answer = media.answerSubscribeOffer(jsep.path("sdp").asText());
    session.call(subscriberHandle, JanusSession.body("start"),
        JanusSession.jsep("answer", answer));
    session.trickleCompleted(subscriberHandle);
  }

  /** Leaves: stops subscribing, destroys the session (Janus hangs up both handles). */
  @Override
  public void close() {
    closed = true;
    if (subscriber != null) {
      subscriber.interrupt();
    }
    try {
      session.close();
    } catch (Exception e) {
      // Janus may be gone already; the session times out there.
    }
  }

  @Override
  public String toString() {
    return "JanusPeer[" + name + ", feed " + feedId + "]";
  }
}
