package io.wakewire.board;

/**
 * The board went away while something waited on it: the link ended (unplugged, EIO, its process
 * killed), the heartbeat found it silent, or it reset (a new HELLO mid-stream). Every future that
 * waits on the board fails with this within one heartbeat period; with reconnect enabled, new
 * requests work again once the session is back.
 */
public class BoardDisconnectedException extends BoardException {

    private static final long serialVersionUID = 1L;

    public BoardDisconnectedException(String board, String why, Throwable cause) {
        super(board, "disconnected: " + why, cause);
    }
}
