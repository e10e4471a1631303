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

/** The synthetic agent answers a full ICE peer's checks, and only authentic ones. */
class ControllingIceAgentTest {

  private final List<byte[]> sent = new ArrayList<>();
  private final ControllingIceAgent agent = new ControllingIceAgent(sent::add, new SecureRandom());
  private final InetSocketAddress peer = new InetSocketAddress("10.77.0.1", 20000);

  private byte[] check(String username, String key) {
    return new StunMessageBuilder(StunMessage.BINDING, StunClass.REQUEST,
        new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
        .username(username).priority(1).iceControlled(7)
        .build(key.getBytes(StandardCharsets.UTF_8), true);
  }

  @Test
  void anAuthenticCheckGetsASuccessResponseWithTheMappedAddress() throws Exception {
    agent.start(new ServerIceParameters("peer", "peerpassword0123456789ab", "00", peer));
    byte[] request = check(agent.ufrag() + ":peer", agent.password());
    agent.onStun(request, request.length);
    assertThat(sent).hasSize(1);
    StunMessage r = StunMessage.parse(sent.get(0), 0, sent.get(0).length);
    assertThat(r.messageClass()).isEqualTo(StunClass.SUCCESS_RESPONSE);
    assertThat(r.transactionId()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    assertThat(r.xorMappedAddress()).isEqualTo(peer);
    assertThat(r.verifyMessageIntegrity(agent.password().getBytes(StandardCharsets.UTF_8)))
        .isTrue();
    assertThat(r.verifyFingerprint()).isTrue();
    assertThat(agent.checksAnswered()).isEqualTo(1);
  }

  @Test
  void wrongUsernamesKeysAndGarbageGetNoAnswer() {
    byte[] early = check(agent.ufrag() + ":peer", agent.password());
    agent.onStun(early, early.length); // before start: no peer yet
    agent.start(new ServerIceParameters("peer", "peerpassword0123456789ab", "00", peer));
    for (byte[] bad : List.of(check("nobody:peer", agent.password()),
        check(agent.ufrag() + ":peer", "not-the-password-at-all!"),
        new byte[] {0, 1, 0, 0, 0x21, 0x12, (byte) 0xA4, 0x42})) {
      agent.onStun(bad, bad.length);
    }
    assertThat(sent).isEmpty();
    assertThat(agent.checksAnswered()).isZero();
    assertThat(agent.otherStun()).isEqualTo(4);
  }
}
