package io.wakewire.board;

import io.wakewire.wire.FrameTypes;
import io.wakewire.wire.Raw;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MSG frames from the board into per-topic streams, and every loss in-band (Messages, MessageStream). */
class MessagesTest {

    private static Raw msg(int seq, int topic, int lost, int... data) {
        byte[] p = new byte[2 + data.length];
        p[0] = (byte) topic;
        p[1] = (byte) lost;
        for (int i = 0; i < data.length; i++) {
            p[2 + i] = (byte) data[i];
        }
        return new Raw(FrameTypes.MSG, seq, p);
    }

    @Test
    void messagesGoToTheirTopicsStreamInOrderWithTheBoardsLossesBeforeThem() {
        Messages m = new Messages();
        MessageStream one = m.stream("uno@test", 1);
        assertSame(one, m.stream("uno@test", 1));
        assertTrue(m.accept(msg(0, 1, 0, 0xAA), 10));
        assertTrue(m.accept(msg(1, 2, 0, 0xBB), 11)); // nobody listens to topic 2
        assertTrue(m.accept(msg(2, 1, 3, 0xCC, 0xDD), 12)); // the board refused 3 before it
        BoardMessage a = one.poll(), b = one.poll();
        assertArrayEquals(new byte[] {(byte) 0xAA}, a.data());
        assertEquals(0, a.lostBefore());
        assertArrayEquals(new byte[] {(byte) 0xCC, (byte) 0xDD}, b.data());
        assertEquals(3, b.lostBefore());
        assertEquals(12, b.arrivalNanos());
        assertNull(one.poll());
        assertEquals(3, m.boardLost());
        assertEquals(1, m.unclaimed());
    }

    @Test
    void aFullStreamDropsAndCountsTheMessageInTheNextOne() {
        Messages m = new Messages();
        MessageStream s = m.stream("uno@test", 7);
        int n = Messages.STREAM_CAPACITY;
        for (int i = 0; i < n + 5; i++) {
            m.accept(msg(i & 0xFF, 7, i == n + 1 ? 2 : 0, i & 0xFF), i);
        }
        assertEquals(5, s.dropped());
        for (int i = 0; i < n; i++) {
            assertEquals(0, s.poll().lostBefore());
        }
        assertNull(s.poll());
        m.accept(msg(0, 7, 0, 1), 0);
        assertEquals(5 + 2, s.poll().lostBefore(), "the 5 dropped here and the board's 2 carried by a dropped frame");
    }

    @Test
    void otherFramesAndShortOnesAreNotMessages() {
        Messages m = new Messages();
        assertFalse(m.accept(new Raw(0x14, 0, new byte[] {1, 2}), 0));
        assertFalse(m.accept(new Raw(FrameTypes.MSG, 0, new byte[] {1}), 0)); // BoardSession counts it: a loss
        assertThrows(IllegalArgumentException.class, () -> m.stream("uno@test", 256));
    }

    @Test
    void aClosedStreamLeavesItsTopicUnclaimed() {
        Messages m = new Messages();
        MessageStream s = m.stream("uno@test", 3);
        s.close();
        m.accept(msg(0, 3, 0), 0);
        assertEquals(1, m.unclaimed());
        assertTrue(m.stream("uno@test", 3) != s);
    }
}
