package io.wakewire.wire;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encoder's limits and the records' range checks: a programmer's mistake, named precisely. */
class FrameEncoderTest {

    @Test
    void anEventsFrameOver60PayloadBytesIsRefused() {
        List<EventRecord> edges = new ArrayList<>();
        for (int i = 0; i < 29; i++) {
            edges.add(new EventRecord.Edge(2, i & 1, 12L * i));
        }
        Answer.Events tooMany = new Answer.Events(0, 0, edges);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FrameEncoder.toWire(tooMany));
        assertTrue(e.getMessage().contains("EVENTS payload"), e.getMessage());
        assertTrue(e.getMessage().contains("60-byte limit"), e.getMessage());
    }

    @Test
    void hugeListsAreRefusedWithoutOverrunningTheScratchBuffer() {
        List<EventRecord> losts = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            losts.add(new EventRecord.Lost(12, 0xFFFF_FFFFL));
        }
        assertThrows(IllegalArgumentException.class, () -> FrameEncoder.toWire(new Answer.Events(0, 0, losts)));
        List<Answer.Drop> drops = new ArrayList<>();
        for (int i = 0; i < 255; i++) {
            drops.add(new Answer.Drop(i, 1));
        }
        assertThrows(IllegalArgumentException.class,
                () -> FrameEncoder.toWire(new Answer.StatsReport(0, 1, 0, 0, 0, drops)));
    }

    @Test
    void encodingIntoAnArrayAtAnOffsetWritesTheSameBytes() {
        Frame f = new Command.Arm(3, 4, 2, Command.Arm.BOTH, 0);
        byte[] expected = FrameEncoder.toWire(f);
        byte[] buf = new byte[100];
        int n = new FrameEncoder().encode(f, buf, 17);
        assertEquals(expected.length, n);
        assertArrayEquals(expected, java.util.Arrays.copyOfRange(buf, 17, 17 + n));
        assertEquals(0, buf[17 + n - 1]);
    }

    @Test
    void recordsNameTheFieldThatDoesNotFit() {
        assertMessage("pin = 256", () -> new Command.PinMode(0, 1, 256, 0));
        assertMessage("debounce = 70000", () -> new Command.Arm(0, 1, 2, 3, 70000));
        assertMessage("ts = -1", () -> new Answer.ClockReading(0, 1, -1));
        assertMessage("ping data has 9 bytes", () -> new Command.Ping(0, 1, new byte[9]));
        assertMessage("edge pin = 127", () -> new EventRecord.Edge(127, 0, 0));
        assertMessage("edge level = 2", () -> new EventRecord.Edge(3, 2, 0));
        assertMessage("EVENTS record 1", () -> new Answer.Events(0, 100,
                List.of(new EventRecord.Edge(2, 1, 150), new EventRecord.Edge(2, 0, 149))));
        assertMessage("EVENTS record 0", () -> new Answer.Events(0, 100, List.of(new EventRecord.Edge(2, 1, 99))));
    }

    @Test
    void recordsWithBytesCompareByContentAndCannotBeChangedFromOutside() {
        byte[] data = {1, 2, 3};
        Command.Ping ping = new Command.Ping(1, 2, data);
        data[0] = 9;
        assertEquals(new Command.Ping(1, 2, new byte[] {1, 2, 3}), ping);
        ping.data()[1] = 9;
        assertEquals(new Command.Ping(1, 2, new byte[] {1, 2, 3}), ping);
        assertEquals(new Command.Ping(1, 2, new byte[] {1, 2, 3}).hashCode(), ping.hashCode());
        assertEquals("Ping[seq=1, reqId=2, data=010203]", ping.toString());
    }

    @Test
    void nakCodesMapBothWays() {
        Answer.Nak nak = new Answer.Nak(1, 2, NakCode.BAD_PIN, 99);
        assertEquals(3, nak.code());
        assertEquals(NakCode.BAD_PIN, nak.reason());
        assertEquals("bad_pin", nak.reason().wireName());
        assertEquals(NakCode.UNKNOWN, new Answer.Nak(1, 2, 200, 0).reason());
    }

    private static void assertMessage(String part, org.junit.jupiter.api.function.Executable make) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, make);
        assertTrue(e.getMessage().contains(part), "message '" + e.getMessage() + "' lacks '" + part + "'");
    }
}
