package io.kaihui.media.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.kaihui.media.MediaKind;
import io.kaihui.media.sdp.Direction;
import io.kaihui.media.sdp.Fingerprint;
import io.kaihui.media.sdp.Group;
import io.kaihui.media.sdp.MediaDescription;
import io.kaihui.media.sdp.SessionDescription;
import io.kaihui.media.sdp.Setup;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

/**
 * {@link SubscribeAnswerWriter} and {@link PublishOfferTemplate} against the SDP of the test
 * resources: the synthetic browser writes what Chromium wrote, with its own identity.
 */
class SubscribeAnswerWriterTest {

  @Test
  void answersTheServersSubscribeOfferAsChromiumDid() throws Exception {
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    try (SyntheticPeerConnection pc = new SyntheticPeerConnection("writer", scheduler)) {
      SubscribeAnswerWriter.Answer answer =
          SubscribeAnswerWriter.answer(resource("server-subscribe-offer.sdp"), pc, 42, 2);
      SessionDescription sdp = SessionDescription.parse(answer.sdp());

      assertThat(sdp.group(Group.BUNDLE)).isEqualTo(new Group(Group.BUNDLE,
          java.util.List.of("0", "1")));
      for (MediaDescription m : sdp.media()) {
        assertThat(sdp.direction(m)).isEqualTo(Direction.RECVONLY);
        assertThat(sdp.setup(m)).isEqualTo(Setup.ACTIVE);
        assertThat(sdp.iceUfrag(m)).isEqualTo(pc.localUfrag());
        assertThat(sdp.icePwd(m)).isEqualTo(pc.localPassword());
        assertThat(sdp.fingerprint(m)).isEqualTo(new Fingerprint("sha-256", pc.fingerprint()));
        assertThat(m.rtcpMux()).isTrue();
      }
      assertThat(sdp.media("0").formats()).containsExactly("111");
      assertThat(sdp.media("1").formats()).containsExactly("96");
      assertThat(sdp.media("0").candidates()).singleElement()
          .satisfies(c -> assertThat(c.port()).isEqualTo(pc.localPort()));
      assertThat(answer.tracks()).containsExactly(
          new OfferedTrack("0", MediaKind.AUDIO, 1001, 111, "kaihui-p1", "kaihui-p1-audio", true),
          new OfferedTrack("1", MediaKind.VIDEO, 2001, 96, "kaihui-p1", "kaihui-p1-video", true));
      assertThat(answer.server()).isEqualTo(new ServerIceParameters("kh7Qz1vE",
          "Yp0c2sM9vKq3tRw8nB5xLd7f", "6B:8B:F0:65:5F:78:E2:51:3B:AC:6F:F3:3F:46:1B:35:DC:B8"
              + ":5F:64:1A:24:C2:43:F0:A1:58:D0:A1:2C:19:08",
          new InetSocketAddress("127.0.0.1", 10000)));
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void publishOffersCarryTheirOwnIdentityAndConsistentPayloadTypes() throws Exception {
    PublishOfferTemplate.Identity id = new PublishOfferTemplate.Identity(77, "Ab/+",
        "abcdefghijklmnopqrstuvwx", "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33"
        + ":44:55:66:77:88:99:AA:BB:CC:DD:EE:FF", "10.77.0.2", 4242, 11, 22, 33, "stream",
        "audio-track",
        "video-track", "cname", 63, 98);
    String offer = PublishOfferTemplate.offer(id);
    SessionDescription sdp = SessionDescription.parse(offer);

    for (String old : new String[] {"w8RY", "CvVj2BO3", "40:5D:B7", "3972950970", "3058461377",
        "3336897830", "bbd63beb", "e0751e24", "5bb272f1", "pTDeD2Wg", "35445", "51784"}) {
      assertThat(offer).as(old).doesNotContain(old);
    }
    assertThat(offer).doesNotContain("127.0.0.1");
    assertThat(sdp.media("0").candidates()).allSatisfy(c ->
        assertThat(c.address()).isEqualTo("10.77.0.2"));
    MediaDescription audio = sdp.media("0");
    MediaDescription video = sdp.media("1");
    assertThat(sdp.iceUfrag(audio)).isEqualTo("Ab/+");
    assertThat(audio.port()).isEqualTo(4242);
    assertThat(audio.rtpMap(63).encodingName()).isEqualTo("opus");
    assertThat(audio.rtpMap(111).encodingName()).isEqualTo("red");
    assertThat(audio.fmtp(111)).isEqualTo("63/63");
    assertThat(audio.formats()).startsWith("63", "111");
    assertThat(video.rtpMap(98).encodingName()).isEqualTo("VP8");
    assertThat(video.rtpMap(96).encodingName()).isEqualTo("VP9");
    assertThat(video.fmtp(97)).isEqualTo("apt=98");
    assertThat(video.fmtp(99)).isEqualTo("apt=96");
    assertThat(video.ssrcGroups().getFirst().ssrcs()).containsExactly(22L, 33L);
    assertThat(audio.msid().trackId()).isEqualTo("audio-track");
    String chromiumNumbering = PublishOfferTemplate.offer(new PublishOfferTemplate.Identity(77,
        "Ab/+", "abcdefghijklmnopqrstuvwx", id.fingerprint(), "127.0.0.1", 4242, 11, 22, 33,
        "stream",
        "audio-track", "video-track", "cname", 111, 96));
    assertThat(codecLines(chromiumNumbering))
        .as("Chromium's own numbering leaves the capture's codec lines alone")
        .isEqualTo(codecLines(PublishOfferTemplate.captured()));
  }

  private static java.util.List<String> codecLines(String sdp) {
    return sdp.lines().filter(l -> l.startsWith("a=rtpmap:") || l.startsWith("a=fmtp:")
        || l.startsWith("a=rtcp-fb:")).toList();
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = SubscribeAnswerWriterTest.class.getResourceAsStream(
        "/io/kaihui/media/sdp/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
