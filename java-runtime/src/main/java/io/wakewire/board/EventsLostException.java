package io.wakewire.board;

/**
 * The explicit signal that edges of a pin were lost: thrown by the next wait on the pin (a stream's
 * {@code next()}, a {@code nextEdge}) at the place in the stream where the loss happened. Causes:
 * the board's ring was full (a LOST record of the pin's drop source), frames were lost on the wire
 * (a gap in the board's sequence numbers: every armed pin is concerned, the count is unknown), or
 * the host-side buffer of a stream overflowed. Catching it and awaiting again continues with the
 * edges after the loss.
 */
public final class EventsLostException extends BoardException {

    private static final long serialVersionUID = 1L;

    /** The cause of a loss. */
    public enum Cause {
        /** The board's event ring was full; {@code count} is the board's drop count for the pin's source. */
        BOARD_RING,
        /** Frames missing from the board's sequence; {@code count} is the number of frames, not edges. */
        WIRE_FRAMES,
        /** This stream's buffer on the host was full; {@code count} edges were dropped. */
        HOST_BUFFER
    }

    private final String pin;
    private final Cause cause;
    private final long count;

    public EventsLostException(String board, String pin, Cause cause, long count, String detail) {
        super(board, pin + ": events lost (" + cause.name().toLowerCase(java.util.Locale.ROOT) + ", " + count
                + (cause == Cause.WIRE_FRAMES ? " frame(s)" : " event(s)") + (detail == null ? "" : "; " + detail) + ")");
        this.pin = pin;
        this.cause = cause;
        this.count = count;
    }

    public String pin() {
        return pin;
    }

    public Cause lossCause() {
        return cause;
    }

    /** Edges (board ring, host buffer) or frames (wire) lost; for a board ring, shared by the source's pins. */
    public long count() {
        return count;
    }
}
