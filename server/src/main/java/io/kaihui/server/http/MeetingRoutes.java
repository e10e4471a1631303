package io.kaihui.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.kaihui.protocol.MeetingCreate;
import io.kaihui.protocol.MeetingSettings;
import io.kaihui.server.account.SignedIn;
import io.kaihui.server.meeting.Attendee;
import io.kaihui.server.meeting.Meeting;
import io.kaihui.server.meeting.MeetingException;
import io.kaihui.server.meeting.MeetingLog;
import io.kaihui.server.meeting.MeetingNumbers;
import io.kaihui.server.meeting.MeetingService;

/**
 * The meeting API under {@code /api/v1/meetings}: create (signed in; the creator hosts), look
 * one up (anyone, for the pre-join screen), change whether guests may join and end it (the host
 * only), and the signed-in person's past meetings. Refusals are {@link ApiException}s:
 * {@code not_signed_in} 401, {@code not_host} 403, {@code meeting_not_found} 404,
 * {@code bad_request} 400.
 */
public final class MeetingRoutes {

  /** Past meetings listed when the request names no limit. */
  public static final int DEFAULT_HISTORY = 50;

  private final MeetingService meetings;
  private final MeetingLog meetingLog;
  private final AccountRoutes accounts;
  private final RequestBodies bodies;

  /**
   * Creates the routes.
   *
   * @param meetings the live meetings
   * @param meetingLog the record of past meetings
   * @param accounts who is signed in
   * @param bodies reads JSON bodies within limits
   */
  public MeetingRoutes(MeetingService meetings, MeetingLog meetingLog, AccountRoutes accounts,
      RequestBodies bodies) {
    this.meetings = meetings;
    this.meetingLog = meetingLog;
    this.accounts = accounts;
    this.bodies = bodies;
  }

  /** Installs the routes. */
  public void install(RoutesConfig routes) {
    routes.post("/api/v1/meetings", this::create);
    // Before /{number}, which would take "history" for a (bad) number.
    routes.get("/api/v1/meetings/history", this::history);
    routes.get("/api/v1/meetings/history/{meetingId}/chat", ctx -> {
      SignedIn who = accounts.requireSignedIn(ctx);
      long id = FriendRoutes.id(ctx, "meetingId");
      // Someone who was not in it gets what a meeting without chat gives: nothing.
      ctx.json(meetingLog.chatOf(id, who.user().id()));
    });
    routes.get("/api/v1/meetings/{number}", this::find);
    routes.patch("/api/v1/meetings/{number}", this::update);
    routes.delete("/api/v1/meetings/{number}", this::end);
  }

  private void create(Context ctx) {
    SignedIn who = accounts.requireSignedIn(ctx);
    // No body at all is a meeting with the default title that admits no guests.
    byte[] body = bodies.read(ctx, RequestBodies.MAX_JSON_BYTES, RequestBodies.PAYLOAD_TOO_LARGE);
    MeetingCreate r = body.length == 0 ? new MeetingCreate(null, false)
        : bodies.parse(body, MeetingCreate.class);
    Meeting m = refusals(() -> meetings.create(attendee(who), r.title(), r.guestsAllowed()));
    ctx.status(HttpStatus.CREATED).json(m.summary(who.user().id()));
  }

  private void find(Context ctx) {
    long asking = accounts.signedIn(ctx).map(s -> s.user().id()).orElse(0L);
    ctx.json(meeting(ctx, asking).summary(asking));
  }

  private void update(Context ctx) {
    SignedIn who = accounts.requireSignedIn(ctx);
    Meeting m = meeting(ctx, who.user().id());
    MeetingSettings r = bodies.json(ctx, MeetingSettings.class);
    refusals(() -> {
      meetings.setAllowGuests(m, who.user().id(), r.allowGuests());
      return null;
    });
    ctx.json(m.summary(who.user().id()));
  }

  private void end(Context ctx) {
    SignedIn who = accounts.requireSignedIn(ctx);
    Meeting m = meeting(ctx, who.user().id());
    refusals(() -> {
      meetings.end(m, who.user().id(), who.user().displayName());
      return null;
    });
    ctx.status(HttpStatus.NO_CONTENT);
  }

  private void history(Context ctx) {
    SignedIn who = accounts.requireSignedIn(ctx);
    String raw = ctx.queryParam("limit");
    int limit;
    try {
      limit = raw == null ? DEFAULT_HISTORY : Integer.parseInt(raw);
    } catch (NumberFormatException e) {
      limit = -1;
    }
    if (limit < 1 || limit > MeetingLog.MAX_HISTORY) {
      throw new ApiException(400, "bad_request",
          "limit is a number from 1 to " + MeetingLog.MAX_HISTORY);
    }
    ctx.json(meetingLog.history(who.user().id(), limit));
  }

  /** The live meeting of the path, as someone may see it: a call of two others is not found. */
  private Meeting meeting(Context ctx, long asking) {
    String number = ctx.pathParam("number");
    if (!MeetingNumbers.isWellFormed(number)) {
      throw new ApiException(400, "bad_request", "a meeting number has 9 digits");
    }
    return meetings.find(number).filter(m -> m.admits(asking)).orElseThrow(() ->
        new ApiException(404, "meeting_not_found", "no meeting " + number));
  }

  private static Attendee attendee(SignedIn who) {
    return new Attendee(who.user().id(), who.user().displayName(),
        AccountRoutes.view(who.user()).avatarUrl());
  }

  private interface MeetingCall<T> {
    T call() throws MeetingException;
  }

  /** Runs a meeting call, answering its refusal with the matching status. */
  private static <T> T refusals(MeetingCall<T> call) {
    try {
      return call.call();
    } catch (MeetingException e) {
      int status = switch (e.code()) {
        case "not_host" -> 403;
        case "meeting_not_found" -> 404;
        default -> 400;
      };
      throw new ApiException(status, e.code(), e.getMessage());
    }
  }
}
