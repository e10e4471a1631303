/**
 * The signaling protocol between the browser and the server: one WebSocket per client at
 * {@code /ws}, carrying JSON text frames. Each frame is one message with a {@code type} field.
 *
 * <p>The client sends {@link io.kaihui.protocol.ClientMessage requests}; each carries an
 * {@code id} (a positive integer chosen by the client) and is answered by exactly one
 * {@link io.kaihui.protocol.ServerMessage server message} with the same {@code id}: its result
 * or an {@link io.kaihui.protocol.ErrorResponse}. The server also sends events, which carry no
 * {@code id}. {@code docs/protocol.md} shows every message with an example; the web client's
 * TypeScript types are generated from these records at build time.
 */
package io.kaihui.protocol;
