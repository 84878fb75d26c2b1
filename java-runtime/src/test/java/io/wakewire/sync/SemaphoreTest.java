package io.wakewire.sync;

import io.wakewire.task.Future;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.*;

class SemaphoreTest {

    private final ManualContext cx = new ManualContext();

    @Test
    void acquireTakesFreePermitsAtOnceAndCloseGivesThemBack() {
        Semaphore s = new Semaphore(3);
        Permit p = cx.ready(s.acquire(2));
        assertEquals(2, p.count());
        assertEquals(1, s.availablePermits());
        p.close();
        p.close();  // idempotent: gives back once
        assertEquals(3, s.availablePermits());
    }

    @Test
    void waiterIsWokenByReleaseAndHoldsThePermits() {
        Semaphore s = new Semaphore(0);
        Future<Permit> a = s.acquire(2);
        cx.pending(a);
        s.release(1);
        assertEquals(0, cx.wakes(), "one permit is not enough for a request of two");
        s.release(1);
        assertEquals(1, cx.wakes());
        assertEquals(0, s.availablePermits(), "granted permits belong to the waiter already");
        assertEquals(2, cx.ready(a).count());
    }

    @Test
    void fifoWithoutBarging() {
        Semaphore s = new Semaphore(1);
        Permit held = cx.ready(s.acquire());
        Future<Permit> big = s.acquire(2);
        cx.pending(big);
        held.close();  // one free, big still needs two
        assertEquals(1, s.availablePermits());
        assertFalse(s.tryAcquire(1), "a newcomer must not overtake a waiter");
        Future<Permit> small = s.acquire(1);
        cx.pending(small);
        s.release(2);  // three free: big (2) then small (1), in order
        assertEquals(2, cx.ready(big).count());
        assertEquals(1, cx.ready(small).count());
    }

    @Test
    void cancellingAWaitingAcquireGivesBackNothingAndUnblocksThoseBehind() {
        Semaphore s = new Semaphore(1);
        Future<Permit> big = s.acquire(3);
        cx.pending(big);
        Future<Permit> small = s.acquire(1);
        cx.pending(small);
        assertEquals(2, s.waiting());
        big.cancel();
        assertEquals(1, cx.takeWakes(), "the small one behind fits now and must be woken");
        assertEquals(1, cx.ready(small).count());
        assertEquals(0, s.availablePermits(), "the cancelled acquire took nothing, so added nothing");
        big.cancel();  // idempotent
        assertEquals(0, s.availablePermits());
    }

    @Test
    void cancellingAGrantedButUnpolledAcquireReturnsExactlyItsPermits() {
        Semaphore s = new Semaphore(0);
        Future<Permit> a = s.acquire(2);
        Future<Permit> b = s.acquire(2);
        cx.pending(a);
        cx.pending(b);
        s.release(3);  // a granted 2, 1 free, b still waits
        assertEquals(1, s.availablePermits());
        a.cancel();  // returns 2: 3 free, b granted
        assertEquals(1, s.availablePermits());
        assertEquals(2, cx.ready(b).count());
    }

    @Test
    void cancellingAfterReadyDoesNotReleaseTwice() {
        Semaphore s = new Semaphore(1);
        Future<Permit> a = s.acquire();
        Permit p = cx.ready(a);
        a.cancel();
        assertEquals(0, s.availablePermits(), "the caller still holds the permit");
        p.close();
        assertEquals(1, s.availablePermits());
    }

    @Test
    void closeFailsWaitersAndNewAcquiresButHeldPermitsStayValid() {
        Semaphore s = new Semaphore("pool", 1);
        Permit p = cx.ready(s.acquire());
        Future<Permit> w = s.acquire();
        cx.pending(w);
        s.close();
        assertEquals(1, cx.wakes());
        ClosedException e = assertThrows(ClosedException.class, () -> cx.poll(w));
        assertTrue(e.getMessage().contains("pool"), e.getMessage());
        assertThrows(ClosedException.class, () -> cx.poll(s.acquire()));
        p.close();
        assertEquals(1, s.availablePermits());
    }

    @Test
    void badCountsAreRejectedWithTheName() {
        Semaphore s = new Semaphore("db", 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.acquire(0));
        assertTrue(e.getMessage().contains("db") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new Semaphore(-1));
        assertThrows(IllegalArgumentException.class, () -> s.release(-2));
    }

    @Test
    void describeSaysWhatItWaitsOn() {
        Semaphore s = new Semaphore("db", 0);
        Future<Permit> a = s.acquire(2);
        cx.pending(a);
        assertTrue(a.describe().contains("db") && a.describe().contains("waiting"), a.describe());
    }

    @Test
    void pendingRepollAllocatesNothing() {
        Semaphore s = new Semaphore(0);
        Future<Permit> a = s.acquire();
        cx.pending(a);
        long bytes = AllocationMeter.measure(() -> {
            for (int i = 0; i < 10_000; i++) {
                a.poll(cx);
            }
        });
        assertTrue(bytes < 1024, "10,000 pending polls allocated " + bytes + " bytes");
    }
}
