package io.wakewire.cli;

import io.wakewire.pin.Edge;

import java.util.Locale;

/**
 * How a person is shown an edge's pin-to-host latency: as a measurement only when the clock sync
 * vouched for the edge's host time ({@link Edge#hostTimeVouched()}), with its bound; otherwise
 * it says it is not measured rather than print a guess (early in a session, or while a virtual
 * board's clock wanders, the estimate can be milliseconds off, even below zero).
 */
final class LatencyText {

    private LatencyText() {
    }

    /** "0.412 ms ±0.120" or "not measured (the clock sync cannot vouch for it yet)". */
    static String of(Edge e) {
        if (!LatencyVouch.SYNC.vouches(e)) {
            return "not measured (the clock sync cannot vouch for it yet)";
        }
        return String.format(Locale.ROOT, "%.3f ms ±%.3f", e.latency().toNanos() / 1e6, e.hostErrorNanos() / 1e6);
    }

    /** The milliseconds column of a table: the latency, or "-" when {@code vouch} does not vouch for it. */
    static String column(Edge e, LatencyVouch vouch) {
        return vouch.vouches(e) ? String.format(Locale.ROOT, "%.3f", e.latency().toNanos() / 1e6) : "-";
    }
}
