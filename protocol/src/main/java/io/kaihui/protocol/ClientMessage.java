package io.kaihui.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A request from the browser to the server. Every request carries an {@code id}, a positive
 * integer chosen by the client and unique on its connection; the server answers it with one
 * {@link ServerMessage} carrying the same {@code id}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = JoinRequest.class, name = "join"),
    @JsonSubTypes.Type(value = PublishRequest.class, name = "publish"),
    @JsonSubTypes.Type(value = SubscribeAnswer.class, name = "subscribeAnswer"),
    @JsonSubTypes.Type(value = SetMutedRequest.class, name = "setMuted"),
    @JsonSubTypes.Type(value = LeaveRequest.class, name = "leave"),
    @JsonSubTypes.Type(value = PingRequest.class, name = "ping"),
    @JsonSubTypes.Type(value = MeetingChatSend.class, name = "chat"),
})
public sealed interface ClientMessage
    permits JoinRequest, PublishRequest, SubscribeAnswer, SetMutedRequest, LeaveRequest,
        PingRequest, MeetingChatSend {

  /** The request id, echoed in the answer. */
  long id();
}
