package io.wakewire.pi;

/**
 * Thrown by the next wait on a pin after its edge buffer overflowed: the edges that did not fit
 * were dropped (the oldest buffered ones are kept), and this says how many. The count is reset
 * when it is reported, so catching this and awaiting again resumes with the edges still buffered.
 */
public final class EdgesLostException extends RuntimeException {

    private final int pin;
    private final long lost;

    public EdgesLostException(int pin, long lost) {
        super("GPIO" + pin + ": " + lost + " edge(s) lost because the pin's edge buffer was full "
                + "(the task did not keep up; consider a larger buffer or a debounce)");
        this.pin = pin;
        this.lost = lost;
    }

    public int pin() {
        return pin;
    }

    /** How many edges were dropped since the last report. */
    public long lost() {
        return lost;
    }
}
