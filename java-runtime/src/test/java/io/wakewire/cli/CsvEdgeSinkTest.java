package io.wakewire.cli;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/** The CSV a script reads: integer columns integer in every row, no latency shown that the clock sync does not vouch for. */
class CsvEdgeSinkTest {

    /** Columns a script reads as numbers: every cell of them must be an integer (pandas: int64, not float). */
    private static final List<String> INTEGER_COLUMNS = List.of("board_ns", "host_unix_ns", "level", "latency_ns",
            "latency_valid", "lost");

    private static Edge edge(Level level, long boardNanos, long hostNanos, long arrivalNanos) {
        return Edge.onBoard("D2", level, boardNanos / 4000, boardNanos, hostNanos, arrivalNanos, -1);
    }

    private static List<String[]> write(LatencyVouch vouch, Object... items) throws Exception {
        StringWriter text = new StringWriter();
        CsvEdgeSink csv = new CsvEdgeSink(new PrintWriter(text), new HostClock(), vouch);
        for (Object o : items) {
            if (o instanceof Edge e) {
                csv.edge(e);
            } else {
                csv.lost("D2", "board_ring", (Long) o, "D2: events lost (board_ring, " + o + " event(s))");
            }
        }
        csv.close();
        List<String> lines = text.toString().lines().toList();
        assertEquals(CsvEdgeSink.HEADER, lines.get(0));
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",", -1)).toList();
    }

    @Test
    void everyIntegerColumnIsAnIntegerInEveryRowLossRowsIncluded() throws Exception {
        // a loss before the first edge, one between edges
        List<String[]> rows = write(LatencyVouch.BY_SIGN, 2L, edge(Level.HIGH, 1_000_000, 5_000_000, 5_080_000), 3L,
                edge(Level.LOW, 2_000_000, 6_000_000, 6_090_000));
        List<String> header = List.of(CsvEdgeSink.HEADER.split(","));
        assertEquals(4, rows.size());
        for (String[] row : rows) {
            assertEquals(header.size(), row.length, String.join(",", row));
            for (String column : INTEGER_COLUMNS) {
                String cell = row[header.indexOf(column)];
                try {
                    Long.parseLong(cell);
                } catch (NumberFormatException e) {
                    fail(column + " is \"" + cell + "\", not an integer, in row " + String.join(",", row));
                }
            }
        }
        String[] loss = rows.get(2);
        assertEquals("-1", loss[header.indexOf("level")]);
        assertEquals("3", loss[header.indexOf("lost")]);
        assertEquals("board_ring", loss[header.indexOf("event")]);
        assertEquals("1000000", loss[header.indexOf("board_ns")], "a loss stands at the pin's last edge before the hole");
        assertEquals("edge", rows.get(1)[header.indexOf("event")]);
        assertEquals("0", rows.get(1)[header.indexOf("lost")]);
    }

    @Test
    void aLatencyTheClockSyncCannotVouchForIsNotPrintedAsMeasured() throws Exception {
        // the second edge's host-time estimate lies after its arrival: latency -82.7 µs
        List<String[]> rows = write(LatencyVouch.BY_SIGN, edge(Level.HIGH, 1_000_000, 5_000_000, 5_080_000),
                edge(Level.LOW, 2_000_000, 6_082_700, 6_000_000));
        assertEquals("80000", rows.get(0)[4]);
        assertEquals("1", rows.get(0)[5]);
        assertEquals("0", rows.get(1)[4], "no figure for an unvouched latency");
        assertEquals("0", rows.get(1)[5], "latency_valid says so");
        for (String[] row : rows) {
            assertTrue(Long.parseLong(row[4]) >= 0, String.join(",", row));
        }
    }
}
