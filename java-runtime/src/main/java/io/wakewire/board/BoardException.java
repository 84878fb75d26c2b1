package io.wakewire.board;

/** The common type of every failure a board reports or a session detects; the message names the board. */
public class BoardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String board;

    public BoardException(String board, String message) {
        super(board + ": " + message);
        this.board = board;
    }

    public BoardException(String board, String message, Throwable cause) {
        super(board + ": " + message, cause);
        this.board = board;
    }

    /** The board's name (its label in the session, e.g. "uno@/dev/ttyACM0"). */
    public String board() {
        return board;
    }
}
