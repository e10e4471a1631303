package io.kaihui.server.http;

import io.javalin.Javalin;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.kaihui.protocol.ApiError;
import io.kaihui.server.meeting.MeetingService;
import io.kaihui.server.metrics.Metrics;
import io.kaihui.server.signaling.SignalingEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the server, on Javalin (Jetty 12, virtual threads), over plain HTTP on
 * loopback and HTTPS on every interface: the web client's static
 * files from the classpath ({@code /web}, with {@code /m/<number>} served the client's
 * index.html), the REST API under {@code /api/v1}, the signaling WebSocket at {@code /ws},
 * {@code /health} and {@code /metrics}.
 *
 * <p>Under {@code /api}: every state-changing request passes {@link CsrfGuard} first; every
 * answer is {@code Cache-Control: no-store} unless a route says otherwise; every refusal is an
 * {@link ApiError} body (an unknown route too, {@code not_found}), counted in
 * {@code kaihui.api.errors} by code. The WebSocket upgrade at {@code /ws} is refused (403) when
 * its {@code Origin} is another site's, and otherwise carries the session of its cookie, if
 * live, to the {@link SignalingEndpoint}.
 */
public final class HttpApi {

  private static final Logger log = LoggerFactory.getLogger(HttpApi.class);

  /** Methods answered with a JSON 404 under {@code /api} when no route matches. */
  private static final List<HandlerType> API_METHODS = List.of(HandlerType.GET,
      HandlerType.POST, HandlerType.PUT, HandlerType.PATCH, HandlerType.DELETE, HandlerType.HEAD,
      HandlerType.OPTIONS);

  private HttpApi() {}

  /**
   * Builds and starts the HTTP server.
   *
   * @param host the address to bind for plain HTTP
   * @param port the plain-HTTP port (0 for a free one)
   * @param tls the HTTPS listener, or null for none
   * @param meetings the live meetings
   * @param signaling the WebSocket endpoint
   * @param metrics served at {@code /metrics} in the Prometheus text format
   * @param accounts the account routes
   * @param features the routes of each feature (meetings, friends...), each installed in turn
   * @param proxies which forwarding headers to believe
   * @return the running server; {@code port()} tells the bound port
   */
  public static Javalin start(String host, int port, TlsListener tls, MeetingService meetings,
      SignalingEndpoint signaling, Metrics metrics, AccountRoutes accounts,
      List<Consumer<RoutesConfig>> features, TrustedProxies proxies) {
    return Javalin.create(config -> {
      config.concurrency.useVirtualThreads = true;
      config.startup.showJavalinBanner = false;
      config.jetty.host = host;
      config.jetty.port = port;
      // Jetty reuses each connection's earlier header lines, matched without regard to case
      // unless told otherwise: a session token differing from an earlier cookie only in case
      // (or starting with one, e.g. "x" then "Xhie...") arrived changed, and its owner was
      // signed out. Header values must arrive byte for byte.
      config.jetty.modifyHttpConfiguration(http -> http.setHeaderCacheCaseSensitive(true));
      config.jetty.modifyWebSocketServletFactory(f -> {
        f.setIdleTimeout(Duration.ofSeconds(30));
        f.setMaxTextMessageSize(SignalingEndpoint.MAX_MESSAGE_BYTES);
      });
      if (tls != null) {
        // Javalin makes its default connector only when none is added: add both.
        config.jetty.addConnector((server, plain) -> {
          ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(plain));
          c.setHost(host);
          c.setPort(port);
          return c;
        });
        config.jetty.addConnector(tls::connector);
      }
      // Vite names assets by their content hash: cache them for good; the rest revalidates.
      config.staticFiles.add(files -> {
        files.hostedPath = "/assets";
        files.directory = "/web/assets";
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", "public, max-age=31536000, immutable");
      });
      config.staticFiles.add(files -> {
        files.hostedPath = "/";
        files.directory = "/web";
        files.location = Location.CLASSPATH;
        files.headers = Map.of("Cache-Control", "no-cache");
      });
      // The web client routes these paths itself: serve it its index.html.
      for (String route : List.of("/m", "/login", "/register", "/profile")) {
        config.spaRoot.addFile(route, "/web/index.html", Location.CLASSPATH);
      }
      config.routes.get("/health", ctx -> ctx.json(Map.of(
          "status", "ok",
          "meetings", meetings.meetingCount(),
          "connections", signaling.connectionCount())));
      config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4")
          .result(metrics.scrape()));
      config.routes.before("/api/*", ctx -> {
        ctx.header("Cache-Control", "no-store");
        CsrfGuard.check(ctx.method().name(), ctx.header(CsrfGuard.HEADER), ctx.header("Origin"),
            proxies.scheme(ctx), ctx.host());
      });
      config.routes.exception(ApiException.class, (e, ctx) -> answer(ctx, e, metrics));
      config.routes.exception(HttpResponseException.class, (e, ctx) -> answer(ctx,
          new ApiException(e.getStatus(), e.getStatus() == 413 ? RequestBodies.PAYLOAD_TOO_LARGE
              : "bad_request", String.valueOf(e.getMessage())), metrics));
      config.routes.exception(Exception.class, (e, ctx) -> {
        log.warn("{} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, new ApiException(500, "internal_error", "the server failed"), metrics);
      });
      accounts.install(config.routes);
      features.forEach(f -> f.accept(config.routes));
      for (HandlerType method : API_METHODS) {
        config.routes.addHttpHandler(method, "/api/*", ctx -> {
          throw new ApiException(404, "not_found", "no such API route: " + ctx.method() + " "
              + ctx.path());
        });
      }
      config.routes.wsBeforeUpgrade("/ws", ctx -> {
        String origin = ctx.header("Origin");
        if (origin != null && !CsrfGuard.sameOrigin(origin, proxies.scheme(ctx), ctx.host())) {
          throw new ApiException(403, CsrfGuard.REJECTED, "the WebSocket comes from another"
              + " origin");
        }
        accounts.signedIn(ctx).ifPresent(
            who -> ctx.attribute(SignalingEndpoint.SESSION_ATTRIBUTE, who.session()));
      });
      config.routes.ws("/ws", signaling::configure);
    }).start();
  }

  /** Writes a refusal as an {@link ApiError}, with {@code Retry-After} when it has one. */
  private static void answer(Context ctx, ApiException e, Metrics metrics) {
    metrics.registry().counter("kaihui.api.errors", "code", e.code()).increment();
    if (e.retryAfterSeconds() > 0) {
      ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
    }
    ctx.status(e.status()).json(e.body());
  }
}
