package io.wakewire.cli;

import io.wakewire.board.Edge;
import io.wakewire.board.Level;

import java.io.StringWriter;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VcdWriterTest {

    private static Edge edge(String pin, Level level, long boardNanos) {
        return new Edge(pin, level, boardNanos / 4000, boardNanos, 0, 0);
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
        assertEquals("#1000\n$dumpvars\nx!\nx\"\n$end\n1!\n#2000\n1\"\n0!\n", body);
    }

    @Test
    void theHeaderDeclaresOneWirePerPinUnderTheBoard() throws Exception {
        StringWriter text = new StringWriter();
        new VcdWriter(text, "mega2560", List.of("D2", "A0")).close();
        String s = text.toString();
        assertTrue(s.contains("$timescale 1ns $end\n$scope module mega2560 $end\n$var wire 1 ! D2 $end\n"
                + "$var wire 1 \" A0 $end\n$upscope $end\n$enddefinitions $end\n"), s);
    }

    @Test
    void aLossBecomesAComment() throws Exception {
        StringWriter text = new StringWriter();
        VcdWriter vcd = new VcdWriter(text, "uno", List.of("D2"));
        vcd.lost("D2", "events lost (board_ring, 3 event(s))");
        vcd.close();
        assertTrue(text.toString().endsWith("$comment lost D2: events lost (board_ring, 3 event(s)) $end\n"), text.toString());
    }
}
