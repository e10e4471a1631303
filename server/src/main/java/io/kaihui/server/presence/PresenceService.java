package io.kaihui.server.presence;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every signed-in person's presence, from what their open sockets say: a person with no socket
 * is {@link PresenceState#OFFLINE}; with one in a meeting, {@link PresenceState#IN_MEETING};
 * with every socket away, {@link PresenceState#AWAY}; else {@link PresenceState#ONLINE}. Kept in
 * memory: a restarted server starts with everyone offline, and the clients' reconnects bring
 * them back within seconds.
 *
 * <p>Listeners hear each change once, in order, on the thread that caused it, under this
 * service's lock: they must not block.
 */
public final class PresenceService {

  /** Hears presence changes. */
  public interface Listener {
    /**
     * A person's presence changed.
     *
     * @param userId whose
     * @param state the new state
     */
    void onPresenceChanged(long userId, PresenceState state);
  }

  private record SocketState(boolean inMeeting, boolean away) {}

  private final Map<Long, Map<Object, SocketState>> sockets = new HashMap<>();
  private final Map<Long, PresenceState> states = new HashMap<>();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener. */
  public void addListener(Listener listener) {
    listeners.add(listener);
  }

  /**
   * Records what one of a person's sockets says (adding it if new).
   *
   * @param userId the person's account id
   * @param socket the socket, compared by identity
   * @param inMeeting whether it is in a meeting
   * @param away whether its page has been untouched for 10 minutes
   */
  public synchronized void update(long userId, Object socket, boolean inMeeting, boolean away) {
    sockets.computeIfAbsent(userId, k -> new HashMap<>())
        .put(socket, new SocketState(inMeeting, away));
    changed(userId);
  }

  /**
   * Forgets a socket that closed or went silent.
   *
   * @param userId the person's account id
   * @param socket the socket
   */
  public synchronized void remove(long userId, Object socket) {
    Map<Object, SocketState> of = sockets.get(userId);
    if (of != null && of.remove(socket) != null) {
      if (of.isEmpty()) {
        sockets.remove(userId);
      }
      changed(userId);
    }
  }

  /** A person's presence now. */
  public synchronized PresenceState stateOf(long userId) {
    return states.getOrDefault(userId, PresenceState.OFFLINE);
  }

  /** How many people are not offline. */
  public synchronized int onlineCount() {
    return states.size();
  }

  private void changed(long userId) {
    PresenceState now = compute(sockets.get(userId));
    PresenceState before = states.getOrDefault(userId, PresenceState.OFFLINE);
    if (now == PresenceState.OFFLINE) {
      states.remove(userId);
    } else {
      states.put(userId, now);
    }
    if (now != before) {
      for (Listener l : listeners) {
        l.onPresenceChanged(userId, now);
      }
    }
  }

  private static PresenceState compute(Map<Object, SocketState> of) {
    if (of == null || of.isEmpty()) {
      return PresenceState.OFFLINE;
    }
    boolean allAway = true;
    for (SocketState s : of.values()) {
      if (s.inMeeting()) {
        return PresenceState.IN_MEETING;
      }
      allAway &= s.away();
    }
    return allAway ? PresenceState.AWAY : PresenceState.ONLINE;
  }
}
