package io.kaihui.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.stun.StunClass;
import io.kaihui.media.stun.StunMessage;
import io.kaihui.media.stun.StunMessageBuilder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The synthetic agent checks in either role and answers a full ICE peer's checks, only
 * authentic ones, from wherever they come.
 */
class IceAgentTest {

  private record Sent(byte[] datagram, InetSocketAddress to) {
    StunMessage parsed() throws Exception {
      return StunMessage.parse(datagram, 0, datagram.length);
    }
  }

  private final List<Sent> sent = new ArrayList<>();
  private final IceAgent agent =
      new IceAgent((d, to) -> sent.add(new Sent(d, to)), new SecureRandom());
  private final InetSocketAddress peer = new InetSocketAddress("10.77.0.1", 20000);
  private final ServerIceParameters peerParameters =
      new ServerIceParameters("peer", "peerpassword0123456789ab", "00", peer);

  private byte[] check(String username, String key) {
    return new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST,
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
        .username(username).priority(1).iceControlled(7)
        .build(key.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void anAuthenticCheckGetsASuccessResponseWithTheMappedAddress() throws Exception {
    agent.start(peerParameters, IceAgent.Role.CONTROLLING);
    byte[] request = check(agent.ufrag() + ":peer", agent.password());
    agent.onStun(request, request.length, peer);
    assertThat(sent).hasSize(1);
    StunMessage r = sent.get(0).parsed();
    assertThat(sent.get(0).to()).isEqualTo(peer);
    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(r.transactionId()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(r.xorMappedAddress()).isEqualTo(peer);
    assertThat(r.verifyMessageIntegrity(agent.password().getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(r.verifyFingerprint()).isTrue();
    assertThat(agent.checksAnswered()).isEqualTo(1);
  }

  @Test
  void aCheckBeforeThePeersDescriptionIsAnsweredToItsSource() throws Exception {
    InetSocketAddress reflexive = new InetSocketAddress("10.77.0.1", 31000);
    byte[] early = check(agent.ufrag() + ":janus", agent.password());
    agent.onStun(early, early.length, reflexive);
    assertThat(sent).hasSize(1);
    assertThat(sent.get(0).to()).isEqualTo(reflexive);
    assertThat(sent.get(0).parsed().xorMappedAddress()).isEqualTo(reflexive);
    assertThat(agent.checksAnswered()).isEqualTo(1);
  }

  @Test
  void wrongUsernamesKeysAndGarbageGetNoAnswer() {
    for (byte[] bad : List.of(check("nobody:peer", agent.password()),
        check(agent.ufrag() + ":", agent.password()))) {
      agent.onStun(bad, bad.length, peer); // before start
    }
    agent.start(peerParameters, IceAgent.Role.CONTROLLING);
    for (byte[] bad : List.of(check("nobody:peer", agent.password()),
        check(agent.ufrag() + ":someone-else", agent.password()),
        check(agent.ufrag() + ":peer", "not-the-password-at-all!"),
        new byte[] {0, 1, 0, 0, 0x21, 0x12, (byte) 0xA4, 0x42})) {
      agent.onStun(bad, bad.length, peer);
    }
    assertThat(sent).isEmpty();
    assertThat(agent.checksAnswered()).isZero();
    assertThat(agent.otherStun()).isEqualTo(6);
  }

  @Test
  void aControllingAgentNominatesAndAControlledOneDoesNot() throws Exception {
    agent.start(peerParameters, IceAgent.Role.CONTROLLING);
    agent.tick();
    StunMessage controlling = sent.get(0).parsed();
    assertThat(controlling.iceControlling()).isTrue();
    assertThat(controlling.useCandidate()).isTrue();
    assertThat(controlling.username()).isEqualTo("peer:" + agent.ufrag());
    assertThat(sent.get(0).to()).isEqualTo(peer);

    IceAgent controlled = new IceAgent((d, to) -> sent.add(new Sent(d, to)), new SecureRandom());
    controlled.start(peerParameters, IceAgent.Role.CONTROLLED);
    controlled.tick();
    StunMessage check = sent.get(1).parsed();
    assertThat(check.iceControlled()).isTrue();
    assertThat(check.iceControlling()).isFalse();
    assertThat(check.useCandidate()).isFalse();
    assertThat(check.verifyMessageIntegrity(
        "peerpassword0123456789ab".getBytes(StandardCharsets.UTF_8))).isTrue();
  }

  @Test
  void aSuccessFromAnotherAddressDoesNotConnect() throws Exception {
    agent.start(peerParameters, IceAgent.Role.CONTROLLED);
    agent.tick();
    StunMessage check = sent.get(0).parsed();
    byte[] key = "peerpassword0123456789ab".getBytes(StandardCharsets.UTF_8);
    byte[] response = new StunMessageBuilder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
        check.transactionId()).xorMappedAddress(peer).build(key, true);
    agent.onStun(response, response.length, new InetSocketAddress("10.77.0.9", 20000));
    assertThat(agent.connected()).isNotDone();
    agent.tick();
    check = sent.get(1).parsed();
    response = new StunMessageBuilder(StunMessage.BINDING, StunClass.SUCCESS_RESPONSE,
        check.transactionId()).xorMappedAddress(peer).build(key, true);
    agent.onStun(response, response.length, peer);
    assertThat(agent.connected()).isCompleted();
    assertThat(agent.successes()).isEqualTo(1);
  }
}
