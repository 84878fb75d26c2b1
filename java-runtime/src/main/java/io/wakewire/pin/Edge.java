package io.wakewire.pin;

import java.time.Duration;
import java.util.OptionalLong;

/**
 * One level change of a pin, on a board or on a Pi, with its time as each side saw it.
 *
 * @param pin            the pin's name: the board config's ("D2"), or board-configs/pi4.conf's for a
 *                       Pi pin ("GPIO17")
 * @param level          the level after the edge ({@code HIGH} for a rising edge)
 * @param boardTicks     the board's timestamp, taken in the ISR, in board ticks since the board's
 *                       last reset, extended across the wire's 32-bit wraps; empty for a Pi pin
 *                       (the host sees its edges directly)
 * @param boardNanos     {@code boardTicks} in nanoseconds (ticks × the board's tick length); empty for a Pi pin
 * @param hostNanos      when the edge happened on the host's clock (the executor's, {@link System#nanoTime()}
 *                       unless a test gave it another): for a board pin, the clock sync's estimate from the
 *                       board time; for a Pi pin, read first thing in the Pi4J listener
 * @param arrivalNanos   the same clock when the edge reached the host (the frame was decoded; for a Pi
 *                       pin, the listener ran: then equal to {@code hostNanos})
 * @param hostErrorNanos the bound on the error of {@code hostNanos} when it is vouched for (a board's
 *                       clock sync had enough samples and a bound under its limit; 0 for a Pi pin,
 *                       whose time the host measured itself), else -1: then {@code hostNanos} and
 *                       {@link #latency()} are guesses, never to be printed as measured
 */
public record Edge(String pin, Level level, OptionalLong boardTicks, OptionalLong boardNanos, long hostNanos,
                   long arrivalNanos, long hostErrorNanos) {

    public Edge {
        if (pin == null || level == null || boardTicks == null || boardNanos == null) {
            throw new IllegalArgumentException("edge: pin, level, boardTicks and boardNanos must not be null");
        }
    }

    /** A board pin's edge: board time, the clock sync's host estimate (error bound, or -1 if not vouched), arrival. */
    public static Edge onBoard(String pin, Level level, long ticks, long boardNanos, long hostNanos, long arrivalNanos,
                               long hostErrorNanos) {
        return new Edge(pin, level, OptionalLong.of(ticks), OptionalLong.of(boardNanos), hostNanos, arrivalNanos,
                hostErrorNanos);
    }

    /** An edge the host saw itself (a Pi pin): no board time, host time measured, so vouched with error 0. */
    public static Edge onHost(String pin, Level level, long nanos) {
        return new Edge(pin, level, OptionalLong.empty(), OptionalLong.empty(), nanos, nanos, 0);
    }

    public boolean isRising() {
        return level == Level.HIGH;
    }

    /** Whether {@code hostNanos} (and so {@link #latency()}) is a measurement, within {@code hostErrorNanos}. */
    public boolean hostTimeVouched() {
        return hostErrorNanos >= 0;
    }

    /**
     * How long the edge took from the pin to the host ({@code arrivalNanos - hostNanos}): a
     * measurement only when {@link #hostTimeVouched()}, give or take {@code hostErrorNanos}; zero
     * for a Pi pin, whose time is taken on arrival.
     */
    public Duration latency() {
        return Duration.ofNanos(arrivalNanos - hostNanos);
    }
}
