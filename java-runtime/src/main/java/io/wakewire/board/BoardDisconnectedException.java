package io.wakewire.board;

/**
 * The board went away while something waited on it, or is not connected: its {@link #reason()}
 * says how (the link ended, the heartbeat found it silent, it reset, it was closed, no HELLO at
 * connect, the port would not open). Every future that waits on the board fails with this within
 * one heartbeat period; with reconnect enabled, new requests work again once the session is back.
 */
public sealed class BoardDisconnectedException extends BoardException permits BoardResetException {

    private static final long serialVersionUID = 1L;

    /** {@code reason} must be one of the {@linkplain Reason#isDisconnect() disconnect reasons}. */
    public BoardDisconnectedException(String board, Reason reason, String why, Throwable cause) {
        super(board, check(reason), "disconnected: " + why, cause);
    }

    private static Reason check(Reason r) {
        if (r == null || !r.isDisconnect()) {
            throw new IllegalArgumentException("not a disconnect reason: " + r);
        }
        return r;
    }
}
