package io.wakewire.link;

import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryLinkPairTest {

    private static byte[] readAll(SerialLink link) throws LinkClosedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(7); // small on purpose: several reads per frame
        int n;
        while ((n = link.read(buf.clear())) > 0) {
            out.write(buf.array(), 0, n);
        }
        return out.toByteArray();
    }

    @Test
    void bytesGoBothWaysAndWakeTheReader() throws Exception {
        InMemoryLinkPair pair = InMemoryLinkPair.create();
        CountingWaker boardSide = new CountingWaker();
        pair.b().setReadWaker(boardSide);

        pair.a().write(new byte[] {0x01, 0x02, 0x00});
        assertEquals(1, boardSide.count());
        assertArrayEquals(new byte[] {0x01, 0x02, 0x00}, readAll(pair.b()));

        pair.b().write("pong".getBytes(), 1, 2);
        assertArrayEquals("on".getBytes(), readAll(pair.a()));
    }

    @Test
    void closingOneEndIsADisconnectForTheOther() throws Exception {
        InMemoryLinkPair pair = InMemoryLinkPair.create();
        CountingWaker hostSide = new CountingWaker();
        pair.a().setReadWaker(hostSide);
        pair.b().write(new byte[] {42});

        pair.b().close();
        pair.b().close(); // idempotent

        assertEquals(LinkState.CLOSED, pair.b().state());
        assertEquals(LinkState.DISCONNECTED, pair.a().state());
        assertEquals(2, hostSide.count(), "one wake for the byte, one for the end");
        ByteBuffer one = ByteBuffer.allocate(8);
        assertEquals(1, pair.a().read(one), "what was sent before the close arrives");
        assertEquals(42, one.get(0));
        LinkClosedException e = assertThrows(LinkClosedException.class, () -> pair.a().read(ByteBuffer.allocate(1)));
        assertTrue(e.isDisconnect());
        LinkClosedException w = assertThrows(LinkClosedException.class, () -> pair.b().write(new byte[1]));
        assertEquals(LinkState.CLOSED, w.state());
        assertEquals("link board was closed", w.getMessage());
    }

    @Test
    void aCablePulledDisconnectsBothEnds() {
        InMemoryLinkPair pair = InMemoryLinkPair.create();
        pair.disconnect("cable pulled");
        for (SerialLink end : List.of(pair.a(), pair.b())) {
            LinkClosedException e = assertThrows(LinkClosedException.class, () -> end.write(new byte[1]));
            assertTrue(e.isDisconnect());
            assertTrue(e.getMessage().endsWith("disconnected: cable pulled"), e.getMessage());
        }
    }

    @Test
    void anInjectedWriteFailureDisconnectsThePair() throws Exception {
        InMemoryLinkPair pair = InMemoryLinkPair.create();
        pair.failNextWrite(pair.a(), "EIO");
        LinkClosedException e = assertThrows(LinkClosedException.class, () -> pair.a().write(new byte[] {1}));
        assertTrue(e.isDisconnect());
        assertEquals(0, pair.b().available(), "nothing of the failed write arrives");
        assertEquals(LinkState.DISCONNECTED, pair.b().state());
    }

    @Test
    void writingMoreThanTheOtherEndBuffersFailsClearlyInsteadOfHanging() throws Exception {
        InMemoryLinkPair pair = InMemoryLinkPair.create("host", "board", 4);
        pair.a().write(new byte[3]);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pair.a().write(new byte[2]));
        assertEquals("in-memory link host -> board: the receiving end's buffer is full (3 bytes unread); "
                + "read from board or make the pair bigger", e.getMessage());
    }

    @Test
    void readableIsPendingUntilBytesArriveAndReadyWhenTheLinkEnds() throws Exception {
        InMemoryLinkPair pair = InMemoryLinkPair.create();
        CountingWaker task = new CountingWaker();
        Future<Void> readable = pair.a().readable();

        assertTrue(readable.poll(task).isPending());
        pair.b().write(new byte[] {5});
        assertEquals(1, task.count(), "the write woke the task that polled readable()");
        assertTrue(readable.poll(task).isReady());
        readAll(pair.a());
        assertTrue(readable.poll(task).isPending(), "drained: pending again");
        pair.b().close();
        Poll<Void> p = readable.poll(task);
        assertTrue(p.isReady(), "an ended link is readable: read() then says how it ended");
        assertEquals("readable(host)", readable.describe());
    }

    @Property(tries = 200)
    void anySequenceOfWritesArrivesIntactWhateverTheChunking(
            @ForAll @Size(max = 20) List<@Size(max = 40) byte[]> writes,
            @ForAll @IntRange(min = 1, max = 16) int chunk) throws Exception {
        InMemoryLinkPair pair = InMemoryLinkPair.create();
        pair.deliverInChunksOf(chunk);
        CountingWaker w = new CountingWaker();
        pair.b().setReadWaker(w);
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        int expectedWakes = 0;
        for (byte[] frame : writes) {
            pair.a().write(frame);
            sent.write(frame);
            expectedWakes += (frame.length + chunk - 1) / chunk;
        }
        assertArrayEquals(sent.toByteArray(), readAll(pair.b()));
        assertEquals(expectedWakes, w.count(), "one wake per delivered piece");
    }
}
