package io.wakewire.wire;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The vectors' text form: what it reads, and how it says what is wrong with a line. */
class FrameTextTest {

    @Test
    void aLineReadsAndWritesBack() {
        String line = "b2h EVENTS seq=16 base_ts=4294967040 edge=8:1:0 edge=8:0:40 lost=8:3 lost=0:200 edge=2:1:300";
        assertEquals(line, FrameText.line(FrameText.parse(line)));
        assertEquals(new Command.Arm(3, 4, 2, 3, 0), FrameText.parse("h2b ARM seq=3 req=4 pin=2 edges=3 debounce=0"));
    }

    @Test
    void hexNumbersAndTheBoardsAnswerKeyAreAccepted() {
        Frame f = FrameText.parse("h2b RAW type=0x9f seq=23 data=1801 answer=NAK:1:159");
        assertEquals(new Raw(0x9f, 23, new byte[] {0x18, 0x01}), f);
        assertEquals("h2b RAW type=0x9f seq=23 data=1801", FrameText.line(f));
    }

    @Test
    void mistakesAreNamed() {
        assertBad("direction 'x2y'", "x2y ACK seq=1 req=2");
        assertBad("unknown answer type 'ACKK'", "b2h ACKK seq=1 req=2");
        assertBad("expected req=... but found 'rq=2'", "b2h ACK seq=1 rq=2");
        assertBad("missing detail=", "b2h NAK seq=1 req=2 code=3");
        assertBad("seq = 'one' is not a number", "b2h ACK seq=one req=2");
        assertBad("unexpected 'extra=1'", "b2h ACK seq=1 req=2 extra=1");
        assertBad("edge needs 3 numbers", "b2h EVENTS seq=1 base_ts=0 edge=2:1");
        assertBad("signature needs 3 bytes", "b2h HELLO seq=0 req=0 proto=1 fw_major=0 fw_minor=1 signature=1e95 "
                + "f_cpu=16000000 tick_ns=4000 caps=63 reset_cause=2 baud=1000000 n_pins=20");
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class,
                () -> FrameText.parse("b2h ACK seq=256 req=2"));
        assertTrue(range.getMessage().contains("seq = 256"), range.getMessage());
    }

    private static void assertBad(String part, String line) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameText.parse(line));
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
        assertTrue(e.getMessage().contains(line), "message '" + e.getMessage() + "' does not quote the line");
    }
}
