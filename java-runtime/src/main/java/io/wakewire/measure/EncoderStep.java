package io.wakewire.measure;

/**
 * One quadrature transition: the encoder moved one step ({@code delta} +1 forward, A leading B;
 * -1 backward) at board tick {@code ticks}, on channel {@code pin}, to {@code position}.
 */
public record EncoderStep(long position, int delta, String pin, long ticks, long tickNanos) {

    /** The step's board time in nanoseconds. */
    public long nanos() {
        return ticks * tickNanos;
    }
}
