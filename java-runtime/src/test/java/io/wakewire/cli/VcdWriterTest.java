package io.wakewire.cli;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VcdWriterTest {

    private static Edge edge(String pin, Level level, long boardNanos) {
        return Edge.onBoard(pin, level, boardNanos / 4000, boardNanos, 0, 0, -1);
    }

    @Test
    void edgesOfTwoPinsArrivingOutOfOrderAreWrittenInBoardTime() throws Exception {
        StringWriter text = new StringWriter();
        VcdWriter vcd = new VcdWriter(text, "uno", List.of("D2", "D3"));
        vcd.edge(edge("D3", Level.HIGH, 2_000));
        vcd.edge(edge("D2", Level.HIGH, 1_000)); // same frame, other task: earlier in board time
        vcd.edge(edge("D2", Level.LOW, 2_000));
        vcd.edge(edge("D9", Level.LOW, 3_000)); // not a watched pin: ignored
        vcd.close();
        String body = text.toString().substring(text.toString().indexOf("$enddefinitions $end\n") + 21);
        // initial values 1 ns before the first edge (the levels before each pin's first edge, the
        // lost wires low), every edge a change after them, the end 1 ns after the last
        assertEquals("#999\n$dumpvars\n0!\n0\"\n0#\n0$\n$end\n#1000\n1!\n#2000\n1\"\n0!\n#2001\n", body);
    }

    @Test
    void theHeaderDeclaresOneWirePerPinUnderTheBoard() throws Exception {
        StringWriter text = new StringWriter();
        new VcdWriter(text, "mega2560", List.of("D2", "A0")).close();
        String s = text.toString();
        assertTrue(s.contains("$timescale 1ns $end\n$scope module mega2560 $end\n$var wire 1 ! D2 $end\n"
                + "$var wire 1 \" A0 $end\n$var wire 1 # D2_lost $end\n$var wire 1 $ A0_lost $end\n"
                + "$upscope $end\n$enddefinitions $end\n"), s);
    }

    @Test
    void aLossRaisesThePinsLostWireAcrossTheHoleNeverAComment() throws Exception {
        StringWriter text = new StringWriter();
        VcdWriter vcd = new VcdWriter(text, "uno", List.of("D2"));
        vcd.edge(edge("D2", Level.HIGH, 1_000));
        vcd.lost("D2", "D2: events lost (board_ring, 3 event(s))");
        vcd.edge(edge("D2", Level.HIGH, 5_000));
        vcd.close();
        String body = text.toString().substring(text.toString().indexOf("$enddefinitions $end\n") + 21);
        assertEquals("#999\n$dumpvars\n0!\n0\"\n$end\n#1000\n1!\n1\"\n#5000\n1!\n0\"\n#5001\n", body);
        assertTrue(!body.contains("$comment"), body);
    }

    @Test
    void aHoleRightAfterTheEdgeThatEndedTheLastKeepsTheLostWireHigh() throws Exception {
        StringWriter text = new StringWriter();
        VcdWriter vcd = new VcdWriter(text, "uno", List.of("D2"));
        vcd.edge(edge("D2", Level.HIGH, 1_000));
        vcd.lost("D2", "D2: events lost (board_ring, 2 event(s))");
        vcd.edge(edge("D2", Level.LOW, 2_000));
        vcd.lost("D2", "D2: events lost (board_ring, 4 event(s))"); // the ring full again at once
        vcd.edge(edge("D2", Level.HIGH, 3_000));
        vcd.close();
        String body = text.toString().substring(text.toString().indexOf("$enddefinitions $end\n") + 21);
        // not "0\"" then "1\"" at #2000: a low of no duration, which sigrok drops and GTKWave keeps
        assertEquals("#999\n$dumpvars\n0!\n0\"\n$end\n#1000\n1!\n1\"\n#2000\n0!\n#3000\n1!\n0\"\n#3001\n", body);
    }

    @Test
    void aLossBeforeThePinsFirstEdgeStandsAtTheNewestEdgeNotAtTimeZero() throws Exception {
        StringWriter text = new StringWriter();
        VcdWriter vcd = new VcdWriter(text, "uno", List.of("D2", "D8"));
        vcd.edge(edge("D2", Level.HIGH, 1_000));
        vcd.edge(edge("D2", Level.LOW, 2_000));
        vcd.lost("D8", "D8: events lost (board_ring, 3 event(s))"); // D8's first edges went in a full ring
        vcd.edge(edge("D8", Level.HIGH, 3_000));
        vcd.close();
        String body = text.toString().substring(text.toString().indexOf("$enddefinitions $end\n") + 21);
        // D8's level before the hole is not known: x until its first edge
        assertEquals("#999\n$dumpvars\n0!\nx\"\n0#\n0$\n$end\n#1000\n1!\n#2000\n0!\n1$\n#3000\n1\"\n0$\n#3001\n", body);
    }

    @Test
    void aPinWhoseFirstEdgeComesLaterGetsItsKnownLevelJustBefore() throws Exception {
        StringWriter text = new StringWriter();
        VcdWriter vcd = new VcdWriter(text, "uno", List.of("D2", "D3"));
        long late = 1_000 + VcdWriter.REORDER_NANOS + 1_000;
        vcd.edge(edge("D2", Level.HIGH, 1_000));
        vcd.edge(edge("D2", Level.LOW, late)); // writes the first edge: D3 is not known yet
        vcd.edge(edge("D3", Level.LOW, late + 1_000));
        vcd.close();
        String body = text.toString().substring(text.toString().indexOf("$enddefinitions $end\n") + 21);
        assertEquals("#999\n$dumpvars\n0!\nx\"\n0#\n0$\n$end\n#1000\n1!\n#" + late + "\n0!\n#" + (late + 999)
                + "\n1\"\n#" + (late + 1_000) + "\n0\"\n#" + (late + 1_001) + "\n", body);
    }
}
