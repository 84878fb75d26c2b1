package io.wakewire.cli;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A latency the clock sync does not vouch for is never shown as a measurement. */
class LatencyTextTest {

    private static Edge edge(long latencyNanos, long errorNanos) {
        return Edge.onBoard("D2", Level.HIGH, 100, 400_000, 1_000_000_000L, 1_000_000_000L + latencyNanos, errorNanos);
    }

    @Test
    void aVouchedLatencyIsPrintedWithItsBound() {
        assertEquals("0.412 ms ±0.120", LatencyText.of(edge(412_000, 120_000)));
        assertEquals("0.412", LatencyText.column(edge(412_000, 120_000), LatencyVouch.SYNC));
    }

    @Test
    void anUnvouchedOneIsNot() {
        Edge e = edge(-1_200_000, -1); // the "-1.2 ms"
        assertEquals("not measured (the clock sync cannot vouch for it yet)", LatencyText.of(e));
        assertEquals("-", LatencyText.column(e, LatencyVouch.SYNC));
        StringWriter w = new StringWriter();
        TextEdgeSink sink = new TextEdgeSink(new PrintWriter(w), new HostClock(), LatencyVouch.SYNC);
        sink.edge(e);
        sink.close();
        String row = w.toString().lines().skip(1).findFirst().orElseThrow();
        assertTrue(row.endsWith("  -"), row);
        assertFalse(row.contains("1.200"), row);
    }
}
