package io.kaihui.server.account;

import io.kaihui.server.session.IssuedSession;

/**
 * A successful sign-in.
 *
 * @param user the account
 * @param issued the new session with its token (given to the client once) and the sessions this
 *     sign-in ended, whose WebSockets must close
 */
public record LoginResult(User user, IssuedSession issued) {}
