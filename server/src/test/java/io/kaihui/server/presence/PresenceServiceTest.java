package io.kaihui.server.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresenceServiceTest {

  private final PresenceService<Object> presence = new PresenceService<>();
  private final List<String> heard = new ArrayList<>();

  {
    presence.addListener((user, state, sockets) ->
        heard.add(user + ":" + state.code() + ":" + sockets.size()));
  }

  @Test
  void aPersonIsOfflineUntilASocketOpensAndAfterTheLastCloses() {
    Object tab = new Object();
    assertThat(presence.stateOf(1)).isEqualTo(PresenceState.OFFLINE);
    assertThat(presence.update(1, tab, false, false)).as("a change").isTrue();
    assertThat(presence.update(1, tab, false, false)).as("no change").isFalse();
    assertThat(presence.stateOf(1)).isEqualTo(PresenceState.ONLINE);
    assertThat(presence.onlineCount()).isEqualTo(1);
    presence.remove(1, tab);
    presence.remove(1, tab);
    assertThat(presence.stateOf(1)).isEqualTo(PresenceState.OFFLINE);
    assertThat(presence.onlineCount()).isZero();
    assertThat(heard).containsExactly("1:online:1", "1:offline:0");
  }

  @Test
  void aMeetingWinsOverAwayAndAwayNeedsEverySocket() {
    Object laptop = new Object();
    Object phone = new Object();
    presence.update(2, laptop, false, true);
    assertThat(presence.stateOf(2)).isEqualTo(PresenceState.AWAY);
    presence.update(2, phone, false, false);
    assertThat(presence.stateOf(2)).isEqualTo(PresenceState.ONLINE);
    presence.update(2, phone, false, true);
    assertThat(presence.stateOf(2)).isEqualTo(PresenceState.AWAY);
    presence.update(2, laptop, true, true);
    assertThat(presence.stateOf(2)).isEqualTo(PresenceState.IN_MEETING);
    // The same state again is no change.
    presence.update(2, phone, false, false);
    presence.remove(2, laptop);
    assertThat(presence.stateOf(2)).isEqualTo(PresenceState.ONLINE);
    assertThat(heard).containsExactly("2:away:1", "2:online:2", "2:away:2", "2:in_meeting:2",
        "2:online:1");
    // Someone else's sockets change nothing of person 2.
    presence.update(3, new Object(), true, false);
    assertThat(presence.stateOf(2)).isEqualTo(PresenceState.ONLINE);
  }
}
