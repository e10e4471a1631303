package io.kaihui.bench.load;

import io.kaihui.e2e.ServerProcess;
import io.kaihui.media.testing.SyntheticParticipant;
import io.kaihui.protocol.JoinRequest;
import io.kaihui.protocol.JoinResponse;
import io.kaihui.protocol.OkResponse;
import io.kaihui.protocol.PingRequest;
import io.kaihui.protocol.PublishRequest;
import io.kaihui.protocol.PublishResponse;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.protocol.SubscribeAnswer;
import io.kaihui.protocol.SubscribeOffer;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kaihui as a load run's server: the server jar started on 127.0.0.1, a host account that makes
 * meetings open to guests, and participants who join as the web client does: as guests through
 * the signaling WebSocket, publishing with {@code publish}, answering every subscribe offer,
 * and sending the 5 s heartbeat.
 */
final class KaihuiTarget implements LoadTarget {

  private static final Pattern NUMBER = Pattern.compile("\"meetingNumber\":\"(\\d{9})\"");

  private final ServerProcess server;
  private final HttpClient http = HttpClient.newHttpClient();
  private final String cookie;
  private final ExecutorService offers = Executors.newVirtualThreadPerTaskExecutor();
  private final ScheduledExecutorService pings = Executors.newScheduledThreadPool(2);

  private KaihuiTarget(ServerProcess server, String cookie) {
    this.server = server;
    this.cookie = cookie;
  }

  /**
   * Starts the server for a run of up to {@code maxParticipants} people per meeting.
   *
   * @throws IllegalStateException if it does not start or refuses the host's account
   */
  static KaihuiTarget start(int maxParticipants) throws Exception {
    ServerProcess server = ServerProcess.start(null,
        List.of("--meeting-max-participants=" + Math.max(2, maxParticipants)));
    try {
      String cookie = KaihuiRest.register(HttpClient.newHttpClient(), server.url(),
          "load_host_" + ProcessHandle.current().pid(), "Load host");
      return new KaihuiTarget(server, cookie);
    } catch (Exception | Error e) {
      server.close();
      throw e;
    }
  }

  @Override
  public String name() {
    return "kaihui";
  }

  @Override
  public long pid() {
    return server.pid();
  }

  @Override
  public InetAddress participantAddress() {
    return InetAddress.getLoopbackAddress();
  }

  @Override
  public String newMeeting(int index, int size) throws Exception {
    Matcher number = NUMBER.matcher(KaihuiRest.post(http, server.url() + "api/v1/meetings",
        cookie, "{\"title\":\"Load " + (index + 1) + "\",\"allowGuests\":true}").body());
    if (!number.find()) {
      throw new IllegalStateException("no meeting number in the answer");
    }
    return number.group(1);
  }

  @Override
  public AutoCloseable join(String meeting, String name, boolean publisher,
      SyntheticParticipant media) {
    SignalingSession[] self = new SignalingSession[1];
    AtomicBoolean left = new AtomicBoolean();
    SignalingSession signaling = SignalingSession.open(http, server.url(), event -> {
      if (self[0] != null && !left.get()) {
        onEvent(self[0], media, event, left);
      }
    });
    self[0] = signaling;
    signaling.request(id -> new JoinRequest(id, meeting, name, !publisher, !publisher),
        JoinResponse.class);
    if (publisher) {
      String answer = signaling.request(id -> new PublishRequest(id, media.createPublishOffer()),
          PublishResponse.class).sdp();
      media.setPublishAnswer(answer);
    }
    if (publisher) {
      media.startMedia();
    } else {
      media.startReports();
    }
    ScheduledFuture<?> ping = pings.scheduleAtFixedRate(() -> {
      try {
        signaling.request(id -> new PingRequest(id, false), OkResponse.class);
      } catch (RuntimeException e) {
        // The run's checks report a participant that lost its connection.
      }
    }, 5, 5, TimeUnit.SECONDS);
    return () -> {
      left.set(true);
      ping.cancel(false);
      signaling.close();
    };
  }

  private void onEvent(SignalingSession signaling, SyntheticParticipant media,
      ServerMessage event, AtomicBoolean left) {
    if (event instanceof SubscribeOffer offer) {
      offers.execute(() -> {
        try {
          String answer = media.answerSubscribeOffer(offer.sdp());
          signaling.request(id -> new SubscribeAnswer(id, offer.version(), answer),
              OkResponse.class);
        } catch (RuntimeException e) {
          if (!left.get()) { // Offers that come as everyone leaves at the end fail quietly.
            System.err.println(media.name() + ": cannot answer subscribe offer "
                + offer.version() + ": " + e.getMessage());
          }
        }
      });
    }
  }

  @Override
  public void close() throws Exception {
    pings.shutdownNow();
    offers.shutdownNow();
    server.close();
  }
}
