package io.wakewire.link;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiveBufferTest {

    private static byte[] drain(ReceiveBuffer rb, int max) throws LinkClosedException {
        ByteBuffer dst = ByteBuffer.allocate(max);
        rb.read(dst);
        return Arrays.copyOf(dst.array(), dst.position());
    }

    @Test
    void bytesComeOutInOrderAcrossTheEndOfTheRing() throws Exception {
        ReceiveBuffer rb = new ReceiveBuffer("t", 8);
        assertTrue(rb.tryPut(new byte[] {1, 2, 3, 4, 5, 6}, 0, 6));
        assertArrayEquals(new byte[] {1, 2, 3, 4}, drain(rb, 4));
        assertTrue(rb.tryPut(new byte[] {7, 8, 9, 10, 11, 12}, 0, 6)); // wraps around
        assertEquals(8, rb.available());
        assertArrayEquals(new byte[] {5, 6, 7, 8, 9, 10, 11, 12}, drain(rb, 100));
        assertEquals(0, rb.read(ByteBuffer.allocate(4)));
    }

    @Test
    void tryPutRefusesWhatDoesNotFitWholly() {
        ReceiveBuffer rb = new ReceiveBuffer("t", 4);
        assertTrue(rb.tryPut(new byte[3], 0, 3));
        assertFalse(rb.tryPut(new byte[2], 0, 2));
        assertEquals(3, rb.available());
    }

    @Test
    void bytesReceivedBeforeTheEndAreReadBeforeTheException() throws Exception {
        ReceiveBuffer rb = new ReceiveBuffer("/dev/ttyX", 16);
        rb.tryPut(new byte[] {9, 8}, 0, 2);
        assertTrue(rb.end(LinkState.DISCONNECTED, "unplugged", null));
        assertFalse(rb.end(LinkState.CLOSED, null, null), "the first end wins");
        assertEquals(LinkState.DISCONNECTED, rb.state());
        assertArrayEquals(new byte[] {9, 8}, drain(rb, 16));
        LinkClosedException e = assertThrows(LinkClosedException.class, () -> rb.read(ByteBuffer.allocate(1)));
        assertTrue(e.isDisconnect());
        assertEquals("link /dev/ttyX disconnected: unplugged", e.getMessage());
    }

    @Test
    void wakerIsWokenByEveryPutAndByTheEnd() {
        ReceiveBuffer rb = new ReceiveBuffer("t", 16);
        CountingWaker w = new CountingWaker();
        rb.setWaker(w);
        rb.tryPut(new byte[] {1}, 0, 1);
        rb.tryPut(new byte[] {2}, 0, 1);
        rb.end(LinkState.CLOSED, null, null);
        assertEquals(3, w.count());
    }

    @Test
    void aFullBufferMakesThePutWaitUntilTheConsumerReads() throws Exception {
        ReceiveBuffer rb = new ReceiveBuffer("t", 4);
        CompletableFuture<Boolean> put = CompletableFuture.supplyAsync(() -> {
            try {
                return rb.put(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, 0, 10);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        ByteBuffer all = ByteBuffer.allocate(10);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (all.hasRemaining() && System.nanoTime() < deadline) {
            if (rb.read(all) == 0) {
                Thread.onSpinWait();
            }
        }
        assertTrue(put.get(10, TimeUnit.SECONDS));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, all.array());
    }

    @Test
    void endingTheLinkReleasesAWaitingProducer() throws Exception {
        ReceiveBuffer rb = new ReceiveBuffer("t", 2);
        rb.tryPut(new byte[2], 0, 2);
        CompletableFuture<Boolean> put = CompletableFuture.supplyAsync(() -> {
            try {
                return rb.put(new byte[] {1}, 0, 1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50); // let it start waiting; the result is the same if it has not yet
        rb.end(LinkState.CLOSED, null, null);
        assertFalse(put.get(10, TimeUnit.SECONDS));
    }
}
