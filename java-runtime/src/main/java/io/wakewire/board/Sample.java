package io.wakewire.board;

/**
 * One board-timed analog sample ({@link SampleStream}).
 *
 * @param pin        the pin's name ("A0")
 * @param channel    its ADC channel
 * @param raw        the 10-bit conversion, 0..1023, against AVcc
 * @param ticks      the board tick of the sample's hardware trigger (64-bit, as {@code Edge.boardTicks()})
 * @param boardNanos {@code ticks} in nanoseconds
 * @param hostNanos  that tick on the host's clock (the clock sync's estimate)
 */
public record Sample(String pin, int channel, int raw, long ticks, long boardNanos, long hostNanos) {

    /** The voltage for reference {@code vref} volts (5.0 on an Uno powered from USB). */
    public double volts(double vref) {
        return raw / 1024.0 * vref;
    }
}
