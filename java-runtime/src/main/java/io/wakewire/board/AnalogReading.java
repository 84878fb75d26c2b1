package io.wakewire.board;

/**
 * One ADC conversion.
 *
 * @param pin       the pin's name ("A0")
 * @param channel   the ADC channel
 * @param raw       the 10-bit result, 0..1023, against AVcc
 * @param ticks     the board tick when the conversion completed (64-bit, see {@link Edge#ticks()})
 * @param hostNanos that tick on the host's {@link System#nanoTime()} scale (clock sync estimate)
 */
public record AnalogReading(String pin, int channel, int raw, long ticks, long hostNanos) {

    /** The reading as a share of the reference, 0.0..1.0 (1023/1024 at most). */
    public double fraction() {
        return raw / 1024.0;
    }

    /** The voltage for reference {@code vref} volts (5.0 on an Uno powered from USB). */
    public double volts(double vref) {
        return fraction() * vref;
    }
}
