package io.wakewire.cli;

import io.wakewire.board.Board;
import io.wakewire.board.BoardDisconnectedException;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.sync.Notify;
import io.wakewire.task.Async;
import io.wakewire.task.Future;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.HdrHistogram.Histogram;

/**
 * The edges of several pins, each followed by a task of its own on the command's executor, into
 * one {@link EdgeSink}, with the counts that {@code monitor} and {@code demo} report: edges and
 * losses per pin, and the pin-to-host latency of every edge (HdrHistogram, 1 µs to 1 h, 3 digits).
 * Everything here runs on the executor's thread, so the counters need no locks.
 *
 * <p>A pin task ends when the board goes away; the first such reason is kept in
 * {@link #ended()} and {@link #changed()} is notified, as it is at every edge once
 * {@code limit} edges have been seen, so the command's main body wakes without polling.
 */
final class EdgeLog {

    /** Per pin: edges seen, losses reported (events or frames, as the board counts them). */
    static final class PinCount {
        long edges;
        long losses;
        long rateMark;
        /** Edges at the level the pin already had: with both edges followed, a sign of a missed or spurious edge. */
        long repeats;
        io.wakewire.pin.Level last;
    }

    private final EdgeSink sink;
    private final long limit;
    private final Map<String, PinCount> counts = new LinkedHashMap<>();
    private final Histogram latency = new Histogram(3_600_000_000_000L, 3);
    private final Notify changed = new Notify("edge-log");
    private long total;
    private long totalLosses;
    /** Loss reports whose edge count is unknown (frames lost on the wire or unparseable). */
    private long unknownLosses;
    private long negativeLatencies;
    private long repeats;
    private RuntimeException ended;

    /** @param limit stop taking edges after this many (Long.MAX_VALUE: no limit) */
    EdgeLog(EdgeSink sink, long limit) {
        this.sink = sink;
        this.limit = limit;
    }

    /** Spawns one task per pin on the calling body's executor; returns them so the caller can cancel them. */
    List<io.wakewire.task.JoinHandle<Void>> follow(Board board, List<String> pins, EdgeFilter filter) {
        return pins.stream().map(p -> {
            counts.put(p, new PinCount());
            EdgeStream stream = board.pin(p).edges(filter);
            return Async.spawn("edges " + p, follow(p, stream));
        }).toList();
    }

    private Future<Void> follow(String pin, EdgeStream stream) {
        return Async.run(() -> {
            try (stream) {
                while (total < limit) {
                    try {
                        Edge e = Async.await(stream.next());
                        record(e);
                    } catch (EdgesLostException lost) {
                        counts.get(pin).last = null; // after a hole, the next level proves nothing
                        long n = lost.countKnown() ? lost.count() : 0; // unknown: counted in unknownLosses
                        counts.get(pin).losses += n;
                        totalLosses += n;
                        if (!lost.countKnown()) {
                            unknownLosses++;
                        }
                        // the CSV's lost column: the count, or -1 (EdgesLostException.UNKNOWN) when unknown
                        sink.lost(pin, lost.reason().name().toLowerCase(java.util.Locale.ROOT), lost.count(),
                                lost.getMessage());
                    }
                }
            } catch (BoardDisconnectedException gone) {
                if (ended == null) {
                    ended = gone;
                }
            } finally {
                changed.notifyOne();
            }
        });
    }

    private void record(Edge e) throws IOException {
        if (total >= limit) {
            return;
        }
        total++;
        PinCount c = counts.get(e.pin());
        c.edges++;
        if (c.last == e.level()) {
            c.repeats++;
            repeats++;
        }
        c.last = e.level();
        // only latencies the clock sync vouches for are measurements; the rest are not recorded
        if (e.hostTimeVouched()) {
            long l = e.latency().toNanos();
            if (l < 0) {
                negativeLatencies++;
            }
            latency.recordValue(Math.max(1, l));
        }
        sink.edge(e);
        if (total >= limit) {
            changed.notifyOne();
        }
    }

    /** Wakes when the limit is reached or a pin task ended. */
    Future<Void> changed() {
        return changed.notified();
    }

    boolean limitReached() {
        return total >= limit;
    }

    /** Why the pin tasks stopped early (the board went away), or null. */
    RuntimeException ended() {
        return ended;
    }

    long total() {
        return total;
    }

    long unknownLosses() {
        return unknownLosses;
    }

    /** Edges reported lost with a known count (see {@link #unknownLosses()} for the rest). */
    long losses() {
        return totalLosses;
    }

    Map<String, PinCount> counts() {
        return counts;
    }

    Histogram latency() {
        return latency;
    }

    /** Edges that repeated their pin's previous level (meaningful when both edges are followed). */
    long repeats() {
        return repeats;
    }

    /** Edges whose clock-sync estimate put them after their own arrival (a sync error, counted as 1 ns). */
    long negativeLatencies() {
        return negativeLatencies;
    }
}
