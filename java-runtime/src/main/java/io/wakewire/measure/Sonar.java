package io.wakewire.measure;

import io.wakewire.task.Async;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.time.Duration;

import static io.wakewire.task.Async.await;

/**
 * An HC-SR04-style ultrasonic ranger: a trigger pulse out, the echo pulse's width in.
 *
 * <h2>The trigger: host-timed, no firmware</h2>
 * The sensor wants its trigger high for at least 10 µs and starts its burst when the trigger falls.
 * The trigger is two writes, high then low, the low sent only after the board answered the high:
 * the pulse is then at least one command round trip wide (the low command's frame alone takes
 * more than 60 µs to arrive at 1 Mbaud), never under 10 µs, so no firmware command is needed
 * (0 bytes on the board). Its width varies with the host; the sensor only counts from the falling
 * edge, and the measurement only uses the echo.
 *
 * <h2>The echo: board-timed</h2>
 * The echo pin's rising and falling edges carry the board's timestamps, so the width is exact to
 * one tick (4 µs, 0.69 mm of distance at 343.2 m/s) however late the host reads them. A loss on the
 * echo pin during the measurement fails it ({@link MeasureLostException}), never a wrong width; no
 * echo within the timeout fails it with {@link NoEchoException}. The echo source is subscribed and
 * armed before the trigger, and closed at the end.
 */
public final class Sonar {

    /** The speed of sound in dry air at 20 °C, in m/s: 343.2. */
    public static final double SPEED_OF_SOUND_20C = speedOfSound(20.0);

    /** The default timeout: an HC-SR04 gives up after about 38 ms (6.5 m and more). */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(60);

    /** Drives the trigger pin (true: high). */
    @FunctionalInterface
    public interface Trigger {
        Future<Void> write(boolean high);
    }

    private Sonar() {
    }

    /** The speed of sound in dry air at {@code celsius}, in m/s: 331.3 × sqrt(1 + T / 273.15) (ideal gas). */
    public static double speedOfSound(double celsius) {
        if (!(celsius > -273.15)) {
            throw new IllegalArgumentException("speed of sound at " + celsius + " °C: below absolute zero");
        }
        return 331.3 * Math.sqrt(1.0 + celsius / 273.15);
    }

    /**
     * One measurement: arm the echo, pulse the trigger, wait up to {@code timeout} for the echo's
     * two edges, and convert its width with {@code speedOfSound} (m/s). The echo source is closed
     * at the end.
     */
    public static Future<Distance> measure(Trigger trigger, EdgeFeed echo, Duration timeout, double speedOfSound) {
        if (trigger == null || echo == null) {
            throw new IllegalArgumentException("distance: trigger or echo is null");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("distance(" + echo.pin() + "): timeout " + timeout + " is not positive");
        }
        if (!(speedOfSound > 0)) {
            throw new IllegalArgumentException("distance(" + echo.pin() + "): speed of sound " + speedOfSound
                    + " m/s is not positive");
        }
        return Async.async(() -> {
            try {
                await(echo.ready());
                await(trigger.write(false));
                await(trigger.write(true));
                await(trigger.write(false));
                Mark.Edge[] rise = new Mark.Edge[1];
                try {
                    long ticks = await(Futures.timeout(Async.async(() -> echoWidth(echo, rise)), timeout));
                    double meters = speedOfSound * (ticks * (double) echo.tickNanos() / 1e9) / 2.0;
                    return new Distance(echo.pin(), meters, ticks, echo.tickNanos(), speedOfSound);
                } catch (TimedOutException t) {
                    throw new NoEchoException(echo.pin(), timeout, rise[0] != null);
                }
            } finally {
                echo.close();
            }
        });
    }

    /** The echo's width in ticks: its rising edge, then its falling edge; a falling edge first is the end of an older echo. */
    private static long echoWidth(EdgeFeed echo, Mark.Edge[] rise) {
        for (;;) {
            Mark m = await(echo.next());
            if (m instanceof Mark.Loss l) {
                throw new MeasureLostException(echo.pin(), "distance", l.count(), "edge(s)", l.why());
            }
            Mark.Edge e = (Mark.Edge) m;
            if (e.high()) {
                if (rise[0] != null) {
                    throw new MeasureLostException(echo.pin(), "distance", 1, "edge(s)", "the echo rose twice at ticks "
                            + rise[0].ticks() + " and " + e.ticks());
                }
                rise[0] = e;
            } else if (rise[0] != null) {
                return e.ticks() - rise[0].ticks();
            }
        }
    }
}
