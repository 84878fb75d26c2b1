package io.wakewire.link;

import io.wakewire.task.Clock;
import io.wakewire.task.JdkParker;
import io.wakewire.task.Parker;

import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The native epoll reactor as the executor's {@link Parker}: when no task is runnable the
 * executor's own thread sleeps in {@code epoll_wait} until another thread unparks it (an eventfd),
 * its next timer is due (a timerfd), or a serial port of a {@link NativeSerialLinkFactory} made
 * with this reactor has bytes or hangs up. The ports are then read on that thread, into their
 * receive buffers, and their readers' wakers fire on the executor's own thread: nothing on the
 * path polls and no other thread is involved.
 *
 * <pre>{@code
 * NativeReactor reactor = new NativeReactor();
 * Executor ex = Executor.builder().parker(reactor).build();
 * SerialLinkFactory ports = new NativeSerialLinkFactory(reactor);
 * }</pre>
 *
 * <p>A reactor can instead be driven by a thread of its own ({@link #startThread}), for links used
 * with an executor that parks elsewhere; the wakes then cross threads, as with jssc's reader, but
 * one thread serves every port.
 *
 * <p>Trade-offs: reading happens inside {@code park}, so a port is read only when the executor is
 * idle (a busy executor leaves bytes in the kernel, which holds about 4 KiB per tty; the executor
 * goes idle at the end of every batch); the deadline is honoured with the timerfd's nanosecond
 * resolution, plus the kernel's timer slack (50 µs by default); an unpark costs one atomic swap,
 * plus one eventfd write when the reactor may be asleep; {@code Thread.interrupt} does not end an
 * {@code epoll_wait} (call {@link #unpark}). A closed reactor parks like {@link JdkParker}.
 */
public final class NativeReactor implements Parker, AutoCloseable {

    /** Largest single read from a port; bigger arrivals take several reads in one wake. */
    private static final int READ_CHUNK = 16 * 1024;

    private final long handle;
    private final int[] ready = new int[1 + 2 * NativeCalls.MAX_EVENTS]; // parking thread only
    private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_CHUNK); // parking thread only
    private final byte[] heapCopy = new byte[READ_CHUNK];                        // parking thread only
    /**
     * The registered ports by token, copied on each register and unregister (rare) so that the
     * parking thread finds a ready port without a lock, boxing or allocation: a few ports, searched
     * in order.
     */
    private volatile PortTable ports = PortTable.EMPTY;
    private final Object portsLock = new Object(); // a leaf lock: writers of ports take nothing else under it
    private final AtomicInteger nextToken = new AtomicInteger();
    private final AtomicBoolean wakePending = new AtomicBoolean();
    /** Unparks in flight; close() waits for them to leave before it frees the native side. */
    private final AtomicInteger unparking = new AtomicInteger();
    private final ReentrantLock parking = new ReentrantLock();
    private final JdkParker afterClose = new JdkParker();
    private boolean timerArmed;   // parking thread only: the timerfd may fire at timerDeadline
    private long timerDeadline;   // parking thread only; in timerClock's nanoseconds
    private Clock timerClock;     // parking thread only
    private volatile boolean closed;
    private volatile Thread ownThread;

    /**
     * @throws IllegalStateException when the native library is not available (check
     *         {@link NativeLibrary#available()} first), with the reason
     */
    public NativeReactor() {
        if (!NativeLibrary.available()) {
            throw new IllegalStateException("the native reactor is not available: " + NativeLibrary.unavailableReason());
        }
        long h = NativeCalls.create();
        if (h < 0) {
            throw new IllegalStateException("could not create the epoll reactor: " + Errno.name((int) -h));
        }
        this.handle = h;
    }

    /**
     * Runs this reactor on a daemon platform thread of its own, for links whose executor does not
     * park here. Not to be combined with an executor parking in the same reactor.
     */
    public synchronized NativeReactor startThread(String name) {
        if (ownThread != null) {
            throw new IllegalStateException("reactor thread already started");
        }
        ownThread = Thread.ofPlatform().daemon().name(name).start(() -> {
            while (!closed) {
                park(NO_DEADLINE, Clock.SYSTEM);
            }
        });
        return this;
    }

    @Override
    public void park(long deadlineNanos, Clock clock) {
        if (closed) {
            afterClose.park(deadlineNanos, clock); // without the lock: close() must not wait for it
            return;
        }
        if (!parking.tryLock()) {
            throw new IllegalStateException("two threads parked in one NativeReactor; it serves one executor");
        }
        try {
            if (closed) {
                return; // spurious return is allowed; the next park takes the path above
            }
            while (true) {
                long wait = timerWait(deadlineNanos, clock);
                int n = NativeCalls.await(handle, wait, ready);
                if (n < 0) {
                    throw new IllegalStateException("epoll_wait failed: " + Errno.name(-n));
                }
                if ((ready[0] & NativeCalls.TIMER_FIRED) != 0) {
                    timerArmed = false; // one-shot: it fired, so it is disarmed
                }
                boolean woken = (ready[0] & NativeCalls.WOKEN) != 0;
                if (woken) {
                    wakePending.set(false);
                }
                for (int i = 0; i < n; i++) {
                    NativeSerialLink link = ports.get(ready[1 + 2 * i]);
                    if (link != null) {
                        link.onReady(ready[2 + 2 * i], readBuffer, heapCopy);
                    }
                }
                // Return on any event; only a timer that fired early for the executor's clock loops.
                if (woken || n > 0 || wait == 0 || closed
                        || (deadlineNanos != NO_DEADLINE && clock.nanoTime() - deadlineNanos >= 0)) {
                    return;
                }
            }
        } finally {
            parking.unlock();
        }
    }

    /**
     * What {@code await} is to do with the timer: 0 to only look (the deadline has passed), a
     * positive wait to arm it, or -1 to sleep with the timer as it stands. It is armed only when
     * the deadline is earlier than the armed one (or none is armed); a later or an absent deadline
     * keeps the armed timer, which then fires early at most once (a spurious wake: {@code park}
     * loops and arms it anew). So an executor whose deadline did not move, or moved later (a
     * timeout renewed on each await), parks with one syscall, not two.
     */
    private long timerWait(long deadlineNanos, Clock clock) {
        if (deadlineNanos == NO_DEADLINE) {
            return -1;
        }
        long left = deadlineNanos - clock.nanoTime();
        if (left <= 0) {
            return 0;
        }
        if (timerArmed && timerClock == clock && timerDeadline - deadlineNanos <= 0) {
            return -1;
        }
        timerArmed = true;
        timerDeadline = deadlineNanos;
        timerClock = clock;
        return left;
    }

    @Override
    public void unpark() {
        if (wakePending.getAndSet(true)) {
            return; // a wake is already on its way; the executor re-checks its queues after park
        }
        unparking.incrementAndGet();
        try {
            if (closed) {
                afterClose.unpark();
            } else {
                NativeCalls.wake(handle);
            }
        } finally {
            unparking.decrementAndGet();
        }
    }

    /** Ports served by this reactor now. */
    public int portCount() {
        return ports.links.length;
    }

    // ---- for NativeSerialLink ----

    int register(NativeSerialLink link, int fd) {
        if (closed) {
            throw new IllegalStateException("reactor is closed");
        }
        int token = nextToken.getAndUpdate(t -> t == Integer.MAX_VALUE ? 0 : t + 1);
        synchronized (portsLock) {
            ports = ports.with(token, link);
        }
        int rc = NativeCalls.register(handle, fd, token, true);
        if (rc < 0) {
            synchronized (portsLock) {
                ports = ports.without(token);
            }
            throw new IllegalStateException("epoll could not watch " + link.name() + ": " + Errno.name(-rc));
        }
        return token;
    }

    void setReadable(int fd, int token, boolean readable) {
        if (!closed) {
            NativeCalls.modify(handle, fd, token, readable);
        }
    }

    void unregister(int fd, int token) {
        synchronized (portsLock) {
            ports = ports.without(token);
        }
        if (!closed) {
            NativeCalls.unregister(handle, fd);
        }
    }

    /**
     * Closes every port (CLOSED), wakes a parked thread, and frees the epoll set once it has left
     * {@code park}. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            for (NativeSerialLink link : ports.links) {
                link.close();
            }
            closed = true;
        }
        NativeCalls.wake(handle);
        Thread own = ownThread;
        if (own != null && own != Thread.currentThread()) {
            try {
                own.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        parking.lock(); // a parked executor returns at the wake above
        try {
            while (unparking.get() != 0) {
                Thread.onSpinWait();
            }
            NativeCalls.destroy(handle);
        } finally {
            parking.unlock();
        }
    }

    /** An immutable token-to-link table; tokens are unique among the registered ports. */
    private record PortTable(int[] tokens, NativeSerialLink[] links) {
        static final PortTable EMPTY = new PortTable(new int[0], new NativeSerialLink[0]);

        NativeSerialLink get(int token) {
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i] == token) {
                    return links[i];
                }
            }
            return null;
        }

        PortTable with(int token, NativeSerialLink link) {
            int n = tokens.length;
            int[] t = java.util.Arrays.copyOf(tokens, n + 1);
            NativeSerialLink[] l = java.util.Arrays.copyOf(links, n + 1);
            t[n] = token;
            l[n] = link;
            return new PortTable(t, l);
        }

        PortTable without(int token) {
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i] == token) {
                    int[] t = new int[tokens.length - 1];
                    NativeSerialLink[] l = new NativeSerialLink[links.length - 1];
                    System.arraycopy(tokens, 0, t, 0, i);
                    System.arraycopy(tokens, i + 1, t, i, t.length - i);
                    System.arraycopy(links, 0, l, 0, i);
                    System.arraycopy(links, i + 1, l, i, l.length - i);
                    return new PortTable(t, l);
                }
            }
            return this;
        }
    }
}
