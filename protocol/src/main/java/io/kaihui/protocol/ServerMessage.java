package io.kaihui.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A message from the server to the browser: the answer to a {@link ClientMessage} (it carries
 * the request's {@code id}) or an event (no {@code id}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JoinResponse.class, name = "joinResponse"),
    @JsonSubTypes.Type(value = PublishResponse.class, name = "publishResponse"),
    @JsonSubTypes.Type(value = OkResponse.class, name = "ok"),
    @JsonSubTypes.Type(value = ErrorResponse.class, name = "error"),
    @JsonSubTypes.Type(value = SubscribeOffer.class, name = "subscribeOffer"),
    @JsonSubTypes.Type(value = ParticipantJoined.class, name = "participantJoined"),
    @JsonSubTypes.Type(value = ParticipantUpdated.class, name = "participantUpdated"),
    @JsonSubTypes.Type(value = ParticipantLeft.class, name = "participantLeft"),
    @JsonSubTypes.Type(value = MeetingUpdated.class, name = "meetingUpdated"),
    @JsonSubTypes.Type(value = MeetingEnded.class, name = "meetingEnded"),
    @JsonSubTypes.Type(value = PresenceChanged.class, name = "presence"),
    @JsonSubTypes.Type(value = FriendRequestReceived.class, name = "friendRequest"),
    @JsonSubTypes.Type(value = FriendsChanged.class, name = "friendsChanged"),
    @JsonSubTypes.Type(value = MessageReceived.class, name = "message"),
    @JsonSubTypes.Type(value = ReceiptChanged.class, name = "receipt"),
    @JsonSubTypes.Type(value = TypingChanged.class, name = "typing"),
    @JsonSubTypes.Type(value = ConversationChanged.class, name = "conversationChanged"),
    @JsonSubTypes.Type(value = CallIncoming.class, name = "callIncoming"),
    @JsonSubTypes.Type(value = CallAccepted.class, name = "callAccepted"),
    @JsonSubTypes.Type(value = CallEnded.class, name = "callEnded"),
    @JsonSubTypes.Type(value = MeetingChatMessage.class, name = "meetingChat"),
    @JsonSubTypes.Type(value = MeetingInvite.class, name = "meetingInvite"),
})
public sealed interface ServerMessage
    permits JoinResponse, PublishResponse, OkResponse, ErrorResponse, SubscribeOffer,
        ParticipantJoined, ParticipantUpdated, ParticipantLeft, MeetingUpdated, MeetingEnded,
        PresenceChanged, FriendRequestReceived, FriendsChanged, MessageReceived, ReceiptChanged,
        TypingChanged, ConversationChanged, CallIncoming, CallAccepted, CallEnded,
        MeetingChatMessage, MeetingInvite {}
