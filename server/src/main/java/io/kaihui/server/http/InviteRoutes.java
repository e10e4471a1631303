package io.kaihui.server.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.HttpStatus;
import io.kaihui.protocol.InviteCreate;
import io.kaihui.protocol.MeetingInvite;
import io.kaihui.protocol.ServerMessage;
import io.kaihui.protocol.UserCard;
import io.kaihui.server.account.SignedIn;
import io.kaihui.server.meeting.Meeting;
import io.kaihui.server.meeting.MeetingNumbers;
import io.kaihui.server.meeting.MeetingService;
import io.kaihui.server.social.FriendService;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * {@code POST /api/v1/meetings/<number>/invites}: someone in a running meeting invites a friend
 * into it; the friend's signed-in pages get {@link MeetingInvite} (an offline friend gets
 * nothing: an invitation is for now). Refusals: {@code not_signed_in} 401, {@code not_joined}
 * 403 (the inviter is not in the meeting), {@code not_friends} 403, {@code meeting_not_found}
 * 404 (also for a call, which is the two people's only), {@code bad_request} 400.
 */
public final class InviteRoutes {

  private final MeetingService meetings;
  private final FriendService friends;
  private final AccountRoutes accounts;
  private final RequestBodies bodies;
  private final BiConsumer<Long, ServerMessage> send;

  /**
   * Creates the route.
   *
   * @param meetings the live meetings
   * @param friends who is whose friend
   * @param accounts who is signed in
   * @param bodies reads JSON bodies within limits
   * @param send sends an event to a person's signed-in sockets
   */
  public InviteRoutes(MeetingService meetings, FriendService friends, AccountRoutes accounts,
      RequestBodies bodies, BiConsumer<Long, ServerMessage> send) {
    this.meetings = meetings;
    this.friends = friends;
    this.accounts = accounts;
    this.bodies = bodies;
    this.send = send;
  }

  /** Installs the route. */
  public void install(RoutesConfig routes) {
    routes.post("/api/v1/meetings/{number}/invites", ctx -> {
      SignedIn who = accounts.requireSignedIn(ctx);
      long me = who.user().id();
      String number = ctx.pathParam("number");
      if (!MeetingNumbers.isWellFormed(number)) {
        throw new ApiException(400, "bad_request", "a meeting number has 9 digits");
      }
      InviteCreate r = bodies.json(ctx, InviteCreate.class);
      Meeting meeting = meetings.find(number).filter(m -> m.admits(me))
          .orElseThrow(() -> new ApiException(404, "meeting_not_found", "no meeting " + number));
      if (!meeting.hasAccountPresent(me)) {
        throw new ApiException(403, "not_joined", "join the meeting to invite people into it");
      }
      if (!friends.areFriends(me, r.userId()) || !meeting.admits(r.userId())) {
        throw new ApiException(403, "not_friends", "invite only your friends");
      }
      UserCard from = friends.cards(r.userId(), List.of(me)).get(me);
      send.accept(r.userId(), new MeetingInvite(number, meeting.title(), from));
      ctx.status(HttpStatus.NO_CONTENT);
    });
  }
}
