package io.kaihui.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two synthetic PeerConnections connect to each other as two full ICE agents do, the way the
 * benchmark's participant meets Janus: the offerer controls ICE and, because the answerer said
 * {@code a=setup:active}, is the DTLS server; the answerer is controlled and the DTLS client, and
 * starts checking before the offerer knows its address (its first checks arrive from a
 * peer-reflexive source and are answered all the same).
 */
class FullAgentRolesTest {

  private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @Test
  void anOffererAndAFullAgentAnswererConnectWithSwappedDtlsRoles() throws Exception {
    try (SyntheticPeerConnection offerer = new SyntheticPeerConnection("offerer", scheduler);
        SyntheticPeerConnection answerer = new SyntheticPeerConnection("answerer", scheduler)) {
      // The answerer has the offer and starts at once; the offerer reads the answer later.
      answerer.connect(new ServerIceParameters(offerer.localUfrag(), offerer.localPassword(),
          offerer.fingerprint(), offerer.localAddress(), false, false), false);
      Thread.sleep(300);
      assertThat(offerer.checksAnswered())
          .as("checks that came before the offerer knew the answerer")
          .isPositive();
      offerer.connect(new ServerIceParameters(answerer.localUfrag(), answerer.localPassword(),
          answerer.fingerprint(), answerer.localAddress(), false, true), true);

      offerer.awaitConnected(Duration.ofSeconds(10));
      answerer.awaitConnected(Duration.ofSeconds(10));
      byte[] rtp = new byte[12 + 40];
      int[] sequence = {7};
      Await.until(Duration.ofSeconds(5), "RTP from the DTLS server's side", () -> {
        RtpTag.writeHeader(rtp, 96, false, sequence[0]++, 9000, 0x1234);
        offerer.sendRtp(rtp, 0, rtp.length);
        return answerer.stream(0x1234) != null;
      });
      assertThat(answerer.stream(0x1234).packets()).isPositive();
      assertThat(answerer.srtpFailures()).isZero();
      assertThat(offerer.stunSuccesses()).isPositive();
      assertThat(answerer.stunSuccesses()).isPositive();
      assertThat(offerer.datagramsFromStrangers()).isZero();
      assertThat(offerer.receiveError()).isNull();
      assertThat(answerer.receiveError()).isNull();
    }
  }
}
