package io.wakewire.measure;

/**
 * A measurement that edges lost on the way (or an impossible sequence of levels) made unknown:
 * thrown at its place in the measurement's stream instead of a wrong value. Awaiting the stream
 * again continues after it.
 */
public class MeasureLostException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** {@link #count()} when it is unknown. */
    public static final long UNKNOWN = -1;

    private final String pin;
    private final long count;

    /**
     * @param pin   the pin (or pins, "D2/D3") concerned
     * @param what  what is unknown ("pulse", "encoder position", "frequency", "distance")
     * @param count how many of the unit counted were missed ({@code unit}), or {@link #UNKNOWN}
     * @param unit  what {@code count} counts ("edge(s)", "transition(s)")
     * @param why   the reason, from the edge source or the operator
     */
    public MeasureLostException(String pin, String what, long count, String unit, String why) {
        super(pin + ": " + what + " unknown (" + (count < 0 ? "count unknown" : count + " " + unit + " missed") + "; "
                + why + ")");
        this.pin = pin;
        this.count = count < 0 ? UNKNOWN : count;
    }

    public String pin() {
        return pin;
    }

    /** How many were missed, or {@link #UNKNOWN}. */
    public long count() {
        return count;
    }

    public boolean countKnown() {
        return count >= 0;
    }
}
