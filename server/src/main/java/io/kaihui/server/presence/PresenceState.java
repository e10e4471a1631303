package io.kaihui.server.presence;

/** A person's presence, as their friends (and their own other tabs) see it. */
public enum PresenceState {
  /** At least one socket open and not away, none in a meeting. */
  ONLINE("online"),
  /** One of their sockets is in a meeting. */
  IN_MEETING("in_meeting"),
  /** Every socket of theirs says nobody touched the page for 10 minutes. */
  AWAY("away"),
  /** No socket heard from in the last 25 s. */
  OFFLINE("offline");

  private final String code;

  PresenceState(String code) {
    this.code = code;
  }

  /** The wire name: {@code online}, {@code in_meeting}, {@code away} or {@code offline}. */
  public String code() {
    return code;
  }
}
