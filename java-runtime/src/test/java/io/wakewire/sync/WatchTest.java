package io.wakewire.sync;

import io.wakewire.task.Future;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class WatchTest {

    private final ManualContext cx = new ManualContext();

    @Test
    void receiverWaitsForTheNextValueAndSkipsIntermediateOnes() {
        Watch<String> w = new Watch<>("state", "off");
        Watch<String>.Receiver rx = w.subscribe();
        assertFalse(rx.hasChanged());
        Future<String> c = rx.changed();
        cx.pending(c);
        w.send("starting");
        w.send("on");
        assertEquals(1, cx.wakes());
        assertEquals("on", cx.ready(c), "the latest value, not each one");
        assertFalse(rx.hasChanged());
        cx.pending(rx.changed());
    }

    @Test
    void everyReceiverSeesTheChange() {
        Watch<Integer> w = new Watch<>(0);
        Future<Integer> a = w.subscribe().changed();
        Future<Integer> b = w.subscribe().changed();
        cx.pending(a);
        cx.pending(b);
        w.send(7);
        assertEquals(2, cx.wakes());
        assertEquals(7, cx.ready(a));
        assertEquals(7, cx.ready(b));
        assertEquals(7, w.get());
        assertEquals(1, w.version());
    }

    @Test
    void aChangeBeforeTheFirstPollIsNotMissed() {
        Watch<Integer> w = new Watch<>(0);
        Watch<Integer>.Receiver rx = w.subscribe();
        w.send(1);
        assertTrue(rx.hasChanged());
        assertEquals(1, cx.ready(rx.changed()));
    }

    @Test
    void closeDeliversTheLastUnseenValueThenFails() {
        Watch<String> w = new Watch<>("link", "a");
        Watch<String>.Receiver rx = w.subscribe();
        Future<String> waiting = w.subscribe().changed();
        cx.pending(waiting);
        w.send("b");
        w.close();
        assertEquals("b", cx.ready(rx.changed()));
        ClosedException e = assertThrows(ClosedException.class, () -> cx.poll(rx.changed()));
        assertTrue(e.getMessage().contains("link"), e.getMessage());
        assertThrows(ClosedException.class, () -> w.send("c"));
    }

    @Test
    void cancelledChangedFutureIsNotWoken() {
        Watch<Integer> w = new Watch<>(0);
        Future<Integer> c = w.subscribe().changed();
        cx.pending(c);
        c.cancel();
        w.send(1);
        assertEquals(0, cx.wakes());
    }

    @Test
    void pendingRepollAllocatesNothing() {
        Watch<Integer> w = new Watch<>(0);
        Future<Integer> c = w.subscribe().changed();
        cx.pending(c);
        long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 10_000; i++) {
                c.poll(cx);
            }
        });
        assertTrue(bytes < 1024, "10,000 pending polls allocated " + bytes + " bytes");
    }
}
