package io.kaihui.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.kaihui.protocol.AccountView;
import io.kaihui.protocol.LoginRequest;
import io.kaihui.protocol.PasswordChange;
import io.kaihui.protocol.ProfileUpdate;
import io.kaihui.protocol.RegisterRequest;
import io.kaihui.server.account.AccountException;
import io.kaihui.server.account.AccountService;
import io.kaihui.server.account.AvatarImage;
import io.kaihui.server.account.AvatarStore;
import io.kaihui.server.account.LoginResult;
import io.kaihui.server.account.Registration;
import io.kaihui.server.account.SignedIn;
import io.kaihui.server.account.User;
import io.kaihui.server.session.ClientInfo;
import io.kaihui.server.session.IssuedSession;
import io.kaihui.server.session.RevocationReason;
import io.kaihui.server.session.SessionService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The account REST API under {@code /api/v1}: register, sign in and out, the signed-in
 * person's profile, password and avatar, and everyone's avatar images. It only translates
 * between the wire ({@code io.kaihui.protocol} records, the session cookie, HTTP statuses) and
 * {@link AccountService}, {@link SessionService} and {@link AvatarStore}; {@code docs/protocol.md}
 * lists every route with its answers.
 *
 * <p>The session token travels only in the {@link SessionCookie}: it is never in a JSON body,
 * a URL or a log line. Requests are authenticated by that cookie alone; the CSRF checks of
 * {@link CsrfGuard} run before every state-changing route ({@link HttpApi} installs them).
 */
public final class AccountRoutes {

  /**
   * The code of a request that needs a signed-in session and has none (HTTP 401). When the
   * cookie names a session the server ended, the code is instead that session's
   * {@link RevocationReason#code()} ({@code signed_in_elsewhere}, {@code password_changed},
   * {@code logout}, {@code revoked}), once.
   */
  public static final String NOT_SIGNED_IN = "not_signed_in";

  private final AccountService accounts;
  private final SessionService sessions;
  private final AvatarStore avatars;
  private final RequestBodies bodies;
  private final TrustedProxies proxies;

  /**
   * Creates the routes.
   *
   * @param accounts the accounts
   * @param sessions the sessions (registration signs the new account in directly)
   * @param avatars the stored avatars
   * @param bodies reads request bodies under their limits
   * @param proxies which forwarding headers to believe for the client's address and scheme
   */
  public AccountRoutes(AccountService accounts, SessionService sessions, AvatarStore avatars,
      RequestBodies bodies, TrustedProxies proxies) {
    this.accounts = accounts;
    this.sessions = sessions;
    this.avatars = avatars;
    this.bodies = bodies;
    this.proxies = proxies;
  }

  /**
   * Adds the routes.
   *
   * @param routes Javalin's route configuration
   */
  public void install(RoutesConfig routes) {
    routes.post("/api/v1/accounts", handler(401, this::register));
    routes.post("/api/v1/session", handler(401, this::login));
    routes.delete("/api/v1/session", handler(401, this::logout));
    routes.get("/api/v1/me", handler(401, this::me));
    routes.patch("/api/v1/me", handler(401, this::updateProfile));
    // A wrong old password is 400, not 401: the person is still signed in.
    routes.put("/api/v1/me/password", handler(400, this::changePassword));
    routes.put("/api/v1/me/avatar", handler(401, this::uploadAvatar));
    routes.delete("/api/v1/me/avatar", handler(401, this::removeAvatar));
    routes.get("/api/v1/users/{id}/avatar", handler(401, this::avatar));
  }

  /**
   * Who sent a request, by its session cookie.
   *
   * @param ctx the request
   * @return the account and live session, or empty without a cookie of a live session
   */
  public Optional<SignedIn> signedIn(Context ctx) {
    String token = ctx.cookie(SessionCookie.NAME);
    return token == null ? Optional.empty() : accounts.authenticate(token);
  }

