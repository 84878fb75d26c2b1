package io.wakewire.sync;

import io.wakewire.task.Future;
import net.jqwik.api.*;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Random notifyOne / notifyWaiters / wait / cancel sequences: every notifyOne is accounted
 * for (it completes exactly one waiter, or becomes the single stored permit), even when the
 * waiter it chose is cancelled before it runs.
 */
class NotifyProperties {

    enum Op { WAIT, NOTIFY_ONE, NOTIFY_ALL, POLL_WOKEN, CANCEL_OLDEST }

    @Property(tries = 300)
    void notifyOneIsNeverLost(@ForAll @Size(min = 1, max = 120) List<Op> ops) {
        Notify n = new Notify();
        List<Future<Void>> waiting = new ArrayList<>();
        List<ManualContext> contexts = new ArrayList<>();
        for (Op op : ops) {
            switch (op) {
                case WAIT -> {
                    Future<Void> f = n.notified();
                    ManualContext cx = new ManualContext();
                    if (cx.poll(f).isPending()) {
                        waiting.add(f);
                        contexts.add(cx);
                    }
                }
                case NOTIFY_ONE -> {
                    boolean someoneWaitedUnwoken = contexts.stream().anyMatch(c -> c.wakes() == 0);
                    n.notifyOne();
                    if (!someoneWaitedUnwoken) {
                        assertTrue(n.hasPermit(), "notifyOne with nobody waiting must store the permit");
                    }
                }
                case NOTIFY_ALL -> n.notifyWaiters();
                case POLL_WOKEN -> {
                    for (int i = waiting.size() - 1; i >= 0; i--) {
                        if (contexts.get(i).wakes() > 0) {
                            contexts.get(i).ready(waiting.remove(i));
                            contexts.remove(i);
                        }
                    }
                }
                case CANCEL_OLDEST -> {
                    if (!waiting.isEmpty()) {
                        waiting.remove(0).cancel();
                        contexts.remove(0);
                    }
                }
            }
            // Invariant: a stored permit means nobody is waiting unwoken.
            if (n.hasPermit()) {
                assertTrue(contexts.stream().allMatch(c -> c.wakes() > 0), "permit stored while a waiter sleeps");
            }
            assertEquals(contexts.stream().filter(c -> c.wakes() == 0).count(), n.waiting());
        }
        for (int i = 0; i < waiting.size(); i++) {
            if (contexts.get(i).wakes() == 0) {
                contexts.get(i).pending(waiting.get(i));
            }
        }
    }
}
