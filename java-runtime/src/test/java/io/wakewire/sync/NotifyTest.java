package io.wakewire.sync;

import io.wakewire.task.Future;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class NotifyTest {

    private final ManualContext cx = new ManualContext();

    @Test
    void notifyOneWithNobodyWaitingStoresOnePermit() {
        Notify n = new Notify();
        n.notifyOne();
        n.notifyOne();  // still one permit
        assertTrue(n.hasPermit());
        cx.ready(n.notified());
        assertFalse(n.hasPermit());
        cx.pending(n.notified());
    }

    @Test
    void notifyOneWakesWaitersInFifoOrder() {
        Notify n = new Notify();
        Future<Void> first = n.notified();
        Future<Void> second = n.notified();
        cx.pending(first);
        cx.pending(second);
        n.notifyOne();
        assertEquals(1, cx.takeWakes());
        cx.ready(first);
        cx.pending(second);
        assertFalse(n.hasPermit(), "a waiter took the notification; no permit is stored");
    }

    @Test
    void notifyWaitersWakesAllAndStoresNoPermit() {
        Notify n = new Notify();
        Future<Void> a = n.notified();
        Future<Void> b = n.notified();
        cx.pending(a);
        cx.pending(b);
        n.notifyWaiters();
        assertEquals(2, cx.takeWakes());
        cx.ready(a);
        cx.ready(b);
        assertFalse(n.hasPermit());
        cx.pending(n.notified());
    }

    @Test
    void notifyWaitersAlsoCompletesFuturesCreatedBeforeItButNotYetPolled() {
        Notify n = new Notify();
        Future<Void> early = n.notified();
        n.notifyWaiters();
        Future<Void> late = n.notified();
        cx.ready(early);
        cx.pending(late);
    }

    @Test
    void cancellingANotifiedFuturePassesTheNotificationOn() {
        Notify n = new Notify();
        Future<Void> chosen = n.notified();
        Future<Void> next = n.notified();
        cx.pending(chosen);
        cx.pending(next);
        n.notifyOne();
        cx.takeWakes();
        chosen.cancel();
        assertEquals(1, cx.takeWakes(), "the next waiter gets the notification");
        cx.ready(next);

        Future<Void> alone = n.notified();
        cx.pending(alone);
        n.notifyOne();
        alone.cancel();
        assertTrue(n.hasPermit(), "with nobody else waiting, the notification becomes the permit");
    }

    @Test
    void cancellingAWaitingFutureRemovesItSoTheNotificationGoesToTheNext() {
        Notify n = new Notify();
        Future<Void> gone = n.notified();
        Future<Void> stays = n.notified();
        cx.pending(gone);
        cx.pending(stays);
        gone.cancel();
        assertEquals(1, n.waiting());
        n.notifyOne();
        cx.ready(stays);
        assertTrue(gone.describe().contains("cancelled"), gone.describe());
    }

    @Test
    void pendingRepollAllocatesNothing() {
        Notify n = new Notify();
        Future<Void> f = n.notified();
        cx.pending(f);
        long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 10_000; i++) {
                f.poll(cx);
            }
        });
        assertTrue(bytes < 1024, "10,000 pending polls allocated " + bytes + " bytes");
    }
}
