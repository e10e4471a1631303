package io.kaihui.server;

import io.javalin.Javalin;
import io.kaihui.media.MediaEngine;
import io.kaihui.media.MediaEngineConfig;
import io.kaihui.server.account.AccountService;
import io.kaihui.server.account.AvatarImage;
import io.kaihui.server.account.AvatarStore;
import io.kaihui.server.account.CommonPasswords;
import io.kaihui.server.account.LoginThrottle;
import io.kaihui.server.account.PasswordHasher;
import io.kaihui.server.account.ThrottlePolicy;
import io.kaihui.server.config.ServerConfig;
import io.kaihui.server.call.CallService;
import io.kaihui.server.chat.ChatService;
import io.kaihui.server.file.FileService;
import io.kaihui.server.http.AccountRoutes;
import io.kaihui.server.http.CallRoutes;
import io.kaihui.server.http.ChatRoutes;
import io.kaihui.server.http.FileRoutes;
import io.kaihui.server.http.FriendRoutes;
import io.kaihui.server.http.HttpApi;
import io.kaihui.server.http.InviteRoutes;
import io.kaihui.server.http.RequestBodies;
import io.kaihui.server.http.SelfSignedCertificate;
import io.kaihui.server.http.TlsListener;
import io.kaihui.server.http.TrustedProxies;
import io.kaihui.server.http.MeetingRoutes;
import io.kaihui.server.meeting.Attendee;
import io.kaihui.server.meeting.MeetingLog;
import io.kaihui.server.meeting.MeetingService;
import io.kaihui.server.metrics.Metrics;
import io.kaihui.server.session.SessionService;
import io.kaihui.server.session.SessionSettings;
import io.kaihui.server.signaling.SignalingEndpoint;
import io.kaihui.server.social.FriendService;
import io.kaihui.server.store.Database;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server in one process: database, accounts and sessions, media engine, meetings,
 * signaling and HTTP. Closing it stops them in the opposite order.
 */
