package io.wakewire.board;

import io.wakewire.measure.Distance;
import io.wakewire.measure.EdgeFeed;
import io.wakewire.measure.Frequency;
import io.wakewire.measure.Pulses;
import io.wakewire.measure.Quadrature;
import io.wakewire.measure.Sonar;
import io.wakewire.pin.Level;
import io.wakewire.task.Future;

import java.time.Duration;

/**
 * What {@link Pin}'s measurement methods do: check the pins (a one-line {@link PinException} naming
 * the board and the pin, before anything is sent), then build the operator of
 * {@code io.wakewire.measure} on {@link PinEdgeFeed}s. Nothing on the board: 0 bytes of firmware.
 */
final class PinMeasures {

    private PinMeasures() {
    }

    static PinEdgeFeed source(PinChannel c, String what) {
        if (!c.spec.edge()) {
            throw new PinException(c.session.label(), what + ": pin " + c.name()
                    + " cannot report edges (pins with 'edge' in the board config can)");
        }
        return new PinEdgeFeed(c);
    }

    static Pulses pulses(PinChannel c, Level level) {
        if (level == null) {
            throw new IllegalArgumentException("pulses(" + c.name() + "): level is null");
        }
        return new Pulses(source(c, "pulses(" + c.name() + ")"), level == Level.HIGH);
    }

    static Future<Frequency> frequency(PinChannel c, int periods) {
        if (periods < 1) {
            throw new PinException(c.session.label(), "frequency(" + c.name() + "): periods " + periods + " is not >= 1");
        }
        EdgeFeed s = source(c, "frequency(" + c.name() + ")");
        Future<Frequency> f = Frequency.measure(s, periods);
        return io.wakewire.task.Async.async(() -> {
            try {
                return io.wakewire.task.Async.await(f);
            } finally {
                s.close();
            }
        });
    }

    static Quadrature encoder(PinChannel a, PinChannel b, Level initialA, Level initialB) {
        String what = "encoder(" + a.name() + ", " + (b == null ? "null" : b.name()) + ")";
        if (b == null) {
            throw new IllegalArgumentException(what + ": pin B is null");
        }
        if (a.session != b.session) {
            throw new PinException(a.session.label(), what + ": " + b.name() + " is on another board ("
                    + b.session.label() + ")");
        }
        if (a == b) {
            throw new PinException(a.session.label(), what + ": A and B are the same pin");
        }
        return new Quadrature(source(a, what), source(b, what), initialA == null ? null : initialA == Level.HIGH,
                initialB == null ? null : initialB == Level.HIGH);
    }

    static Future<Distance> distance(PinChannel trigger, PinChannel echo, Duration timeout) {
        String what = "distance(" + trigger.name() + " -> " + (echo == null ? "null" : echo.name()) + ")";
        if (echo == null) {
            throw new IllegalArgumentException(what + ": echo pin is null");
        }
        if (trigger.session != echo.session) {
            throw new PinException(trigger.session.label(), what + ": the echo pin is on another board");
        }
        if (trigger == echo) {
            throw new PinException(trigger.session.label(), what + ": trigger and echo are the same pin");
        }
        if (!trigger.spec.output()) {
            throw new PinException(trigger.session.label(), what + ": pin " + trigger.name() + " is not an output");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new PinException(trigger.session.label(), what + ": timeout " + timeout + " is not positive");
        }
        return Sonar.measure(high -> trigger.write(high ? 1 : 0), source(echo, what), timeout, Sonar.SPEED_OF_SOUND_20C);
    }
}
