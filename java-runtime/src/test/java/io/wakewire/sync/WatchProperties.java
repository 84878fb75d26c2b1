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
 * Random sends, waits, polls and cancellations on a watch with several receivers: a receiver
 * never sees a value older than one it has seen, always ends up with the latest value, and is
 * woken whenever a value it has not seen exists (no lost wake).
 */
class WatchProperties {

    enum Op { SEND, WAIT_0, WAIT_1, WAIT_2, POLL_WOKEN, CANCEL_ONE }

    static final class Reader {
        final Watch<Integer>.Receiver rx;
        int lastSeen;
        Future<Integer> waiting;
        ManualContext cx;

        Reader(Watch<Integer> w) {
            rx = w.subscribe();
            lastSeen = w.get();
        }
    }

    @Property(tries = 300)
    void receiversSeeMonotonicValuesAndEndAtTheLatest(@ForAll @Size(min = 1, max = 100) List<Op> ops,
                                                       @ForAll @IntRange(min = 0, max = 2) int victim) {
        Watch<Integer> w = new Watch<>(0);
        List<Reader> readers = List.of(new Reader(w), new Reader(w), new Reader(w));
        int next = 1;
        for (Op op : ops) {
            switch (op) {
                case SEND -> w.send(next++);
                case WAIT_0, WAIT_1, WAIT_2 -> {
                    Reader r = readers.get(op.ordinal() - Op.WAIT_0.ordinal());
                    if (r.waiting == null) {
                        r.waiting = r.rx.changed();
                        r.cx = new ManualContext();
                        poll(r);
                    }
                }
                case POLL_WOKEN -> {
                    for (Reader r : readers) {
                        if (r.waiting != null && r.cx.takeWakes() > 0) {
                            poll(r);
                        }
                    }
                }
                case CANCEL_ONE -> {
                    Reader r = readers.get(victim);
                    if (r.waiting != null) {
                        r.waiting.cancel();
                        r.waiting = null;
                    }
                }
            }
        }
        int latest = w.get();
        for (Reader r : readers) {
            if (r.waiting != null && r.cx.wakes() == 0) {
                // not woken: then it has nothing new to see
                assertEquals(latest, r.lastSeen, "a waiting receiver missed a wake");
                r.cx.pending(r.waiting);
            } else if (r.waiting != null) {
                poll(r);
            }
            if (r.rx.hasChanged()) {
                assertEquals(latest, new ManualContext().ready(r.rx.changed()));
            } else {
                assertEquals(latest, r.rx.borrowAndMarkSeen());
            }
        }
    }

    private static void poll(Reader r) {
        Poll<Integer> p = r.cx.poll(r.waiting);
        if (p.isReady()) {
            int v = p.value();
            assertTrue(v > r.lastSeen, "went back from " + r.lastSeen + " to " + v);
            r.lastSeen = v;
            r.waiting = null;
        }
    }
}
