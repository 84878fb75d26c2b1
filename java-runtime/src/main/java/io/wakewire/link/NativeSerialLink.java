package io.wakewire.link;

import io.wakewire.task.Waker;

import java.nio.ByteBuffer;

/**
 * A serial port served by a {@link NativeReactor}: a non-blocking tty descriptor in the reactor's
 * epoll set. The thread parked in the reactor reads arrivals into the {@link ReceiveBuffer} and
 * wakes the reader; a hang-up ({@code EPOLLHUP}), end of input or {@code EIO} makes the link
 * DISCONNECTED after the bytes that came before it are buffered.
 *
 * <p>Back-pressure: when the receive buffer is full the port is taken out of the reactor's input
 * interest (level-triggered input would otherwise wake the reactor in a loop) and put back after
 * the consumer has read, so the bytes wait in the kernel, not on the heap.
 *
 * <p>Trade-off: one lock ({@code fd}) guards the descriptor against being closed, and its number
 * reused by the OS, while the reactor reads or a writer writes it. A write therefore holds it while
 * the kernel's output buffer drains; it gives up, as a disconnect, after {@link #WRITE_STALL_MILLIS}
 * without progress, so {@link #close()} never waits longer than that.
 */
final class NativeSerialLink implements SerialLink {

    static final int WRITE_STALL_MILLIS = 2_000;

    private final String name;
    private final NativeReactor reactor;
    private final ReceiveBuffer received;
    private final int capacity;
    private final Object fdLock = new Object();
    private final Object writeLock = new Object();
    private int fd;          // guarded by fdLock; -1 once released
    private int token;       // guarded by fdLock; the reactor's key for this port
    private boolean paused;  // guarded by fdLock; input interest removed while the buffer is full

    NativeSerialLink(String name, NativeReactor reactor, int fd, int capacity) {
        this.name = name;
        this.reactor = reactor;
        this.fd = fd;
        this.capacity = capacity;
        this.received = new ReceiveBuffer(name, capacity);
    }

    /** Puts the port into the reactor; from then on it is read. */
    void start() {
        synchronized (fdLock) {
            token = reactor.register(this, fd);
        }
    }

    /** The descriptor, for tests that ask the driver what it holds; -1 once released. */
    int fd() {
        synchronized (fdLock) {
            return fd;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int read(ByteBuffer dst) throws LinkClosedException {
        int n = received.read(dst);
        if (n > 0) {
            synchronized (fdLock) {
                if (paused && fd >= 0) {
                    paused = false;
                    reactor.setReadable(fd, token, true);
                }
            }
        }
        return n;
    }

    @Override
    public int available() {
        return received.available();
    }

    @Override
    public void setReadWaker(Waker waker) {
        received.setWaker(waker);
    }

    @Override
    public void write(byte[] data, int off, int len) throws LinkClosedException {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        int rc;
        synchronized (writeLock) {
            synchronized (fdLock) {
                if (fd < 0) {
                    throw received.closedException();
                }
                rc = NativeCalls.write(fd, data, off, len, WRITE_STALL_MILLIS);
            }
        }
        if (rc < 0) {
            disconnect("write failed: " + Errno.name(-rc));
            throw received.closedException();
        }
    }

    @Override
    public LinkState state() {
        return received.state();
    }

    @Override
    public void close() {
        received.end(LinkState.CLOSED, null, null);
        release();
    }

    /**
     * Called by the reactor's parking thread with the port's epoll events. Reads what the receive
     * buffer has room for; on a hang-up, reads what is left and ends the link. A read shorter than
     * asked took all there was, so it is the last (epoll is level-triggered: bytes that come after
     * it make the next wait return at once), and a wake costs one read, not two.
     */
    void onReady(int events, ByteBuffer direct, byte[] heap) {
        boolean hangUp = (events & (NativeCalls.EPOLLHUP | NativeCalls.EPOLLERR | NativeCalls.EPOLLRDHUP)) != 0;
        String end = null;
        synchronized (fdLock) {
            if (fd < 0) {
                return;
            }
            while (true) {
                int room = Math.min(capacity - received.available(), direct.capacity());
                if (room == 0) {
                    if (hangUp) { // a hang-up cannot be masked in epoll: end now rather than spin
                        end = "the other end hung up while the receive buffer was full (later bytes lost)";
                    } else if (!paused) {
                        paused = true;
                        reactor.setReadable(fd, token, false);
                    }
                    break;
                }
                int n = NativeCalls.read(fd, direct, 0, room);
                if (n > 0) {
                    direct.get(0, heap, 0, n);
                    received.tryPut(heap, 0, n); // fits: only this thread adds bytes
                    if (n < room && !hangUp) {
                        break; // drained: a read to see EAGAIN costs a syscall, and epoll reports what comes next
                    }
                    continue;
                }
                if (n == -1) {
                    end = "the other end hung up";
                } else if (n < 0) {
                    end = "read failed: " + Errno.name(-n);
                } else if (hangUp) {
                    end = "the other end hung up";
                }
                break;
            }
        }
        if (end != null) {
            disconnect(end);
        }
    }

    private void disconnect(String detail) {
        received.end(LinkState.DISCONNECTED, detail, null);
        release();
    }

    private void release() {
        synchronized (fdLock) {
            if (fd < 0) {
                return;
            }
            reactor.unregister(fd, token);
            NativeCalls.close(fd);
            fd = -1;
        }
    }
}
