package io.wakewire.link;

import io.wakewire.task.Waker;

import java.nio.ByteBuffer;

/**
 * The bytes a link has received and its consumer has not read yet, plus the link's state and
 * read waker: the one place where a producer thread (a reader loop, the other in-memory end)
 * meets the consumer task. Every link implementation keeps one.
 *
 * <p>A fixed ring of bytes under this object's monitor. Trade-offs: a lock instead of a
 * lock-free SPSC ring, because each hand-off is a whole OS read (tens of bytes, at most a few
 * thousand times a second) and the lock is uncontended almost always; a bounded capacity, so a
 * consumer that stops reading makes the producer wait ({@link #put}) and the bytes back up into
 * the kernel's buffer, instead of growing the heap without limit; or, for producers that must not
 * wait ({@link #tryPut}), a refusal that the caller turns into a clear error.
 *
 * <p>The producer wakes the waker after every put, outside the lock; the executor collapses
 * repeated wakes. The consumer registers its waker before it checks {@link #available()}, and the
 * producer reads the waker after it has added bytes, so no arrival is missed.
 */
final class ReceiveBuffer {

    static final int DEFAULT_CAPACITY = 64 * 1024;

    private final String linkName;
    private final byte[] ring;
    private int head;   // index of the oldest unread byte; guarded by this
    private int count;  // unread bytes; guarded by this
    private LinkState state = LinkState.OPEN;   // guarded by this; moves forward only
    private String endDetail;                   // guarded by this
    private Throwable endCause;                 // guarded by this
    private boolean producerWaiting;            // guarded by this
    private volatile Waker waker;

    ReceiveBuffer(String linkName, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("receive buffer capacity must be positive, got " + capacity);
        }
        this.linkName = linkName;
        this.ring = new byte[capacity];
    }

    // ---- producer side --------------------------------------------------------------------

    /**
     * Appends all of {@code src[off, off+len)}, waiting (on the monitor, not spinning) while the
     * buffer is full.
     *
     * @return false when the link ended before every byte could be appended; the rest is dropped
     */
    boolean put(byte[] src, int off, int len) throws InterruptedException {
        int done = 0;
        while (done < len) {
            int n;
            synchronized (this) {
                while (count == ring.length && state == LinkState.OPEN) {
                    producerWaiting = true;
                    wait();
                }
                if (state != LinkState.OPEN) {
                    return false;
                }
                n = copyIn(src, off + done, len - done);
            }
            done += n;
            wakeConsumer();
        }
        return true;
    }

    /** Appends all of the bytes, or none when they do not fit or the link has ended. */
    boolean tryPut(byte[] src, int off, int len) {
        synchronized (this) {
            if (state != LinkState.OPEN || ring.length - count < len) {
                return false;
            }
            copyIn(src, off, len);
        }
        wakeConsumer();
        return true;
    }

    /**
     * Ends the link: the first call wins and decides CLOSED or DISCONNECTED; later calls change
     * nothing. Wakes the consumer and any waiting producer.
     *
     * @return true if this call ended the link
     */
    boolean end(LinkState terminal, String detail, Throwable cause) {
        if (terminal == LinkState.OPEN) {
            throw new IllegalArgumentException("end() needs CLOSED or DISCONNECTED");
        }
        synchronized (this) {
            if (state != LinkState.OPEN) {
                return false;
            }
            state = terminal;
            endDetail = detail;
            endCause = cause;
            notifyAll();
        }
        wakeConsumer();
        return true;
    }

    private int copyIn(byte[] src, int off, int len) {
        int n = Math.min(len, ring.length - count);
        int tail = (head + count) % ring.length;
        int first = Math.min(n, ring.length - tail);
        System.arraycopy(src, off, ring, tail, first);
        System.arraycopy(src, off + first, ring, 0, n - first);
        count += n;
        return n;
    }

    private void wakeConsumer() {
        Waker w = waker;
        if (w != null) {
            w.wake();
        }
    }

    // ---- consumer side --------------------------------------------------------------------

    int read(ByteBuffer dst) throws LinkClosedException {
        synchronized (this) {
            if (count == 0) {
                if (state != LinkState.OPEN) {
                    throw closedException();
                }
                return 0;
            }
            int n = Math.min(count, dst.remaining());
            int first = Math.min(n, ring.length - head);
            dst.put(ring, head, first);
            dst.put(ring, 0, n - first);
            head = (head + n) % ring.length;
            count -= n;
            if (producerWaiting && n > 0) {
                producerWaiting = false;
                notifyAll();
            }
            return n;
        }
    }

    synchronized int available() {
        return count;
    }

    synchronized LinkState state() {
        return state;
    }

    void setWaker(Waker w) {
        waker = w;
    }

    /** The exception for an operation on a link that has ended; OPEN links get none. */
    synchronized LinkClosedException closedException() {
        if (state == LinkState.OPEN) {
            throw new IllegalStateException("link " + linkName + " is open");
        }
        return new LinkClosedException(linkName, state, endDetail, endCause);
    }
}
