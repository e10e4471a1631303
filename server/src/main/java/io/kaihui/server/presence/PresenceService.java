package io.kaihui.server.presence;

import java.util.HashMap;
import java.util.List;
import java.util.Set;
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
 *
 * @param <S> the type of a socket, compared by identity
 */
public final class PresenceService<S> {

  /**
   * Hears presence changes.
   *
   * @param <S> the type of a socket
   */
  public interface Listener<S> {
    /**
     * A person's presence changed.
     *
     * @param userId whose
     * @param state the new state
     * @param sockets the person's sockets now (none when offline)
     */
    void onPresenceChanged(long userId, PresenceState state, Set<S> sockets);
  }

  private record SocketState(boolean inMeeting, boolean away) {}

  private final Map<Long, Map<S, SocketState>> sockets = new HashMap<>();
  private final Map<Long, PresenceState> states = new HashMap<>();
  private final List<Listener<S>> listeners = new CopyOnWriteArrayList<>();

  /** Adds a listener. */
  public void addListener(Listener<S> listener) {
    listeners.add(listener);
  }

  /**
   * Records what one of a person's sockets says (adding it if new).
   *
   * @param userId the person's account id
   * @param socket the socket, compared by identity
   * @param inMeeting whether it is in a meeting
   * @param away whether its page has been untouched for 10 minutes
   * @return whether the person's presence changed (and the listeners were told)
   */
  public synchronized boolean update(long userId, S socket, boolean inMeeting, boolean away) {
    sockets.computeIfAbsent(userId, k -> new HashMap<>())
        .put(socket, new SocketState(inMeeting, away));
    return changed(userId);
  }

  /**
   * Forgets a socket that closed or went silent.
   *
   * @param userId the person's account id
   * @param socket the socket
   */
  public synchronized void remove(long userId, S socket) {
    Map<S, SocketState> of = sockets.get(userId);
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

  /** A person's open sockets now; none when they are offline. */
  public synchronized Set<S> socketsOf(long userId) {
    Map<S, SocketState> of = sockets.get(userId);
    return of == null ? Set.of() : Set.copyOf(of.keySet());
  }

  /** How many people are not offline. */
  public synchronized int onlineCount() {
    return states.size();
  }

  private boolean changed(long userId) {
    Map<S, SocketState> of = sockets.get(userId);
    PresenceState now = compute(of);
    PresenceState before = states.getOrDefault(userId, PresenceState.OFFLINE);
    if (now == PresenceState.OFFLINE) {
      states.remove(userId);
    } else {
      states.put(userId, now);
    }
    if (now == before) {
      return false;
    }
    Set<S> current = of == null ? Set.of() : Set.copyOf(of.keySet());
    for (Listener<S> l : listeners) {
      l.onPresenceChanged(userId, now, current);
    }
    return true;
  }

  private static <S> PresenceState compute(Map<S, SocketState> of) {
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
