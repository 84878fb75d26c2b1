package io.wakewire.sync;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.*;

class OneshotTest {

    private final ManualContext cx = new ManualContext();

    @Test
    void valueSentBeforeThePollIsReadyAtOnce() {
        Oneshot<String> o = Oneshot.create();
        assertTrue(o.sender().send("pong"));
        assertEquals("pong", cx.ready(o.receiver()));
    }

    @Test
    void pendingReceiverIsWokenBySendAndGetsTheValue() {
        Oneshot<String> o = Oneshot.create();
        cx.pending(o.receiver());
        assertEquals(0, cx.wakes());
        o.sender().send("late");
        assertEquals(1, cx.wakes());
        assertEquals("late", cx.ready(o.receiver()));
    }

    @Test
    void onlyTheFirstSendCounts() {
        Oneshot<Integer> o = Oneshot.create();
        assertTrue(o.sender().send(1));
        assertFalse(o.sender().send(2));
        assertEquals(1, cx.ready(o.receiver()));
    }

    @Test
    void senderThatGivesUpFailsTheReceiverWithAClearMessage() {
        Oneshot<String> o = Oneshot.create("reply");
        cx.pending(o.receiver());
        o.sender().close();
        assertEquals(1, cx.wakes());
        ClosedException e = assertThrows(ClosedException.class, () -> cx.poll(o.receiver()));
        assertTrue(e.getMessage().contains("reply"), e.getMessage());
        assertFalse(o.sender().send("too late"));
    }

    @Test
    void cancelledReceiverMakesSendReturnFalse() {
        Oneshot<String> o = Oneshot.create();
        cx.pending(o.receiver());
        o.receiver().cancel();
        assertTrue(o.sender().isReceiverGone());
        assertFalse(o.sender().send("nobody listens"));
        assertEquals(0, cx.wakes());
        assertTrue(o.describe().contains("cancelled"), o.describe());
    }

    @Test
    void nullIsAValidValue() {
        Oneshot<String> o = Oneshot.create();
        assertTrue(o.sender().send(null));
        assertNull(cx.ready(o.receiver()));
    }

    @Test
    void pendingRepollAllocatesNothing() {
        Oneshot<String> o = Oneshot.create();
        cx.pending(o.receiver());
        long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 10_000; i++) {
                o.poll(cx);
            }
        });
        assertTrue(bytes < 1024, "10,000 pending polls allocated " + bytes + " bytes");
    }

    @Test
    void valueCrossesThreadsWithoutLosingTheWake() throws Exception {
        assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(1)) {
                for (int i = 0; i < 2_000; i++) {
                    Oneshot<Integer> o = Oneshot.create();
                    int v = i;
                    Future<?> sent = pool.submit(() -> o.sender().send(v));
                    assertEquals(v, new ParkingLoop().blockOn(o.receiver()));
                    sent.get();
                }
            }
        });
    }
}
