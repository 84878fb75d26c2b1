package io.wakewire.cli;

import io.wakewire.pin.Edge;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Writes edges as a Value Change Dump (IEEE 1364 §18), the format PulseView, GTKWave and sigrok
 * open: one 1-bit wire per pin in a scope named after the board, time in nanoseconds of the
 * board's own clock (the ISR timestamps, not the host's arrival times).
 *
 * <p>What real readers need, and how this file gives it (checked with sigrok-cli in
 * VcdSigrokTest):
 * <ul>
 *   <li>Every edge is a change after the initial values: {@code $dumpvars} stands 1 ns before the
 *       first edge and gives each pin the level it had before its first edge (the inverse of that
 *       edge) where the first 100 ms show it, else {@code x}. A pin still {@code x} gets its
 *       known level 1 ns before its first edge. (A dump whose first edge shared the
 *       {@code $dumpvars} time was read as an initial value, one transition short.)</li>
 *   <li>The file ends 1 ns after the last change, so readers that turn the dump into samples
 *       (sigrok) keep the last edge.</li>
 *   <li>Losses are a wire of their own per pin, {@code <pin>_lost}: 1 from the last edge before a
 *       hole to the first edge after it, else 0; a hole that starts at the very edge that
 *       ended the one before keeps it 1 across that edge (a 0 of no duration is a glitch that
 *       sample-based readers drop, so sigrok and GTKWave would disagree about the wire; checked by
 *       MonitorCapturesTest on a storm). Only 1-bit wires are used: sigrok 0.5 stops
 *       reading at a vector value, and {@code $comment}s after {@code $enddefinitions} are
 *       rejected by some parsers. The loss's cause and count are in the monitor's summary and its
 *       CSV rows, not here.</li>
 * </ul>
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
    private final Map<String, String> lostIds = new LinkedHashMap<>();

    /** An edge, or (edge == null) a loss on {@code pin}; arrival order breaks ties of board time. */
    private record Held(String pin, Edge edge, long nanos, long arrival) {
    }

    private final PriorityQueue<Held> pending = new PriorityQueue<>((a, b) -> a.nanos != b.nanos
            ? Long.compare(a.nanos, b.nanos) : Long.compare(a.arrival, b.arrival));
    private long arrivals;
    private long newest = Long.MIN_VALUE;
    private long written = Long.MIN_VALUE;
    private boolean dumpvarsDone;
    /** Per pin: board time of its latest edge taken in (where a loss reported next is placed). */
    private final Map<String, Long> lastEdgeNanos = new HashMap<>();
    /** Per pin: the value last written ('0', '1', 'x'), and whether its lost wire is high. */
    private final Map<String, Character> value = new HashMap<>();
    private final Map<String, Boolean> inHole = new HashMap<>();
    /** Pins whose hole ended at an edge of the time last written: their lost wire falls once time moves on. */
    private final Set<String> holeEnding = new LinkedHashSet<>();

    VcdWriter(Writer out, String board, List<String> pins) throws IOException {
        if (2 * pins.size() > 94) {
            throw new IllegalArgumentException("VCD: " + pins.size() + " pins, at most 47 (two one-character ids each)");
        }
        this.out = out instanceof BufferedWriter ? out : new BufferedWriter(out);
        for (int i = 0; i < pins.size(); i++) {
            ids.put(pins.get(i), String.valueOf((char) ('!' + i)));
        }
        for (int i = 0; i < pins.size(); i++) {
            lostIds.put(pins.get(i), String.valueOf((char) ('!' + pins.size() + i)));
        }
        this.out.write("$date " + ZonedDateTime.now() + " $end\n");
        this.out.write("$version wakewire monitor $end\n");
        this.out.write("$comment board time: the board's ISR timestamps, in ns since its last reset;"
                + " <pin>_lost is 1 across a stretch where that pin's edges were lost $end\n");
        this.out.write("$timescale 1ns $end\n");
        this.out.write("$scope module " + board + " $end\n");
        for (Map.Entry<String, String> e : ids.entrySet()) {
            this.out.write("$var wire 1 " + e.getValue() + " " + e.getKey() + " $end\n");
        }
        for (Map.Entry<String, String> e : lostIds.entrySet()) {
            this.out.write("$var wire 1 " + e.getValue() + " " + e.getKey() + "_lost $end\n");
        }
        this.out.write("$upscope $end\n$enddefinitions $end\n");
    }

    @Override
    public void edge(Edge e) throws IOException {
        if (!ids.containsKey(e.pin())) {
            return;
        }
        pending.add(new Held(e.pin(), e, e.boardNanos().getAsLong(), arrivals++));
        lastEdgeNanos.put(e.pin(), e.boardNanos().getAsLong());
        newest = Math.max(newest, e.boardNanos().getAsLong());
        writeUpTo(newest - REORDER_NANOS);
    }

    /**
     * The hole lies after the pin's latest edge: the marker is placed at that edge's time, after it.
     * Before the pin's first edge, it is placed at the newest edge of any pin (the hole was there
     * by then), not at time 0: that would stretch the dump back to the board's reset and put the
     * rise at the {@code $dumpvars} time, where sigrok reads it as the initial value.
     */
    @Override
    public void lost(String pin, String what) throws IOException {
        if (!ids.containsKey(pin)) {
            return;
        }
        long at = lastEdgeNanos.getOrDefault(pin, newest != Long.MIN_VALUE ? newest : Math.max(written, 0));
        pending.add(new Held(pin, null, at, arrivals++));
    }

    /** Writes the held items up to board time {@code limit}; each leaves the queue after it is written, so $dumpvars sees the first. */
    private void writeUpTo(long limit) throws IOException {
        Held h;
        while ((h = pending.peek()) != null && h.nanos <= limit) {
            write(h);
            pending.poll();
        }
    }

    private void write(Held h) throws IOException {
        long t = Math.max(h.nanos, written);
        if (!dumpvarsDone) {
            dumpvars(Math.max(0, t - 1));
        }
        if (h.edge == null) {
            if (holeEnding.remove(h.pin)) {
                return; // a new hole right after the edge that ended the last: the wire stays high
            }
            if (!inHole.get(h.pin)) {
                change(t, "1" + lostIds.get(h.pin));
                inHole.put(h.pin, true);
            }
            return;
        }
        char level = h.edge.isRising() ? '1' : '0';
        if (value.get(h.pin) == 'x' && !inHole.get(h.pin) && t - 1 > written) {
            // its level before its first edge is known (no loss came first): say so 1 ns before
            change(t - 1, (level == '1' ? "0" : "1") + ids.get(h.pin));
        }
        change(t, level + ids.get(h.pin));
        value.put(h.pin, level);
        if (inHole.get(h.pin)) {
            holeEnding.add(h.pin);
        }
    }

    /** Lowers the lost wires of holes that ended at the time last written (before time moves on). */
    private void endHoles() throws IOException {
        for (String pin : holeEnding) {
            out.write("0" + lostIds.get(pin) + "\n");
            inHole.put(pin, false);
        }
        holeEnding.clear();
    }

    /** Initial values, each pin's known pre-edge level where its first held item is an edge. */
    private void dumpvars(long t) throws IOException {
        Map<String, Held> first = new HashMap<>();
        for (Held h : pending) {
            first.merge(h.pin, h, (a, b) -> pending.comparator().compare(a, b) <= 0 ? a : b);
        }
        out.write("#" + t + "\n$dumpvars\n");
        for (Map.Entry<String, String> e : ids.entrySet()) {
            Held f = first.get(e.getKey());
            char v = f == null || f.edge == null ? 'x' : f.edge.isRising() ? '0' : '1';
            value.put(e.getKey(), v);
            inHole.put(e.getKey(), false);
            out.write(v + e.getValue() + "\n");
        }
        for (String id : lostIds.values()) {
            out.write("0" + id + "\n");
        }
        out.write("$end\n");
        dumpvarsDone = true;
        written = t;
    }

    private void change(long t, String line) throws IOException {
        if (t != written) {
            endHoles();
            out.write("#" + t + "\n");
            written = t;
        }
        out.write(line + "\n");
    }

    @Override
    public void close() throws IOException {
        writeUpTo(Long.MAX_VALUE);
        if (dumpvarsDone) {
            endHoles();
            out.write("#" + (written + 1) + "\n"); // the end of the last change's sample
        }
        out.flush();
        out.close();
    }
}
