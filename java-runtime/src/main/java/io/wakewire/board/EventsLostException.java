package io.wakewire.board;

/**
 * The explicit signal that edges of a pin were lost: thrown by the next wait on the pin (a stream's
 * {@code next()}, a {@code nextEdge}) at the place in the stream where the loss happened. Catching it
 * and awaiting again continues with the edges after the loss.
 *
 * <p>The {@link Cause reason} says what happened and {@link #count()} how many edges were lost,
 * when that is known ({@link #countKnown()}): the board's ring overflowed (counted by the board), a
 * pair of edges merged in the pin's hardware (counted by the host from a same-level repeat), the
 * host buffer overflowed (counted), frames missing from the board's sequence or a frame whose
 * payload would not parse (every armed pin is concerned and the edge count is unknown; {@link
 * #frames()} says how many frames). Summing the known counts and the edges received gives the edges
 * sent exactly when no loss of unknown count was reported.
 */
public final class EventsLostException extends BoardException {

    private static final long serialVersionUID = 1L;

    /** {@link #count()} when the number of lost edges is unknown. */
    public static final long UNKNOWN = -1;

    /** The reason for a loss. */
    public enum Cause {
        /** Overflow on the board: its event ring was full; {@code count} is the board's drop count for the pin's source. */
        BOARD_RING("overflow on the board"),
        /** Sequence gap: frames missing from the board's sequence; edge count unknown, {@link #frames()} frames. */
        WIRE_FRAMES("sequence gap"),
        /** Overflow on the host: this stream's buffer was full; {@code count} edges were dropped. */
        HOST_BUFFER("overflow on the host"),
        /**
         * Merged: the pin changed twice faster than its interrupt could take the first change, so the
         * board reported one edge at the level the pin already had (a same-level repeat); {@code count}
         * edges (1 per repeat: the change in between that the pin's hardware folded away).
         */
        MERGED("merged"),
        /** A frame with a valid CRC and sequence number whose payload would not parse; edge count unknown. */
        UNPARSEABLE_FRAME("unparseable frame");

        private final String text;

        Cause(String text) {
            this.text = text;
        }

        /** Lower-case words, as in the message. */
        public String text() {
            return text;
        }
    }

    private final String pin;
    private final Cause cause;
    private final long count;
    private final long frames;

    /** A loss of {@code count} edges, or {@link #UNKNOWN}, in {@code frames} frames (0 when not about frames). */
    public EventsLostException(String board, String pin, Cause cause, long count, long frames, String detail) {
        super(board, Reason.EVENTS_LOST, pin + ": events lost (" + cause.text() + ", " + (count < 0 ? "count unknown" : count + " edge(s)")
                + (frames > 0 ? " in " + frames + " frame(s)" : "") + (detail == null ? "" : "; " + detail) + ")", null);
        this.pin = pin;
        this.cause = cause;
        this.count = count < 0 ? UNKNOWN : count;
        this.frames = frames;
    }

    public String pin() {
        return pin;
    }

    /** The reason for the loss. */
    public Cause lossCause() {
        return cause;
    }

    /** Edges lost, or {@link #UNKNOWN}; for a board ring, shared by the source's pins. */
    public long count() {
        return count;
    }

    public boolean countKnown() {
        return count >= 0;
    }

    /** Frames lost ({@link Cause#WIRE_FRAMES}) or unparseable (1); 0 for the other causes. */
    public long frames() {
        return frames;
    }
}
