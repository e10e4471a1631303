package io.kaihui.media.sdp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The SDP captured from Chromium (and the hand-written server offer) under test resources. */
final class Captures {

  static final String PUBLISH_OFFER = "chromium-publish-offer.sdp";
  static final String PUBLISH_OFFER_SIMULCAST = "chromium-publish-offer-simulcast.sdp";
  static final String SUBSCRIBE_ANSWER = "chromium-subscribe-answer.sdp";
  static final String SERVER_SUBSCRIBE_OFFER = "server-subscribe-offer.sdp";
  static final String DATACHANNEL_OFFER = "chromium-datachannel-offer.sdp";
  static final String AUDIO_OFFER = "chromium-audio-offer.sdp";

  static final List<String> ALL =
      List.of(
          PUBLISH_OFFER,
          PUBLISH_OFFER_SIMULCAST,
          SUBSCRIBE_ANSWER,
          SERVER_SUBSCRIBE_OFFER,
          DATACHANNEL_OFFER,
          AUDIO_OFFER);

  private Captures() {}

  /** The text of one capture, exactly as stored (CRLF line ends). */
  static String read(String name) {
    try (InputStream in = Captures.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses one capture; a capture that does not parse fails the test. */
  static SessionDescription parse(String name) {
    try {
      return SessionDescription.parse(read(name));
    } catch (SdpParseException e) {
      throw new AssertionError(name + ": " + e.getMessage(), e);
    }
  }
}
