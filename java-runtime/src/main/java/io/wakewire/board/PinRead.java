package io.wakewire.board;

import io.wakewire.pin.Level;
import io.wakewire.task.Future;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;

import java.time.Duration;

/**
 * The input side of a {@link Pin} beyond edges: READ_PIN (the level now, with the board tick of
 * the read), the pull-up, and on-board debounce. {@code Pin} delegates here in one line each.
 */
final class PinRead {

    /** ARM's debounce field is u16 ticks; the board rounds up to 1.024 ms periods, at most 255 (261 ms). */
    static final long MAX_DEBOUNCE_TICKS = 0xFFFF;

    private PinRead() {
    }

    /** READ_PIN: the level and tick of the read. Any pin the board config names can be read. */
    static Future<PinLevel> read(PinChannel channel) {
        BoardSession s = channel.session;
        String name = channel.name();
        int number = channel.spec.number();
        return s.request("READ_PIN " + name, (seq, req) -> new Command.ReadPin(seq, req, number),
                (a, t0, t1) -> level(s, name, (Answer.PinLevel) a));
    }

    static Future<PinLevel> initialLevel(Pin pin, io.wakewire.pin.EdgeStream stream) {
        if (!(stream instanceof BoardEdgeStream b) || !stream.pin().equals(pin.name())) {
            throw new IllegalArgumentException("initialLevel(" + pin.name() + "): " + stream + " is not an edge stream of this pin");
        }
        return b.initialLevel();
    }

    static PinLevel level(BoardSession s, String name, Answer.PinLevel a) {
        long t = s.extendTicks(a.ts());
        return new PinLevel(name, a.level() == 1 ? Level.HIGH : Level.LOW, t, s.ticksToNanos(t), s.clock().hostNanos(t));
    }

    /** Pull-up on or off: PIN_MODE input_pullup / input now, and on every later arming. */
    static Future<Void> pullUp(PinChannel channel, boolean on) {
        if (!channel.spec.edge() && !channel.spec.output() && channel.spec.analogChannel() < 0) {
            throw new PinException(channel.session.label(), "pin " + channel.name() + " is not a digital pin");
        }
        return channel.setPullUp(on);
    }

    /**
     * On-board debounce for the pin's edges (a lockout window, PROTOCOL.md "Debounce"): ZERO turns
     * it off. Applied at once when the pin is armed, else at its first arming.
     */
    static Future<Void> debounce(PinChannel channel, Duration window) {
        String label = channel.session.label();
        if (window == null || window.isNegative()) {
            throw new PinException(label, "debounce(" + channel.name() + "): " + window + " is not a duration >= 0");
        }
        if (!channel.spec.edge()) {
            throw new PinException(label, "pin " + channel.name()
                    + " cannot report edges, so it has nothing to debounce (pins with 'edge' in the board config can)");
        }
        long tickNs = channel.session.ticksToNanos(1);
        long ticks = (window.toNanos() + tickNs - 1) / tickNs;
        if (ticks > MAX_DEBOUNCE_TICKS) {
            throw new PinException(label, "debounce(" + channel.name() + "): " + window.toMillis()
                    + " ms is longer than the board's " + MAX_DEBOUNCE_TICKS * tickNs / 1_000_000 + " ms");
        }
        return channel.setDebounce((int) ticks);
    }
}
