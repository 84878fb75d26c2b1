package io.wakewire.bench.executor;

import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.Poll;
import io.wakewire.task.Waker;

import static io.wakewire.task.Async.async;
import static io.wakewire.task.Async.await;

/**
 * The baton: two tasks on one executor pass a turn back and forth, {@code n} passes each. A pass
 * parks the passer and releases the other, so one pass is one same-thread suspend + resume
 * (kotlinx's twin is {@code KotlinxPeers.baton}, with suspendCancellableCoroutine). Hand-written
 * futures ({@link #handWritten}) and the sequential layer ({@link #asyncBodies}) do the same passes.
 */
final class Batons {

    private Batons() {}

    /** Two hand-written players; returns the number of passes. */
    static int handWritten(Executor ex, int n) {
        Slot<Player> slot = new Slot<>();
        return ex.blockOn(new Both(new Player(slot, n), new Player(slot, n)));
    }

    /** Two async bodies, each awaiting a fresh {@link Pass} per pass. */
    static int asyncBodies(Executor ex, int n) {
        Slot<Pass> slot = new Slot<>();
        return ex.blockOn(new Both(asyncPlayer(slot, n), asyncPlayer(slot, n)));
    }

    /** Who is parked now (the other player's handle). */
    static final class Slot<P> {
        P parked;
    }

    private static Future<Integer> asyncPlayer(Slot<Pass> slot, int n) {
        return async(() -> {
            for (int i = 0; i < n; i++) {
                await(new Pass(slot));
            }
            Pass other = slot.parked;
            slot.parked = null;
            if (other != null) {
                other.release();
            }
            return n;
        });
    }

    /** One pass of an async player: park here and release the one parked before. */
    static final class Pass implements Future<Void> {
        private final Slot<Pass> slot;
        private Waker waker;
        private boolean released;

        Pass(Slot<Pass> slot) {
            this.slot = slot;
        }

        @Override
        public Poll<Void> poll(Context cx) {
            if (waker == null) {
                waker = cx.waker();
                Pass other = slot.parked;
                slot.parked = this;
                if (other != null) {
                    other.release();
                }
                return Poll.pending();
            }
            return released ? Poll.ready(null) : Poll.pending();
        }

        void release() {
            released = true;
            waker.wake();
        }
    }

    /** A hand-written player: the same passes as a state machine. */
    static final class Player implements Future<Integer> {
        private final Slot<Player> slot;
        private final int n;
        private int passes;
        private boolean parked;
        private boolean released;
        private Waker waker;

        Player(Slot<Player> slot, int n) {
            this.slot = slot;
            this.n = n;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            if (parked) {
                if (!released) {
                    return Poll.pending();
                }
                parked = false;
                released = false;
            }
            Player other = slot.parked;
            slot.parked = null;
            if (passes == n) {
                if (other != null) {
                    other.release();
                }
                return Poll.ready(n);
            }
            passes++;
            if (waker == null) {
                waker = cx.waker();
            }
            slot.parked = this;
            parked = true;
            if (other != null) {
                other.release();
            }
            return Poll.pending();
        }

        void release() {
            released = true;
            waker.wake();
        }
    }

    /** Spawns both players, completes when both have (with the total number of passes). */
    private static final class Both implements Future<Integer> {
        private final Future<Integer> a;
        private final Future<Integer> b;
        private JoinHandle<Integer> ha;
        private JoinHandle<Integer> hb;
        private int total;

        Both(Future<Integer> a, Future<Integer> b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public Poll<Integer> poll(Context cx) {
            if (hb == null) {
                ha = cx.executor().spawn(a);
                hb = cx.executor().spawn(b);
            }
            if (ha != null) {
                Poll<Integer> pa = ha.poll(cx);
                if (!pa.isReady()) {
                    return Poll.pending();
                }
                total = pa.value();
                ha = null;
            }
            Poll<Integer> pb = hb.poll(cx);
            if (!pb.isReady()) {
                return Poll.pending();
            }
            return Poll.ready(total + pb.value());
        }
    }
}
