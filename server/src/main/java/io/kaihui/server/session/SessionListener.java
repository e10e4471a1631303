package io.kaihui.server.session;

import java.util.List;

/**
 * Told when sessions end early, so the signaling layer can close their WebSockets at once and
 * say why. Called after the change is committed, on the thread that made it; an implementation
 * must not block and must not throw (a throw is logged and the other listeners still run).
 */
public interface SessionListener {

  /**
   * Some sessions were revoked.
   *
   * @param sessions the sessions, as stored after revocation (never empty)
   * @param reason why
   */
  void onSessionsRevoked(List<Session> sessions, RevocationReason reason);
}
