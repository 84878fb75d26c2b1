package io.wakewire.sync;

import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import net.jqwik.api.*;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/**
 * Random interleavings of sends, receives, cancellations and polls, driven the way an executor
 * drives them (a pending future is polled again only after its waker ran): messages keep FIFO
 * order, nothing is lost or duplicated, a cancelled send delivers nothing, the buffer never
 * exceeds its capacity, and no wake is lost.
 */
class ChannelProperties {

    enum Op { SEND, TRY_SEND, RECEIVE, TRY_RECEIVE, POLL_WOKEN, CANCEL_SEND, CANCEL_RECEIVE }

    /** A future under test with its own waker, so we know whether it was woken. */
    record Pending<T>(Future<T> future, ManualContext cx, int value) {}

    @Property(tries = 300)
    void fifoNothingLostNothingDuplicated(@ForAll @IntRange(min = 1, max = 4) int capacity,
                                          @ForAll @Size(min = 1, max = 120) List<Op> ops,
                                          @ForAll @IntRange(min = 0, max = 1000) int pick) {
        Channel<Integer> ch = new Channel<>(capacity);
        List<Integer> entered = new ArrayList<>();   // order in which messages entered the channel
        List<Integer> received = new ArrayList<>();
        List<Pending<Void>> sends = new ArrayList<>();
        List<Pending<Integer>> receives = new ArrayList<>();
        List<Integer> cancelledSends = new ArrayList<>();
        int next = 0;
        int step = 0;
        for (Op op : ops) {
            step++;
            switch (op) {
                case SEND -> {
                    var p = new Pending<>(ch.send(next), new ManualContext(), next);
                    next++;
                    if (p.cx().poll(p.future()).isReady()) {
                        entered.add(p.value());
                    } else {
                        sends.add(p);
                    }
                }
                case TRY_SEND -> {
                    if (ch.trySend(next)) {
                        entered.add(next);
                    }
                    next++;
                }
                case RECEIVE -> {
                    var p = new Pending<>(ch.receive(), new ManualContext(), -1);
                    Poll<Integer> r = p.cx().poll(p.future());
                    if (r.isReady()) {
                        received.add(r.value());
                    } else {
                        receives.add(p);
                    }
                }
                case TRY_RECEIVE -> {
                    Integer m = ch.tryReceive();
                    if (m != null) {
                        received.add(m);
                    }
                }
                case POLL_WOKEN -> pollWoken(sends, receives, entered, received);
                case CANCEL_SEND -> {
                    if (!sends.isEmpty()) {
                        var p = sends.remove((pick + step) % sends.size());
                        p.future().cancel();
                        cancelledSends.add(p.value());
                    }
                }
                case CANCEL_RECEIVE -> {
                    if (!receives.isEmpty()) {
                        receives.remove((pick + step) % receives.size()).future().cancel();
                    }
                }
            }
            assertTrue(ch.size() <= capacity, "buffer " + ch.size() + " exceeds capacity " + capacity);
            assertEquals(entered.subList(0, received.size()), received, "receive order must be entry order");
        }

        // No lost wake: run woken futures until none is woken, as an executor would; then every
        // future still pending must really be unable to progress.
        while (pollWoken(sends, receives, entered, received)) {
            assertEquals(entered.subList(0, received.size()), received, "receive order must be entry order");
        }
        for (var p : sends) {
            p.cx().pending(p.future());
        }
        for (var p : receives) {
            p.cx().pending(p.future());
        }

        // Close, finish what is pending, drain: everything that entered comes out exactly once.
        ch.close();
        for (var p : sends) {
            try {
                if (p.cx().poll(p.future()).isReady()) {
                    entered.add(p.value());
                }
            } catch (ClosedException expected) {
                // a send still waiting for a slot when the channel closed
            }
        }
        for (var p : receives) {
            Integer m = p.cx().ready(p.future());
            if (m != null) {
                received.add(m);
            }
        }
        for (Integer m; (m = new ManualContext().ready(ch.receive())) != null; ) {
            received.add(m);
        }
        assertEquals(entered, received);
        for (Integer c : cancelledSends) {
            assertFalse(received.contains(c), "cancelled send " + c + " was delivered");
        }
    }

    /** Polls every future whose waker ran since its last poll; true if any was polled. */
    private static boolean pollWoken(List<Pending<Void>> sends, List<Pending<Integer>> receives,
                                     List<Integer> entered, List<Integer> received) {
        boolean any = false;
        for (Iterator<Pending<Void>> it = sends.iterator(); it.hasNext(); ) {
            var p = it.next();
            if (p.cx().takeWakes() > 0) {
                any = true;
                if (p.cx().poll(p.future()).isReady()) {
                    entered.add(p.value());
                    it.remove();
                }
            }
        }
        for (Iterator<Pending<Integer>> it = receives.iterator(); it.hasNext(); ) {
            var p = it.next();
            if (p.cx().takeWakes() > 0) {
                any = true;
                Poll<Integer> r = p.cx().poll(p.future());
                if (r.isReady()) {
                    received.add(r.value());
                    it.remove();
                }
            }
        }
        return any;
    }
}
