package io.wakewire.measure;

/**
 * An HC-SR04-style reading: the echo pin was high for {@code echoTicks} board ticks, the sound's
 * round trip, so the distance is {@code speed × width / 2}.
 *
 * @param pin                 the echo pin
 * @param meters              the distance
 * @param echoTicks           the echo pulse's width in board ticks (the resolution: 4 µs = 0.69 mm at 343.2 m/s)
 * @param tickNanos           the tick length
 * @param speedOfSound        the speed of sound used, in m/s
 */
public record Distance(String pin, double meters, long echoTicks, long tickNanos, double speedOfSound) {

    /** The echo's width in nanoseconds. */
    public long echoNanos() {
        return echoTicks * tickNanos;
    }

    /** The distance in millimetres. */
    public double millimeters() {
        return meters * 1000.0;
    }
}
