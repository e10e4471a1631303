package io.kaihui.media.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Publish offers made from the one Chromium captured ({@code chromium-publish-offer.sdp} in the
 * test resources: audio and video {@code sendonly}, BUNDLE, {@code setup:actpass}, Opus 111, VP8
 * 96 with RTX 97 in an FID group), with another participant's identity put in: session id, ICE
 * ufrag and password, fingerprint, ports, SSRCs, msid and cname. Everything else stays exactly
 * as Chromium wrote it, CRLF line ends included.
 *
 * <p>Payload types can be moved, as other browsers and Chromium versions number them
 * differently: the chosen type swaps places with whatever the capture gave that number, on the
 * {@code m=}, {@code a=rtpmap}, {@code a=fmtp} and {@code a=rtcp-fb} lines of that m-section, so
 * RTX and RED keep pointing at the right codec.
 */
final class PublishOfferTemplate {

  /**
   * The values of one participant.
   *
   * @param sessionId the {@code o=} session id, 0..2^63-1
   * @param ufrag ICE ufrag
   * @param password ICE password
   * @param fingerprint SHA-256 fingerprint of the DTLS certificate
   * @param address the IPv4 address of the host candidates and connection lines
   * @param port the UDP port of the host candidates and m-lines
   * @param audioSsrc SSRC of the audio track
   * @param videoSsrc SSRC of the video track
   * @param rtxSsrc SSRC of the video track's RTX stream (FID group)
   * @param streamId the MediaStream id (msid)
   * @param audioTrackId the audio MediaStreamTrack id
   * @param videoTrackId the video MediaStreamTrack id
   * @param cname the RTCP CNAME
   * @param opusPayloadType payload type for Opus, 35..127
   * @param vp8PayloadType payload type for VP8, 35..127
   */
  record Identity(long sessionId, String ufrag, String password, String fingerprint,
      String address, int port,
      long audioSsrc, long videoSsrc, long rtxSsrc, String streamId, String audioTrackId,
      String videoTrackId, String cname, int opusPayloadType, int vp8PayloadType) {}

  static final String RESOURCE = "/io/kaihui/media/sdp/chromium-publish-offer.sdp";

  private static final String TEMPLATE = read();
  private static final Pattern CODEC_LINE =
      Pattern.compile("^(m=|a=rtpmap:|a=fmtp:|a=rtcp-fb:).*$", Pattern.MULTILINE);

  private PublishOfferTemplate() {}

  /** The captured offer, unchanged. */
  static String captured() {
    return TEMPLATE;
  }

  /**
   * Makes the offer of one participant.
   *
   * @throws IllegalArgumentException if a payload type is outside 35..127 (lower numbers
   *     collide with the capture's extmap ids, ports and such in this simple rewrite)
   */
  static String offer(Identity id) {
    int videoStart = TEMPLATE.indexOf("m=video");
    String audio = swapPayloadTypes(TEMPLATE.substring(0, videoStart), 111, id.opusPayloadType());
    String video = swapPayloadTypes(TEMPLATE.substring(videoStart), 96, id.vp8PayloadType());
    String sdp = audio + video;
    sdp = replace(sdp, "o=- 5148405364606390010 ", "o=- " + id.sessionId() + " ");
    sdp = replace(sdp, "a=ice-ufrag:w8RY", "a=ice-ufrag:" + id.ufrag());
    sdp = replace(sdp, "a=ice-pwd:CvVj2BO3XkCcF72ezCHkHjoo", "a=ice-pwd:" + id.password());
    sdp = replace(sdp, "40:5D:B7:79:FD:86:90:EB:8B:FE:E2:53:62:39:61:15:F8:9C:85:33:F3:0D:AD:76"
        + ":72:0C:F0:22:48:F9:46:A5", id.fingerprint());
    sdp = replace(sdp, " 35445 ", " " + id.port() + " ");
    sdp = replace(sdp, " 51784 ", " " + id.port() + " ");
    sdp = replace(sdp, "127.0.0.1", id.address());
    sdp = replace(sdp, "3972950970", Long.toString(id.audioSsrc()));
    sdp = replace(sdp, "3058461377", Long.toString(id.videoSsrc()));
    sdp = replace(sdp, "3336897830", Long.toString(id.rtxSsrc()));
    sdp = replace(sdp, "bbd63beb-9855-4222-94dc-309fdcfabe6e", id.streamId());
    sdp = replace(sdp, "e0751e24-99d0-4898-b335-7ea933145f69", id.audioTrackId());
    sdp = replace(sdp, "5bb272f1-9b60-4bd4-93b9-1046051b1524", id.videoTrackId());
    return replace(sdp, "pTDeD2WgqnUi8G/T", id.cname());
  }

  private static String swapPayloadTypes(String section, int captured, int wanted) {
    if (wanted < 35 || wanted > 127) {
      throw new IllegalArgumentException("payload type " + wanted + " outside 35..127");
    }
    if (wanted == captured) {
      return section;
    }
    Pattern either = Pattern.compile("\\b(" + captured + "|" + wanted + ")\\b");
    Matcher lines = CODEC_LINE.matcher(section);
    StringBuilder out = new StringBuilder();
    while (lines.find()) {
      String swapped = either.matcher(lines.group()).replaceAll(r ->
          r.group(1).equals(Integer.toString(captured)) ? Integer.toString(wanted)
              : Integer.toString(captured));
      lines.appendReplacement(out, Matcher.quoteReplacement(swapped));
    }
    lines.appendTail(out);
    return out.toString();
  }

  private static String replace(String sdp, String from, String to) {
    if (!sdp.contains(from)) {
      throw new IllegalStateException("the capture " + RESOURCE + " no longer contains " + from);
    }
    return sdp.replace(from, to);
  }

  private static String read() {
    try (InputStream in = PublishOfferTemplate.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
