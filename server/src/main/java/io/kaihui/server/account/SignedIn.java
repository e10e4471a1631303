package io.kaihui.server.account;

import io.kaihui.server.session.Session;

/**
 * Who a request comes from, found by its session token.
 *
 * @param user the account
 * @param session the live session the token belongs to
 */
public record SignedIn(User user, Session session) {}
