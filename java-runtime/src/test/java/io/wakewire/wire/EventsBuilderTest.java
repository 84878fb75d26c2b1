package io.wakewire.wire;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Packing records into EVENTS frames as the firmware does. */
class EventsBuilderTest {

    @Test
    void twentyEightTwoByteEdgesFillAFrame() {
        EventsBuilder b = new EventsBuilder();
        for (int i = 0; i < 28; i++) {
            assertTrue(b.addEdge(2, i & 1, 4000 + 12L * i), "edge " + i);
        }
        assertEquals(Frame.MAX_PAYLOAD, b.payloadSize());
        assertFalse(b.addEdge(2, 0, 5000));
        Answer.Events ev = b.build(0);
        // the same bytes as the vectors' full frame
        assertEquals("EVENTS seq=0 base_ts=4000 edge=2:0:0 edge=2:1:12",
                FrameText.format(ev).substring(0, "EVENTS seq=0 base_ts=4000 edge=2:0:0 edge=2:1:12".length()));
        assertEquals(Frame.MAX_WIRE, FrameEncoder.toWire(ev).length);
        assertTrue(b.isEmpty());
        assertTrue(b.addEdge(2, 0, 5000));
        assertEquals(5000, b.build(1).baseTs());
    }

    @Test
    void aTickCounterWrapIsADeltaNotAStepBack() {
        EventsBuilder b = new EventsBuilder();
        b.addEdge(8, 1, 0xFFFF_FFF0L);
        b.addLost(8, 3);
        b.addEdge(8, 0, 0x10);
        Answer.Events ev = b.build(5);
        assertEquals("EVENTS seq=5 base_ts=4294967280 edge=8:1:0 lost=8:3 edge=8:0:32", FrameText.format(ev));
        assertEquals(List.of(ev), CollectingSink.decode(FrameEncoder.toWire(ev)));
        assertEquals(0x1_0000_0010L, ((EventRecord.Edge) ev.records().get(2)).timestamp());
    }

    @Test
    void aRecordThatDoesNotFitIsRefusedWhole() {
        EventsBuilder b = new EventsBuilder();
        for (int i = 0; i < 27; i++) {
            b.addEdge(3, i & 1, i);
        }
        assertEquals(58, b.payloadSize());
        assertFalse(b.addLost(12, 65535)); // needs 2 + 3 bytes
        assertFalse(b.addEdge(3, 1, 1000)); // delta 974: 1 + 2 bytes
        assertTrue(b.addEdge(3, 1, 27)); // delta 1: 2 bytes
        assertEquals(Frame.MAX_PAYLOAD, b.payloadSize());
        assertEquals(28, b.build(0).records().size());
    }
}
