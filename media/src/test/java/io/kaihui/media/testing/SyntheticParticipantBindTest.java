package io.kaihui.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.testing.LoopbackMeeting.Member;
import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A synthetic participant bound to another address than 127.0.0.1 announces that address and
 * meets one on 127.0.0.1 through the SFU: the way the load generator reaches a server that
 * ignores loopback.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SyntheticParticipantBindTest {

  private static final Duration WAIT = Duration.ofSeconds(15);

  @RegisterExtension
  final LoopbackSfu sfu = new LoopbackSfu();

  @Test
  void aParticipantOnAnotherLoopbackAddressSendsAndReceives() throws Exception {
    SyntheticParticipant.Options options = SyntheticParticipant.Options.chromium();
    Member a = sfu.meeting().join(new SyntheticParticipant("a", options));
    sfu.meeting().publish(a);
    a.participant().startMedia();
    Member b = sfu.meeting().join(new SyntheticParticipant("b",
        options.withBind(InetAddress.getByName("127.0.0.2"))));
    sfu.meeting().publish(b);
    b.participant().startMedia();

    assertThat(b.participant().publishConnection().localHost()).isEqualTo("127.0.0.2");
    assertThat(b.participant().createPublishOffer())
        .contains("127.0.0.2 " + b.participant().publishConnection().localPort() + " typ host")
        .doesNotContain("127.0.0.1");
    for (Member receiver : new Member[] {a, b}) {
      Await.until(WAIT, () -> receiver.id() + " receives the other's audio and video",
          () -> receiver.participant().subscribeConnection().streams().values().stream()
              .filter(s -> s.packets() > 5).count() >= 2);
    }
  }
}