  /**
   * The wire form of an account.
   *
   * @param user the account
   * @return the view, its avatar URL carrying the avatar's version so it can be cached for good
   */
  public static AccountView view(User user) {
    return new AccountView(user.id(), user.username(), user.displayName(), user.phone(),
        user.moodLine(), AvatarStore.url(user.id(), user.avatarRef()));
  }

  private void register(Context ctx) throws AccountException {
    RegisterRequest r = bodies.json(ctx, RegisterRequest.class);
    required(r.username(), "username");
    required(r.password(), "password");
    required(r.displayName(), "displayName");
    User user = accounts.register(
        new Registration(r.username(), r.password(), r.displayName(), r.phone()));
    IssuedSession issued = sessions.create(user.id(), false, client(ctx));
    replaceCookie(ctx, issued.token(), false);
    ctx.status(201).json(view(user));
  }

  private void login(Context ctx) throws AccountException {
    LoginRequest r = bodies.json(ctx, LoginRequest.class);
    required(r.username(), "username");
    required(r.password(), "password");
    LoginResult result = accounts.login(r.username(), r.password(), r.rememberMe(), client(ctx));
    replaceCookie(ctx, result.issued().token(), r.rememberMe());
    ctx.json(view(result.user()));
  }

  private void logout(Context ctx) {
    String token = ctx.cookie(SessionCookie.NAME);
    if (token != null) {
      accounts.logout(token);
    }
    ctx.header("Set-Cookie", SessionCookie.clear(secure(ctx)));
    ctx.status(204);
  }

  private void me(Context ctx) {
    ctx.json(view(requireSignedIn(ctx).user()));
  }

  private void updateProfile(Context ctx) throws AccountException {
    SignedIn who = requireSignedIn(ctx);
    ProfileUpdate r = bodies.json(ctx, ProfileUpdate.class);
    required(r.displayName(), "displayName");
    ctx.json(view(accounts.updateProfile(who.user().id(), r.displayName(), r.moodLine(),
        r.phone())));
  }

  private void changePassword(Context ctx) throws AccountException {
    SignedIn who = requireSignedIn(ctx);
    PasswordChange r = bodies.json(ctx, PasswordChange.class);
    required(r.oldPassword(), "oldPassword");
    required(r.newPassword(), "newPassword");
    accounts.changePassword(who.user().id(), r.oldPassword(), r.newPassword(),
        who.session().id());
    ctx.status(204);
  }

  private void uploadAvatar(Context ctx) throws AccountException {
    SignedIn who = requireSignedIn(ctx);
    // Refuse a wrong type before reading up to 5 MiB of body.
    String type = ctx.contentType();
    if (!avatars.images().accepts(type)) {
      throw new ApiException(400, AccountException.AVATAR_INVALID, "an avatar is sent as one of "
          + String.join(", ", avatars.images().contentTypes().stream().sorted().toList()));
    }
    byte[] file = bodies.read(ctx, AvatarImage.MAX_BYTES, AccountException.AVATAR_TOO_LARGE);
    ctx.json(view(avatars.replace(who.user().id(), file, type)));
  }

  private void removeAvatar(Context ctx) throws AccountException {
    ctx.json(view(avatars.remove(requireSignedIn(ctx).user().id())));
  }

  private void avatar(Context ctx) {
    String id = ctx.pathParam("id");
    Optional<Path> file = id.matches("[1-9]\\d{0,15}")
        ? accounts.find(Long.parseLong(id)).map(User::avatarRef).flatMap(avatars::file)
        : Optional.empty();
    if (file.isEmpty()) {
      throw new ApiException(404, "avatar_not_found", "this account has no avatar");
    }
    String version = AvatarStore.version(file.get().getFileName().toString());
    String etag = "\"" + version + "\"";
    ctx.header("ETag", etag);
    ctx.header("X-Content-Type-Options", "nosniff");
    // A URL naming the current version never changes; one without it must revalidate.
    ctx.header("Cache-Control", version.equals(ctx.queryParam("v"))
        ? "public, max-age=31536000, immutable" : "no-cache");
    if (etag.equals(ctx.header("If-None-Match"))) {
      ctx.status(304);
      return;
    }
    byte[] png;
    try {
      png = Files.readAllBytes(file.get());
    } catch (IOException e) {
      // Replaced between the lookup and the read: the client asks again.
      throw new ApiException(404, "avatar_not_found", "this account has no avatar");
    }
    ctx.contentType("image/png").result(png);
  }

