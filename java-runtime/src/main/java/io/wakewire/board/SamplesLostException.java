package io.wakewire.board;

/**
 * Samples went missing at this place in a {@link SampleStream}: the board's ring was full (its
 * LOST marker's count), the stream's host buffer was full, or board frames were lost on the
 * link (count unknown, {@link #UNKNOWN}). Awaiting {@code next()} again continues after it. Like
 * {@link io.wakewire.pin.EdgesLostException}, a loss in a stream, not a failure of the board.
 */
public final class SamplesLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The count when frames were lost on the link: how many samples they held is unknown. */
    public static final long UNKNOWN = -1;

    /** Where the samples were lost. */
    public enum Cause {
        /** The board's sample ring was full (the line could not keep up). */
        BOARD,
        /** This stream's buffer on the host was full (nobody was reading). */
        HOST_BUFFER,
        /** Board frames missing (a seq gap): how many samples they held is unknown. */
        LINK
    }

    private final String board;
    private final Cause cause;
    private final long count;

    SamplesLostException(String board, String pins, Cause cause, long count) {
        super(board + ": samples of " + pins + " lost (" + (count == UNKNOWN ? "an unknown number" : count + " sample(s)")
                + ", " + switch (cause) {
                    case BOARD -> "the board's sample ring was full";
                    case HOST_BUFFER -> "the stream's host buffer was full";
                    case LINK -> "board frames were lost on the link";
                } + ")");
        this.board = board;
        this.cause = cause;
        this.count = count;
    }

    /** The board's label ("uno@/dev/ttyACM0"). */
    public String board() {
        return board;
    }

    public Cause lossCause() {
        return cause;
    }

    /** The samples lost, or {@link #UNKNOWN}. */
    public long count() {
        return count;
    }
}
