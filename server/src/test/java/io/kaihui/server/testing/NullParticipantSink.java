package io.kaihui.server.testing;

import io.kaihui.protocol.ServerMessage;
import io.kaihui.server.meeting.ParticipantSink;

/** A participant's connection that drops everything: for tests about who joins where. */
public final class NullParticipantSink implements ParticipantSink {

  @Override
  public void send(ServerMessage message) {}

  @Override
  public void close(String reason) {}

  @Override
  public void removed() {}
}
