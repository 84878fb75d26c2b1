package io.wakewire.cli;

import io.wakewire.pin.Edge;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * RFC 4180 CSV for scripts, one row per edge or loss, every cell filled, every numeric column an
 * integer in every row (pandas reads them as int64, never as float with NaN holes):
 * <pre>
 * board_ns,host_unix_ns,pin,level,latency_ns,latency_valid,lost,event
 * 1234000,1733582523123456789,D2,1,84000,1,0,edge
 * 1298000,1733582523187456789,D2,-1,0,0,3,board_overflow
 * </pre>
 * <ul>
 *   <li>{@code board_ns}: the board's ISR timestamp; {@code host_unix_ns}: the clock sync's estimate
 *       of the same moment on the host, in ns since 1970.</li>
 *   <li>{@code level}: 1 rising, 0 falling; -1 on a loss row.</li>
 *   <li>{@code latency_ns}, {@code latency_valid}: the pin-to-host latency where the clock sync
 *       vouches for it ({@link LatencyVouch}), with {@code latency_valid} 1; otherwise 0 and 0: an
 *       estimate the sync cannot vouch for (a negative one, say, while it settles) is not printed as
 *       if measured. Filter on {@code latency_valid == 1} before any latency statistics.</li>
 *   <li>{@code lost}, {@code event}: 0 and {@code edge} on an edge row; on a loss row the count the
 *       loss report carries (edges; -1 when the count is unknown: a sequence gap or a frame that
 *       did not parse) and its cause. A loss row
 *       stands where the hole is in the pin's stream: its times are those of the pin's last edge
 *       before the hole (0 before the pin's first edge).</li>
 * </ul>
 */
final class CsvEdgeSink implements EdgeSink {

    static final String HEADER = "board_ns,host_unix_ns,pin,level,latency_ns,latency_valid,lost,event";

    private final PrintWriter out;
    private final HostClock clock;
    private final LatencyVouch vouch;
    private final Map<String, Edge> lastEdge = new HashMap<>();

    CsvEdgeSink(PrintWriter out, HostClock clock, LatencyVouch vouch) {
        this.out = out;
        this.clock = clock;
        this.vouch = vouch;
        out.println(HEADER);
    }

    @Override
    public void edge(Edge e) {
        lastEdge.put(e.pin(), e);
        boolean valid = vouch.vouches(e);
        row(e.boardNanos().getAsLong(), clock.epochNanos(e.hostNanos()), e.pin(), e.isRising() ? 1 : 0, valid ? e.latency().toNanos() : 0,
                valid ? 1 : 0, 0, "edge");
    }

    @Override
    public void lost(String pin, String cause, long count, String what) {
        Edge before = lastEdge.get(pin);
        row(before == null ? 0 : before.boardNanos().getAsLong(), before == null ? 0 : clock.epochNanos(before.hostNanos()), pin, -1, 0, 0,
                count, cause);
    }

    private void row(long boardNs, long hostNs, String pin, int level, long latencyNs, int valid, long lost, String event) {
        out.println(boardNs + "," + hostNs + "," + pin + "," + level + "," + latencyNs + "," + valid + "," + lost + "," + event);
    }

    @Override
    public void close() {
        out.flush();
    }
}