public final class KaihuiServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(KaihuiServer.class);

  /** How often ended sessions are purged from the database. */
  static final Duration PURGE_INTERVAL = Duration.ofHours(1);

  /** How long an ended (expired or revoked) session stays in the database. */
  static final Duration KEEP_ENDED_SESSIONS = Duration.ofDays(30);

  private final Database database;
  private final List<MediaEngine> engines;
  private final CallService calls;
  private final MeetingService meetings;
  private final SignalingEndpoint signaling;
  private final ScheduledExecutorService housekeeping;
  private final Javalin http;
  private final String url;
  private final List<String> lanUrls;
  private final Metrics metrics;
  private final FileService files;

  private KaihuiServer(Database database, List<MediaEngine> engines, MeetingService meetings,
      SignalingEndpoint signaling, ScheduledExecutorService housekeeping, Javalin http,
      String url, List<String> lanUrls, Metrics metrics, CallService calls, FileService files) {
    this.calls = calls;
    this.files = files;
    this.database = database;
    this.engines = engines;
    this.meetings = meetings;
    this.signaling = signaling;
    this.housekeeping = housekeeping;
    this.http = http;
    this.url = url;
    this.lanUrls = List.copyOf(lanUrls);
    this.metrics = metrics;
  }

  /**
   * Starts everything, on the system clock.
   *
   * @param config the settings
   * @return the running server
   * @throws io.kaihui.server.store.StoreException if the database cannot be opened or migrated
   * @throws io.kaihui.media.MediaEngineException if the media port cannot be bound
   * @throws RuntimeException if the HTTP port cannot be bound or the data directory written
   */
  public static KaihuiServer start(ServerConfig config) {
    return start(config, Clock.systemUTC());
  }

  /**
   * Starts everything: opens the database (migrating its schema), then the media engine and
   * HTTP. What started is closed again when a later step fails.
   *
   * @param config the settings
   * @param clock the time of sessions and of the sign-in throttle; tests pass one they can move
   * @return the running server
   * @throws io.kaihui.server.store.StoreException if the database cannot be opened or migrated
   * @throws io.kaihui.media.MediaEngineException if the media port cannot be bound
   * @throws RuntimeException if the HTTP port cannot be bound or the data directory written
   */
  public static KaihuiServer start(ServerConfig config, Clock clock) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      Files.createDirectories(config.dataDir());
      Database database = Database.open(config.database());
      started.push(database);
      SessionService sessions = new SessionService(database.jdbi(), clock, new SessionSettings(
          config.singleSession(), SessionSettings.DEFAULTS.rememberMeLifetime(),
          SessionSettings.DEFAULTS.lifetime()));
      AccountService accounts = new AccountService(database, sessions, new PasswordHasher(),
          CommonPasswords.load(), new LoginThrottle(clock, ThrottlePolicy.DEFAULTS), clock);
      AvatarStore avatars = new AvatarStore(config.dataDir().resolve("avatars"), accounts,
          new AvatarImage(2));

      List<InetAddress> announced = announced(config);
      List<MediaEngine> engines = new ArrayList<>();
      for (int i = 0; i < config.mediaWorkers(); i++) {
        MediaEngine worker = MediaEngine.start(new MediaEngineConfig(null,
            config.mediaPort() == 0 ? 0 : config.mediaPort() + i, announced,
            Duration.ofSeconds(30)));
        started.push(worker);
        engines.add(worker);
      }
      MediaEngine engine = engines.getFirst();
      Metrics metrics = new Metrics(engines);
      started.push(metrics);
      MeetingLog meetingLog = new MeetingLog(database);
      MeetingService meetings = new MeetingService(engines, meetingLog, clock,
          config.maxParticipants());
      started.push(meetings);
      io.micrometer.core.instrument.Gauge.builder("kaihui.meetings", meetings,
          MeetingService::meetingCount).register(metrics.registry());
      FriendService friends = new FriendService(database, clock);
      java.util.function.LongFunction<java.util.Optional<Attendee>> attendees =
          id -> accounts.find(id).map(u -> new Attendee(u.id(), u.displayName(),
              AccountRoutes.view(u).avatarUrl()));
      ChatService chat = new ChatService(database, clock, friends, config.maxMessageChars());
      FileService files = new FileService(database, config.dataDir().resolve("files"), clock,
          new FileService.Limits(config.maxFileBytes(), config.fileQuotaBytes(),
              Duration.ofHours(config.partialUploadHours())),
          (user, file) -> chat.sharedWith(user, file) || meetingLog.sharedWith(user, file),
          config.instantFromOthers());
      SignalingEndpoint signaling = new SignalingEndpoint(meetings, metrics.registry(), sessions,
          attendees, friends::friendIds,
          (user, file) -> files.file(file).filter(f -> files.mayRead(user, f.id())));
      friends.addListener(signaling);
      chat.addListener(signaling::sendTo);
      CallService calls = new CallService(friends, chat, meetings, signaling::presenceOf,
          attendees, clock, Duration.ofSeconds(config.ringSeconds()));
      calls.addListener(signaling::sendTo);
      signaling.addGreeting(calls::ringingFor);
      started.push(calls);
      io.micrometer.core.instrument.Gauge.builder("kaihui.presence.online", signaling,
          SignalingEndpoint::onlineCount).register(metrics.registry());
      started.push(signaling);
      sessions.addListener(signaling);
      TrustedProxies proxies = new TrustedProxies(Set.copyOf(config.trustedProxies()));
      RequestBodies bodies = new RequestBodies();
      AccountRoutes accountRoutes =
          new AccountRoutes(accounts, sessions, avatars, bodies, proxies);
      MeetingRoutes meetingRoutes = new MeetingRoutes(meetings, meetingLog, accountRoutes, bodies);
      FriendRoutes friendRoutes = new FriendRoutes(friends, signaling::presenceOf, accountRoutes,
          bodies);
      ChatRoutes chatRoutes = new ChatRoutes(chat, files, accountRoutes, bodies);
      FileRoutes fileRoutes = new FileRoutes(files, accountRoutes, bodies);
      CallRoutes callRoutes = new CallRoutes(calls, accountRoutes, bodies);
      InviteRoutes inviteRoutes = new InviteRoutes(meetings, friends, accountRoutes, bodies,
          signaling::sendTo);
      Javalin http = HttpApi.start(config.httpHost(), config.httpPort(), tls(config, engine),
          meetings, signaling, metrics, accountRoutes,
          List.of(meetingRoutes::install, friendRoutes::install, chatRoutes::install,
              callRoutes::install, inviteRoutes::install, fileRoutes::install), proxies);
      started.push(http::stop);

      ScheduledExecutorService housekeeping = Executors.newSingleThreadScheduledExecutor(
          r -> Thread.ofPlatform().daemon().name("kaihui-housekeeping").unstarted(r));
      housekeeping.scheduleWithFixedDelay(() -> purge(sessions), 0,
          PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);
      housekeeping.scheduleWithFixedDelay(() -> purgeUploads(files), 0,
          PURGE_INTERVAL.toSeconds(), TimeUnit.SECONDS);

      String host = config.httpHost().equals("127.0.0.1") || config.httpHost().equals("0.0.0.0")
          ? "localhost" : config.httpHost();
      String url = "http://" + host + ":" + TlsListener.boundPlainPort(http) + "/";
      List<String> lanUrls = lanUrls(engine, http);
      log.info("media on UDP {} announcing {}; web on {} {}",
          engines.stream().map(MediaEngine::port).toList(), engine.announcedAddresses(), url,
          lanUrls);
      return new KaihuiServer(database, List.copyOf(engines), meetings, signaling, housekeeping,
          http, url, lanUrls, metrics, calls, files);
    } catch (IOException e) {
      closeAll(started);
      throw new UncheckedIOException("cannot set up the data directory or HTTPS: "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  /** One HTTPS address per announced non-loopback address, for other devices. */
  private static List<String> lanUrls(MediaEngine engine, Javalin http) {
    List<String> lanUrls = new ArrayList<>();
    int httpsPort = TlsListener.boundPort(http);
    if (httpsPort > 0) {
      for (InetAddress a : engine.announcedAddresses()) {
        if (!a.isLoopbackAddress()) {
          String h = a.getHostAddress().replaceAll("%.*$", "");
          lanUrls.add("https://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + httpsPort + "/");
        }
      }
    }
    return lanUrls;
  }

  private static List<InetAddress> announced(ServerConfig config) {
    List<InetAddress> announced = new ArrayList<>();
    if (config.publicAddress() != null) {
      announced.add(config.publicAddress());
    }
    announced.addAll(config.announcedAddresses());
    if (announced.size() == (config.publicAddress() == null ? 0 : 1)) {
      // Nothing announced explicitly besides a public address: add every host address.
      announced.addAll(io.kaihui.media.HostAddresses.discover());
    }
    return announced;
  }

  private static void purge(SessionService sessions) {
    try {
      int purged = sessions.purge(KEEP_ENDED_SESSIONS);
      if (purged > 0) {
        log.info("purged {} session(s) that ended over {} days ago", purged,
            KEEP_ENDED_SESSIONS.toDays());
      }
    } catch (RuntimeException e) {
      log.warn("cannot purge ended sessions", e);
    }
  }

  private static void purgeUploads(FileService files) {
    try {
      files.purgeAbandoned();
    } catch (RuntimeException e) {
      log.warn("cannot delete abandoned uploads", e);
    }
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log.warn("cannot close after a failed start", e);
      }
    }
  }

  private static TlsListener tls(ServerConfig config, MediaEngine engine) throws IOException {
    if (config.httpsPort() < 0) {
      return null;
    }
    if (config.tlsKeystore() != null) {
      return new TlsListener(config.httpsHost(), config.httpsPort(), config.tlsKeystore(),
          config.tlsKeystorePassword());
    }
    SelfSignedCertificate cert =
        SelfSignedCertificate.loadOrCreate(config.dataDir(), engine.announcedAddresses());
    return new TlsListener(config.httpsHost(), config.httpsPort(), cert.keystore(),
        cert.password());
  }

  /**
   * The HTTPS addresses for other devices (one per announced non-loopback address); browsers
   * warn about the self-signed certificate once.
   */
  public List<String> lanUrls() {
    return lanUrls;
  }

  /** The address to open in a browser. */
  public String url() {
    return url;
  }

  /** The bound HTTP port. */
  public int httpPort() {
    return TlsListener.boundPlainPort(http);
  }

  /** The HTTP server, for tests. */
  public Javalin httpApp() {
    return http;
  }

  /** The media workers, one engine each, for tests and metrics. */
  public List<MediaEngine> engines() {
    return engines;
  }

  /** The files, for tests. */
  public FileService files() {
    return files;
  }

  /** The database, for tests and tools. */
  public Database database() {
    return database;
  }

  /** The signaling endpoint, for tests. */
  public SignalingEndpoint signaling() {
    return signaling;
  }

  /** Stops HTTP (closing every WebSocket), the meetings, the media engine and the database. */
  @Override
  public void close() {
    http.stop();
    housekeeping.shutdownNow();
    signaling.close();
    calls.close();
    meetings.close();
    engines.forEach(MediaEngine::close);
    database.close();
    metrics.close();
  }
}
