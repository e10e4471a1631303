package io.kaihui.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kaihui.protocol.ConversationMarks;
import io.kaihui.protocol.DirectConversationOpen;
import io.kaihui.protocol.FileView;
import io.kaihui.protocol.GroupCreate;
import io.kaihui.protocol.GroupRename;
import io.kaihui.protocol.MemberAdd;
import io.kaihui.protocol.MessageSend;
import io.kaihui.server.chat.ChatException;
import io.kaihui.server.chat.ChatService;
import io.kaihui.server.file.FileException;
import io.kaihui.server.file.FileService;

/**
 * The chat API, for the signed-in person only ({@code not_signed_in} 401 otherwise):
 * <ul>
 *   <li>{@code GET /api/v1/conversations} lists my conversations; {@code POST
 *       /api/v1/conversations/direct} opens the one with a friend; {@code GET .../<id>} is
 *       one;</li>
 *   <li>{@code GET .../<id>/messages?before=&limit=} pages back through its history, {@code
 *       ?q=} searches it; {@code POST .../<id>/messages} sends a message or a file
 *       ({@code file_not_found} 404 unless the sender may read it);</li>
 *   <li>{@code PUT .../<id>/marks} moves my received and read marks; {@code POST
 *       .../<id>/typing} tells the others I am typing;</li>
 *   <li>{@code POST /api/v1/conversations/groups} makes a group chat with friends; {@code PATCH
 *       .../<id>} renames it; {@code POST .../<id>/members} adds a friend; {@code DELETE
 *       .../<id>/members/<userId>} removes someone (the owner) or leaves (oneself).</li>
 * </ul>
 * Refusals are the {@link ChatException} codes: {@code conversation_not_found} 404 (also for a
 * stranger's conversation), {@code not_friends} and {@code not_owner} 403,
 * {@code message_too_long} and
 * {@code bad_message} 400.
 */
public final class ChatRoutes {

  /** Messages per history page when the request names no limit. */
  public static final int DEFAULT_PAGE = 50;

  private final ChatService chat;
  private final FileService files;
  private final AccountRoutes accounts;
  private final RequestBodies bodies;

  /**
   * Creates the routes.
   *
   * @param chat the chat service
   * @param files the files, which may be sent
   * @param accounts who is signed in
   * @param bodies reads JSON bodies within limits
   */
  public ChatRoutes(ChatService chat, FileService files, AccountRoutes accounts,
      RequestBodies bodies) {
    this.chat = chat;
    this.files = files;
    this.accounts = accounts;
    this.bodies = bodies;
  }

  /** Installs the routes. */
  public void install(RoutesConfig routes) {
    routes.get("/api/v1/conversations", ctx -> ctx.json(chat.conversations(me(ctx))));
    // Before /{id}, which would take "direct" for a (bad) id.
    routes.post("/api/v1/conversations/direct", ctx -> {
      long me = me(ctx);
      DirectConversationOpen r = bodies.json(ctx, DirectConversationOpen.class);
      ctx.json(refusals(() -> chat.openDirect(me, r.userId())));
    });
    routes.post("/api/v1/conversations/groups", ctx -> {
      long me = me(ctx);
      GroupCreate r = bodies.json(ctx, GroupCreate.class);
      ctx.status(HttpStatus.CREATED).json(refusals(() ->
          chat.createGroup(me, r.title(), r.memberIds())));
    });
    routes.patch("/api/v1/conversations/{id}", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      GroupRename r = bodies.json(ctx, GroupRename.class);
      ctx.json(refusals(() -> chat.renameGroup(me, id, r.title())));
    });
    routes.post("/api/v1/conversations/{id}/members", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      MemberAdd r = bodies.json(ctx, MemberAdd.class);
      ctx.json(refusals(() -> chat.addMember(me, id, r.userId())));
    });
    routes.delete("/api/v1/conversations/{id}/members/{userId}", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      long member = FriendRoutes.id(ctx, "userId");
      refusals(() -> {
        chat.removeMember(me, id, member);
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.get("/api/v1/conversations/{id}", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      ctx.json(refusals(() -> chat.conversation(me, id)));
    });
    routes.get("/api/v1/conversations/{id}/messages", this::messages);
    routes.post("/api/v1/conversations/{id}/messages", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      MessageSend r = bodies.json(ctx, MessageSend.class);
      if (r.fileId() != null) {
        FileView file = files.file(r.fileId()).filter(f -> files.mayRead(me, f.id()))
            .orElseThrow(() -> new ApiException(404, FileException.NOT_FOUND, "no such file"));
        ctx.status(HttpStatus.CREATED).json(refusals(() ->
            chat.sendFile(me, id, r.clientId(), file)));
        return;
      }
      ctx.status(HttpStatus.CREATED).json(refusals(() ->
          chat.send(me, id, r.clientId(), r.text())));
    });
    routes.put("/api/v1/conversations/{id}/marks", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      ConversationMarks r = bodies.json(ctx, ConversationMarks.class);
      refusals(() -> {
        chat.mark(me, id, r.deliveredSeq(), r.readSeq());
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
    routes.post("/api/v1/conversations/{id}/typing", ctx -> {
      long me = me(ctx);
      long id = FriendRoutes.id(ctx, "id");
      refusals(() -> {
        chat.typing(me, id);
        return null;
      });
      ctx.status(HttpStatus.NO_CONTENT);
    });
  }

  private void messages(Context ctx) {
    long me = me(ctx);
    long id = FriendRoutes.id(ctx, "id");
    String q = ctx.queryParam("q");
    if (q != null) {
      ctx.json(refusals(() -> chat.search(me, id, q)));
      return;
    }
    long before = number(ctx.queryParam("before"), 0, 0, Long.MAX_VALUE, "before");
    int limit = (int) number(ctx.queryParam("limit"), DEFAULT_PAGE, 1, ChatService.MAX_PAGE,
        "limit");
    ctx.json(refusals(() -> chat.history(me, id, before, limit)));
  }

  private long me(Context ctx) {
    return accounts.requireSignedIn(ctx).user().id();
  }

  private static long number(String raw, long fallback, long min, long max, String name) {
    if (raw == null) {
      return fallback;
    }
    try {
      long n = Long.parseLong(raw);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw new ApiException(400, "bad_request", name + " is a number from " + min + " to " + max);
  }

  private interface ChatCall<T> {
    T call() throws ChatException;
  }

  /** Runs a chat call, answering its refusal with the matching status. */
  private static <T> T refusals(ChatCall<T> call) {
    try {
      return call.call();
    } catch (ChatException e) {
      int status = switch (e.code()) {
        case ChatException.CONVERSATION_NOT_FOUND -> 404;
        case ChatException.NOT_FRIENDS, ChatException.NOT_OWNER -> 403;
        default -> 400;
      };
      throw new ApiException(status, e.code(), e.getMessage());
    }
  }
}
