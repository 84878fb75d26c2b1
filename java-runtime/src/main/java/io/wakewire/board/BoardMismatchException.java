package io.wakewire.board;

/**
 * The board answered the handshake but is not what the config says: another protocol version,
 * another MCU signature. Not retried: flashing the right firmware or choosing the right board
 * config is the fix, and the message says which.
 */
public final class BoardMismatchException extends BoardException {

    private static final long serialVersionUID = 1L;

    public BoardMismatchException(String board, String message) {
        super(board, Reason.MISMATCH, message, null);
    }
}
