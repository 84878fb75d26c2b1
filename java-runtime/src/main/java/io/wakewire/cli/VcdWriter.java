package io.wakewire.cli;

import io.wakewire.board.Edge;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Writes edges as a Value Change Dump (IEEE 1364 §18), the format PulseView, GTKWave and sigrok
 * open: one 1-bit wire per pin in a scope named after the board, time in nanoseconds of the
 * board's own clock (the ISR timestamps, not the host's arrival times), every pin {@code x}
 * (unknown) until its first edge.
 *
 * <p>VCD needs time to go forward, but the pins' edges reach the monitor through one task per
 * pin, so two pins' edges from one frame may come in either order. Edges are therefore held in a
 * small reorder buffer and written once they are {@link #REORDER_NANOS} of board time older than
 * the newest edge seen; {@link #close()} writes the rest. Trade-off: the file trails the live
 * view by that window; an edge that arrives even later than that (never seen in practice) is
 * written at the last written time rather than breaking the file.
 */
final class VcdWriter implements EdgeSink {

    static final long REORDER_NANOS = 100_000_000L;

    private final Writer out;
    private final Map<String, String> ids = new LinkedHashMap<>();
    /** Arrival order breaks ties, so simultaneous edges keep the order they came in. */
    private record Held(Edge edge, long arrival) {
    }

    private final PriorityQueue<Held> pending = new PriorityQueue<>((a, b) -> a.edge.boardNanos() != b.edge.boardNanos()
            ? Long.compare(a.edge.boardNanos(), b.edge.boardNanos()) : Long.compare(a.arrival, b.arrival));
    private long arrivals;
    private long newest = Long.MIN_VALUE;
    private long written = Long.MIN_VALUE;
    private boolean dumpvarsDone;

    VcdWriter(Writer out, String board, List<String> pins) throws IOException {
        if (pins.size() > 94) {
            throw new IllegalArgumentException("VCD: " + pins.size() + " pins, at most 94 one-character ids");
        }
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        for (int i = 0; i < pins.size(); i++) {
            ids.put(pins.get(i), String.valueOf((char) ('!' + i)));
        }
        this.out.write("$date " + ZonedDateTime.now() + " $end\n");
        this.out.write("$version wakewire monitor $end\n");
        this.out.write("$comment board time: the board's ISR timestamps, in ns since its last reset $end\n");
        this.out.write("$timescale 1ns $end\n");
        this.out.write("$scope module " + board + " $end\n");
        for (Map.Entry<String, String> e : ids.entrySet()) {
            this.out.write("$var wire 1 " + e.getValue() + " " + e.getKey() + " $end\n");
        }
        this.out.write("$upscope $end\n$enddefinitions $end\n");
    }

    @Override
    public void edge(Edge e) throws IOException {
        if (!ids.containsKey(e.pin())) {
            return;
        }
        pending.add(new Held(e, arrivals++));
        newest = Math.max(newest, e.boardNanos());
        while (!pending.isEmpty() && pending.peek().edge.boardNanos() <= newest - REORDER_NANOS) {
            write(pending.poll().edge);
        }
    }

    @Override
    public void lost(String pin, String what) throws IOException {
        out.write("$comment lost " + pin + ": " + what.replace("$end", "") + " $end\n");
    }

    private void write(Edge e) throws IOException {
        long t = Math.max(e.boardNanos(), written);
        if (!dumpvarsDone) {
            out.write("#" + t + "\n$dumpvars\n");
            for (String id : ids.values()) {
                out.write("x" + id + "\n");
            }
            out.write("$end\n");
            dumpvarsDone = true;
            written = t;
        }
        if (t != written) {
            out.write("#" + t + "\n");
            written = t;
        }
        out.write((e.isRising() ? "1" : "0") + ids.get(e.pin()) + "\n");
    }

    @Override
    public void close() throws IOException {
        while (!pending.isEmpty()) {
            write(pending.poll().edge);
        }
        out.flush();
        out.close();
    }
}
