package io.wakewire.sync;

import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Random acquires (of 1 to 3 permits), releases, cancellations and polls: permits are
 * conserved (free + held + granted-but-unpolled = total), grants follow FIFO order, and no
 * wake is lost.
 */
class SemaphoreProperties {

    enum Op { ACQUIRE_1, ACQUIRE_3, TRY_ACQUIRE, RELEASE_HELD, ADD_PERMIT, POLL_WOKEN, CANCEL_WAITING }

    static final class Waiting {
        final int index;
        final int count;
        final Future<Permit> future;
        final ManualContext cx = new ManualContext();
        boolean granted;

        Waiting(int index, int count, Future<Permit> future) {
            this.index = index;
            this.count = count;
            this.future = future;
        }
    }

    @Property(tries = 300)
    void permitsAreConservedAndGrantedInFifoOrder(@ForAll @IntRange(min = 0, max = 4) int initial,
                                                   @ForAll @Size(min = 1, max = 150) List<Op> ops,
                                                   @ForAll @IntRange(min = 0, max = 1000) int pick) {
        Semaphore s = new Semaphore(initial);
        long total = initial;
        List<Permit> held = new ArrayList<>();
        long heldRaw = 0;  // taken by tryAcquire, given back by release
        List<Waiting> waiting = new ArrayList<>();
        int created = 0;
        int step = 0;
        for (Op op : ops) {
            step++;
            switch (op) {
                case ACQUIRE_1, ACQUIRE_3 -> {
                    int n = op == Op.ACQUIRE_1 ? 1 : 3;
                    Waiting w = new Waiting(created++, n, s.acquire(n));
                    Poll<Permit> p = w.cx.poll(w.future);
                    if (p.isReady()) {
                        assertTrue(waiting.stream().allMatch(x -> x.granted),
                                "an acquire completed at once while others still wait");
                        held.add(p.value());
                    } else {
                        waiting.add(w);
                    }
                }
                case TRY_ACQUIRE -> {
                    if (s.tryAcquire(1)) {
                        heldRaw++;
                    }
                }
                case RELEASE_HELD -> {
                    if (!held.isEmpty()) {
                        held.remove((pick + step) % held.size()).close();
                    } else if (heldRaw > 0) {
                        heldRaw--;
                        s.release(1);
                    }
                }
                case ADD_PERMIT -> {
                    total++;
                    s.release(1);
                }
                case POLL_WOKEN -> {
                    for (var it = waiting.iterator(); it.hasNext(); ) {
                        Waiting w = it.next();
                        if (w.cx.wakes() > 0) {
                            held.add(w.cx.ready(w.future));  // woken means granted here (no close)
                            it.remove();
                        }
                    }
                }
                case CANCEL_WAITING -> {
                    if (!waiting.isEmpty()) {
                        waiting.remove((pick + step) % waiting.size()).future.cancel();
                    }
                }
            }
            // Which waiters were granted (woken) now? FIFO: none granted behind one still waiting.
            boolean sawStillWaiting = false;
            for (Waiting w : waiting) {
                if (w.cx.wakes() > 0) {
                    w.granted = true;
                    assertFalse(sawStillWaiting, "acquire #" + w.index + " was granted before an older waiter");
                } else {
                    sawStillWaiting = true;
                }
            }
            long grantedUnpolled = waiting.stream().filter(w -> w.granted).mapToLong(w -> w.count).sum();
            long heldCount = held.stream().mapToLong(Permit::count).sum() + heldRaw;
            assertEquals(total, s.availablePermits() + heldCount + grantedUnpolled, "permits not conserved");
        }
        // No lost wake: every waiter not woken is really still waiting.
        for (Waiting w : waiting) {
            if (w.cx.wakes() == 0) {
                w.cx.pending(w.future);
            }
        }
        // Cancelling everything and releasing everything returns the semaphore to its total.
        waiting.forEach(w -> w.future.cancel());
        held.forEach(Permit::close);
        s.release((int) heldRaw);
        assertEquals(total, s.availablePermits());
        assertEquals(0, s.waiting());
    }
}
