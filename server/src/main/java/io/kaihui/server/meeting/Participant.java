package io.kaihui.server.meeting;

import io.kaihui.media.WebRtcTransport;
import io.kaihui.protocol.ParticipantInfo;

/**
 * One person in one {@link Meeting}: their name and microphone/camera state, their signaling
 * connection and their two transports (publish: they send; subscribe: they receive). Guarded by
 * the meeting's lock.
 */
public final class Participant {

  private final String id;
  private final Attendee attendee;
  private final boolean host;
  private final ParticipantSink sink;
  private boolean audioMuted;
  private boolean videoMuted;
  private WebRtcTransport publishTransport;
  private WebRtcTransport subscribeTransport;
  private boolean left;

  Participant(String id, Attendee attendee, boolean host, ParticipantSink sink,
      boolean audioMuted, boolean videoMuted) {
    this.id = id;
    this.attendee = attendee;
    this.host = host;
    this.sink = sink;
    this.audioMuted = audioMuted;
    this.videoMuted = videoMuted;
  }

  /** The participant id, also the msid stream id of their tracks. */
  public String id() {
    return id;
  }

  /** The name shown to others. */
  public String displayName() {
    return attendee.displayName();
  }

  /** The account (or guest) behind this participant. */
  public Attendee attendee() {
    return attendee;
  }

  /** Whether this participant is the meeting's host. */
  public boolean isHost() {
    return host;
  }

  /** Whether they left (or were removed). */
  public boolean hasLeft() {
    return left;
  }

  /** What others are told about this participant. */
  public ParticipantInfo info() {
    return new ParticipantInfo(id, attendee.displayName(), audioMuted, videoMuted, host,
        attendee.isGuest(), attendee.avatarUrl());
  }

  ParticipantSink sink() {
    return sink;
  }

  void setMuted(boolean audio, boolean video) {
    audioMuted = audio;
    videoMuted = video;
  }

  WebRtcTransport publishTransport() {
    return publishTransport;
  }

  WebRtcTransport subscribeTransport() {
    return subscribeTransport;
  }

  void setTransports(WebRtcTransport publish, WebRtcTransport subscribe) {
    this.publishTransport = publish;
    this.subscribeTransport = subscribe;
  }

  void markLeft() {
    left = true;
  }
}
