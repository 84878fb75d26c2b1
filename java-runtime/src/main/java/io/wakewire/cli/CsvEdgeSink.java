package io.wakewire.cli;

import io.wakewire.board.Edge;

import java.io.PrintWriter;

/**
 * RFC 4180 CSV, one row per edge, in integer nanoseconds so that no precision is lost:
 * {@code board_ns,host_unix_ns,pin,level,latency_ns}. Losses are rows too, with empty times, level
 * {@code LOST} and the cause (quoted) in the last column, so a script reading the file sees exactly
 * where the record has a hole.
 */
final class CsvEdgeSink implements EdgeSink {

    static final String HEADER = "board_ns,host_unix_ns,pin,level,latency_ns";

    private final PrintWriter out;
    private final HostClock clock;

    CsvEdgeSink(PrintWriter out, HostClock clock) {
        this.out = out;
        this.clock = clock;
        out.println(HEADER);
    }

    @Override
    public void edge(Edge e) {
        out.print(e.boardNanos());
        out.print(',');
        out.print(clock.epochNanos(e.hostNanos()));
        out.print(',');
        out.print(e.pin());
        out.print(',');
        out.print(e.isRising() ? '1' : '0');
        out.print(',');
        out.println(e.latencyNanos());
    }

    @Override
    public void lost(String pin, String what) {
        out.println(",," + pin + ",LOST,\"" + what.replace("\"", "\"\"") + "\"");
    }

    @Override
    public void close() {
        out.flush();
    }
}
