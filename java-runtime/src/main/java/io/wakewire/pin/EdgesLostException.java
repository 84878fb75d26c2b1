package io.wakewire.pin;

/**
 * The explicit signal that edges of a pin were lost, for board and Pi pins alike: thrown by the
 * next wait on the pin (a stream's {@code next()}, a {@code nextEdge}) at the place in the stream
 * where the loss happened. Catching it and awaiting again continues with the edges after the loss.
 *
 * <p>The {@link Reason} says what happened and {@link #count()} how many edges were lost when that
 * is known ({@link #countKnown()}). Summing the known counts and the edges received gives the
 * edges sent exactly when no loss of unknown count was reported.
 */
public final class EdgesLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@link #count()} when the number of lost edges is unknown. */
    public static final long UNKNOWN = -1;

    /** Why edges were lost. */
    public enum Reason {
        /**
         * The board dropped edges and said so: its event ring was full, or a pin-change interrupt
         * found no pin changed (a change and its return both passed before it read the port: two
         * drops, PROTOCOL.md section 3); {@code count} is the board's drop count for the pin's drop source.
         */
        BOARD_OVERFLOW("overflow on the board"),
        /** Frames missing from the board's sequence; edge count unknown, {@link #frames()} frames. */
        SEQUENCE_GAP("sequence gap"),
        /** The host's buffer for this wait or stream (a board stream's, a Pi pin's) was full; {@code count} dropped. */
        HOST_OVERFLOW("overflow on the host"),
        /**
         * The pin changed twice faster than its interrupt could take the first change, so the board
         * reported one edge at the level the pin already had; {@code count} edges (1 per repeat).
         */
        MERGED("merged"),
        /** A board frame with a valid CRC and sequence number whose payload would not parse; count unknown. */
        UNPARSEABLE_FRAME("unparseable frame");

        private final String text;

        Reason(String text) {
            this.text = text;
        }

        /** Lower-case words, as in the message. */
        public String text() {
            return text;
        }
    }

    private final String source;
    private final String pin;
    private final Reason reason;
    private final long count;
    private final long frames;

    /**
     * A loss of {@code count} edges (or {@link #UNKNOWN}) of {@code pin} on {@code source} (a board's
     * label, or "pi"), in {@code frames} frames (0 when not about frames); {@code detail} may be null.
     */
    public EdgesLostException(String source, String pin, Reason reason, long count, long frames, String detail) {
        super(source + ": " + pin + ": edges lost (" + reason.text() + ", "
                + (count < 0 ? "count unknown" : count + " edge(s)") + (frames > 0 ? " in " + frames + " frame(s)" : "")
                + (detail == null ? "" : "; " + detail) + ")");
        this.source = source;
        this.pin = pin;
        this.reason = reason;
        this.count = count < 0 ? UNKNOWN : count;
        this.frames = frames;
    }

    /** The board's label, or "pi". */
    public String source() {
        return source;
    }

    public String pin() {
        return pin;
    }

    public Reason reason() {
        return reason;
    }

    /** Edges lost, or {@link #UNKNOWN}; for a board ring overflow, shared by the drop source's pins. */
    public long count() {
        return count;
    }

    public boolean countKnown() {
        return count >= 0;
    }

    /** Frames lost ({@link Reason#SEQUENCE_GAP}) or unparseable (1); 0 for the other reasons. */
    public long frames() {
        return frames;
    }
}
