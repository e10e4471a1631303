package io.kaihui.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kaihui.protocol.CallJoin;
import io.kaihui.protocol.CallStart;
import io.kaihui.server.call.CallException;
import io.kaihui.server.call.CallService;

/**
 * The calls API, for the signed-in person only ({@code not_signed_in} 401 otherwise): {@code
 * POST /api/v1/calls} calls a friend; {@code POST .../<id>/accept} and {@code .../<id>/decline}
 * answer a call ringing for me; {@code DELETE .../<id>} cancels my own while it rings. Refusals
 * are the {@link CallException} codes: {@code not_friends} 403, {@code busy} and
 * {@code already_in_call} 409, {@code call_not_found} 404.
 */
public final class CallRoutes {

  private final CallService calls;
  private final AccountRoutes accounts;
  private final RequestBodies bodies;

  /**
   * Creates the routes.
   *
   * @param calls the calls
   * @param accounts who is signed in
   * @param bodies reads JSON bodies within limits
   */
  public CallRoutes(CallService calls, AccountRoutes accounts, RequestBodies bodies) {
    this.calls = calls;
    this.accounts = accounts;
    this.bodies = bodies;
  }

  /** Installs the routes. */
  public void install(RoutesConfig routes) {
    routes.post("/api/v1/calls", ctx -> {
      long me = me(ctx);
      CallStart r = bodies.json(ctx, CallStart.class);
      ctx.status(HttpStatus.CREATED).json(refusals(() -> calls.start(me, r.userId())));
    });
    routes.post("/api/v1/calls/{id}/accept", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      ctx.json(new CallJoin(refusals(() -> calls.accept(me, id))));
    });
    routes.post("/api/v1/calls/{id}/decline", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      refusals(() -> {
        calls.decline(me, id);
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.delete("/api/v1/calls/{id}", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      refusals(() -> {
        calls.cancel(me, id);
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
  }

  private long me(Context ctx) {
    return accounts.requireSignedIn(ctx).user().id();
  }

  private interface CallCall<T> {
    T call() throws CallException;
  }

  /** Runs a calls call, answering its refusal with the matching status. */
  private static <T> T refusals(CallCall<T> call) {
    try {
      return call.call();
    } catch (CallException e) {
      int status = switch (e.code()) {
        case CallException.NOT_FRIENDS -> 403;
        case CallException.CALL_NOT_FOUND -> 404;
        default -> 409;
      };
      throw new ApiException(status, e.code(), e.getMessage());
    }
  }
}
