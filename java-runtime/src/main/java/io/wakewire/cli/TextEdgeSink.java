package io.wakewire.cli;

import io.wakewire.pin.Edge;

import java.io.PrintWriter;
import java.util.Locale;

/** One aligned line per edge for a person: board time, host time, pin, level, latency. */
final class TextEdgeSink implements EdgeSink {

    private final PrintWriter out;
    private final HostClock clock;
    private final LatencyVouch vouch;
    private boolean header;

    TextEdgeSink(PrintWriter out, HostClock clock, LatencyVouch vouch) {
        this.out = out;
        this.clock = clock;
        this.vouch = vouch;
    }

    @Override
    public void edge(Edge e) {
        if (!header) {
            out.println("     board_s  host_time        pin  level  latency_ms");
            header = true;
        }
        String latency = LatencyText.column(e, vouch); // a latency the clock sync cannot vouch for is not a figure
        out.printf(Locale.ROOT, "%12.6f  %s  %-4s %-5s  %s%n", e.boardNanos().getAsLong() / 1e9, clock.timeOfDay(e.hostNanos()),
                e.pin(), e.level() == io.wakewire.pin.Level.HIGH ? "1" : "0", latency);
    }

    @Override
    public void lost(String pin, String what) {
        out.println("LOST " + pin + " " + what);
    }

    @Override
    public void close() {
        out.flush();
    }
}
