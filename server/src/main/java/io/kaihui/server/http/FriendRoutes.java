package io.kaihui.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kaihui.protocol.FriendGroupOrder;
import io.kaihui.protocol.FriendGroupSave;
import io.kaihui.protocol.FriendMove;
import io.kaihui.protocol.FriendRequestCreate;
import io.kaihui.protocol.FriendRequestSent;
import io.kaihui.server.presence.PresenceState;
import io.kaihui.server.social.FriendException;
import io.kaihui.server.social.FriendService;
import java.util.function.LongFunction;

/**
 * The friends API, for the signed-in person only ({@code not_signed_in} 401 otherwise):
 * <ul>
 *   <li>{@code GET /api/v1/users?q=} finds people by username or display name;</li>
 *   <li>{@code GET /api/v1/friends} lists my friends with their presence, and my groups;
 *       {@code PUT /api/v1/friends/<userId>} moves one to a group; {@code DELETE} ends the
 *       friendship;</li>
 *   <li>{@code GET /api/v1/friend-requests} lists requests to and from me; {@code POST} sends one;
 *       {@code POST .../<id>/accept} and {@code .../<id>/decline} answer one sent to me;
 *       {@code DELETE .../<id>} withdraws one I sent;</li>
 *   <li>{@code POST /api/v1/friend-groups} creates a group, {@code PATCH .../<id>} renames it,
 *       {@code DELETE .../<id>} deletes it (its friends go back to the default group),
 *       {@code PUT /api/v1/friend-groups/order} reorders them.</li>
 * </ul>
 * Refusals are the {@link FriendException} codes: {@code user_not_found},
 * {@code request_not_found}, {@code group_not_found} and {@code not_friends} 404,
 * {@code request_pending} and {@code already_friends} 409, {@code too_many_requests} 429 with
 * {@code Retry-After}, {@code too_many_groups} 409, {@code bad_request} 400.
 */
public final class FriendRoutes {

  private final FriendService friends;
  private final LongFunction<PresenceState> presence;
  private final AccountRoutes accounts;
  private final RequestBodies bodies;

  /**
   * Creates the routes.
   *
   * @param friends the friends service
   * @param presence each person's presence now, shown in the friend list
   * @param accounts who is signed in
   * @param bodies reads JSON bodies within limits
   */
  public FriendRoutes(FriendService friends, LongFunction<PresenceState> presence,
      AccountRoutes accounts, RequestBodies bodies) {
    this.friends = friends;
    this.presence = presence;
    this.accounts = accounts;
    this.bodies = bodies;
  }

  /** Installs the routes. */
  public void install(RoutesConfig routes) {
    routes.get("/api/v1/users", ctx -> ctx.json(refusals(() ->
        friends.search(me(ctx), ctx.queryParam("q")))));
    routes.get("/api/v1/friends", ctx -> ctx.json(friends.friends(me(ctx), presence)));
    routes.put("/api/v1/friends/{userId}", ctx -> {
      long me = me(ctx);
      long friend = id(ctx, "userId");
      FriendMove r = bodies.json(ctx, FriendMove.class);
      refusals(() -> {
        friends.move(me, friend, r.groupId());
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.delete("/api/v1/friends/{userId}", ctx -> {
      long me = me(ctx);
      long friend = id(ctx, "userId");
      refusals(() -> {
        friends.remove(me, friend);
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });

    routes.get("/api/v1/friend-requests", ctx -> ctx.json(friends.requests(me(ctx))));
    routes.post("/api/v1/friend-requests", ctx -> {
      long me = me(ctx);
      FriendRequestCreate r = bodies.json(ctx, FriendRequestCreate.class);
      FriendRequestSent sent = refusals(() -> friends.request(me, r.toUserId(), r.note()));
      ctx.status(sent.friends() ? HttpStatus.OK : HttpStatus.CREATED).json(sent);
    });
    routes.post("/api/v1/friend-requests/{id}/accept", ctx -> answer(ctx, true));
    routes.post("/api/v1/friend-requests/{id}/decline", ctx -> answer(ctx, false));
    routes.delete("/api/v1/friend-requests/{id}", ctx -> {
      long me = me(ctx);
      long id = id(ctx, "id");
      refusals(() -> {
        friends.cancel(me, id);
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });

    routes.post("/api/v1/friend-groups", ctx -> {
      long me = me(ctx);
      FriendGroupSave r = bodies.json(ctx, FriendGroupSave.class);
      ctx.status(HttpStatus.CREATED).json(refusals(() -> friends.createGroup(me, r.name())));
    });
    // Before /{id}, which would take "order" for a (bad) id.
    routes.put("/api/v1/friend-groups/order", ctx -> {
      long me = me(ctx);
      FriendGroupOrder r = bodies.json(ctx, FriendGroupOrder.class);
      refusals(() -> {
        friends.orderGroups(me, r.groupIds());
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.patch("/api/v1/friend-groups/{id}", ctx -> {
      long me = me(ctx);
      long id = id(ctx, "id");
      FriendGroupSave r = bodies.json(ctx, FriendGroupSave.class);
      ctx.json(refusals(() -> friends.renameGroup(me, id, r.name())));
    });
    routes.delete("/api/v1/friend-groups/{id}", ctx -> {
      long me = me(ctx);
      long id = id(ctx, "id");
      refusals(() -> {
        friends.deleteGroup(me, id);
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
  }

  private void answer(Context ctx, boolean accept) {
    long me = me(ctx);
    long id = id(ctx, "id");
    refusals(() -> {
      if (accept) {
        friends.accept(me, id);
      } else {
        friends.decline(me, id);
      }
      return null;
    });
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private long me(Context ctx) {
    return accounts.requireSignedIn(ctx).user().id();
  }

  /** A positive id from the path, below 2^53. */
  static long id(Context ctx, String name) {
    String raw = ctx.pathParam(name);
    try {
      long id = Long.parseLong(raw);
      if (id > 0 && id < (1L << 53)) {
        return id;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(400, "bad_request", name + " is a positive number");
  }

  private interface FriendCall<T> {
    T call() throws FriendException;
  }

  /** Runs a friends call, answering its refusal with the matching status. */
  private static <T> T refusals(FriendCall<T> call) {
    try {
      return call.call();
    } catch (FriendException e) {
      int status = switch (e.code()) {
        case FriendException.USER_NOT_FOUND, FriendException.REQUEST_NOT_FOUND,
            FriendException.GROUP_NOT_FOUND, FriendException.NOT_FRIENDS -> 404;
        case FriendException.REQUEST_PENDING, FriendException.ALREADY_FRIENDS,
            FriendException.TOO_MANY_GROUPS -> 409;
        case FriendException.TOO_MANY_REQUESTS -> 429;
        default -> 400;
      };
      throw new ApiException(status, e.code(), e.getMessage(), e.retryAfterSeconds());
    }
  }
}