  /**
   * The account and live session of a request that needs them. Without one the answer is 401:
   * with the {@link RevocationReason} code when the cookie names a session the server ended
   * (the cookie is cleared in that same answer, so the browser is told once and afterwards is
   * simply {@code not_signed_in}), else {@code not_signed_in}.
   */
  public SignedIn requireSignedIn(Context ctx) {
    Optional<SignedIn> who = signedIn(ctx);
    if (who.isPresent()) {
      return who.get();
    }
    String token = ctx.cookie(SessionCookie.NAME);
    Optional<RevocationReason> ended = token == null ? Optional.empty()
        : sessions.revocationOf(token);
    if (ended.isPresent()) {
      ctx.header("Set-Cookie", SessionCookie.clear(secure(ctx)));
      throw new ApiException(401, ended.get().code(),
          "this session was ended (" + ended.get().code() + "); sign in again");
    }
    throw new ApiException(401, NOT_SIGNED_IN, "sign in first");
  }

  /**
   * Sets the cookie of a new session and ends the session of the cookie it replaces, if that is
   * still live (another account signed in on this browser before).
   */
  private void replaceCookie(Context ctx, String token, boolean rememberMe) {
    String previous = ctx.cookie(SessionCookie.NAME);
    if (previous != null && !previous.equals(token)) {
      accounts.logout(previous);
    }
    ctx.header("Set-Cookie", SessionCookie.issue(token,
        rememberMe ? sessions.settings().rememberMeLifetime() : null, secure(ctx)));
  }

  private boolean secure(Context ctx) {
    return SessionCookie.secureFor(proxies.scheme(ctx), ctx.host());
  }

  private ClientInfo client(Context ctx) {
    return new ClientInfo(proxies.clientAddress(ctx), ctx.userAgent());
  }

  private static void required(Object value, String field) {
    if (value == null) {
      throw new ApiException(400, "bad_request", "the field '" + field + "' is required");
    }
  }

  /** A route body that may refuse with an {@link AccountException}. */
  private interface AccountHandler {
    void handle(Context ctx) throws AccountException;
  }

  /**
   * Wraps a route: an {@link AccountException} becomes an {@link ApiException} with the HTTP
   * status of its code ({@code invalid_credentials} gets {@code credentialsStatus}).
   */
  private static Handler handler(int credentialsStatus, AccountHandler route) {
    return ctx -> {
      try {
        route.handle(ctx);
      } catch (AccountException e) {
        throw refusal(e, credentialsStatus);
      }
    };
  }

  /**
   * The HTTP answer to an account refusal.
   *
   * @param e the refusal
   * @param credentialsStatus the status of {@code invalid_credentials}: 401 when signing in,
   *     400 when changing the password
   * @return the exception to answer with
   */
  static ApiException refusal(AccountException e, int credentialsStatus) {
    return switch (e.code()) {
      case AccountException.USERNAME_TAKEN -> new ApiException(409, e.code(), e.getMessage());
      case AccountException.INVALID_CREDENTIALS ->
          new ApiException(credentialsStatus, e.code(), e.getMessage());
      case AccountException.TOO_MANY_ATTEMPTS ->
          new ApiException(429, e.code(), e.getMessage(), Math.max(1, e.retryAfterSeconds()));
      case AccountException.AVATAR_TOO_LARGE -> new ApiException(413, e.code(), e.getMessage());
      case AccountException.USER_NOT_FOUND -> new ApiException(401, NOT_SIGNED_IN,
          "the account no longer exists");
      default -> new ApiException(400, e.code(), e.getMessage());
    };
  }
}
