package io.wakewire.sim;

/** A virtual board that could not be started, refused a command, or went away. */
public class VirtualBoardException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public VirtualBoardException(String message) {
        super(message);
    }

    public VirtualBoardException(String message, Throwable cause) {
        super(message, cause);
    }
}
