package io.wakewire.link;

import jssc.SerialPort;
import jssc.SerialPortException;

import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A serial link over jssc, with a reader thread of its own (see {@link JsscReadLoop}): the
 * portable fallback where the native reactor is absent.
 *
 * <p>Trade-offs: one daemon platform thread per port, parked in the kernel's {@code poll()} while
 * the line is idle (no CPU, no timer) and waking the executor through the read waker when bytes
 * come; a virtual thread would gain nothing, since a thread inside JNI pins its carrier. Writes go
 * straight to jssc on the caller's thread (a blocking {@code write(2)}, brief unless the kernel's
 * output buffer is full) under a lock, so frames from different threads do not interleave.
 *
 * <p>How it ends: any jssc error on read or write, or the removal of the device node
 * ({@link DeviceRemovalWatcher}), makes the link DISCONNECTED and closes the port; {@link #close()}
 * makes it CLOSED. Either way the port is closed exactly once.
 *
 * <p>Limits of jssc that no Java code can lift (the native reactor has none of them):
 * <ul>
 *   <li>Closing the file descriptor does not wake a thread sleeping in {@code poll()} on it
 *       (Linux keeps the file alive for the poller), and nothing else in jssc's API can. So
 *       {@code close()} first gives the reader {@value #READER_JOIN_MILLIS} ms with the port still
 *       open: on a busy line, or after the board layer wrote a request that the board answers,
 *       a byte arrives, the reader leaves {@code poll()}, sees the link closed and ends, and only
 *       then is the descriptor closed. On a silent line the port is closed anyway and the reader
 *       stays parked (a daemon thread, harmless to JVM exit) until the next byte or hang-up on
 *       that tty, then ends, discarding what it read. If this process has meanwhile opened a file
 *       that got the same descriptor number, that read takes one byte from it; reopening the same
 *       port at once is the likely case, and can lose the first byte of the new link.</li>
 *   <li>After a hang-up that leaves the device node in place, jssc's read spins inside native code
 *       until the link is closed (see {@link DeviceRemovalWatcher}).</li>
 *   <li>HUPCL cannot be cleared: closing drops DTR, which resets most Arduino boards.</li>
 * </ul>
 */
public final class JsscSerialLink extends ReceiveBufferLink {

    static final long READER_JOIN_MILLIS = 200;
    static final long AFTER_CLOSE_JOIN_MILLIS = 50;

    private static final System.Logger LOG = System.getLogger(JsscSerialLink.class.getName());

    private final SerialPort port;
    private final Thread reader;
    private final Object writeLock = new Object();
    private final Object portLock = new Object();
    private boolean portReleased; // guarded by portLock
    private final AtomicReference<Reason> disconnectReason = new AtomicReference<>();
    private DeviceRemovalWatcher.Registration removal = DeviceRemovalWatcher.Registration.NONE; // guarded by portLock

    /** Takes an opened, configured port; {@link #start()} begins reading. */
    JsscSerialLink(String name, SerialPort port, int receiveCapacity) {
        super(name, receiveCapacity);
        this.port = port;
        this.reader = Thread.ofPlatform().daemon().name("wakewire-jssc-reader " + name)
                .unstarted(new JsscReadLoop(this, port, inbox));
    }

    void start() {
        reader.start();
        DeviceRemovalWatcher.Registration r = DeviceRemovalWatcher.watch(name, () -> disconnect(
                "the device node disappeared (unplugged, or the program holding the other end of the pty exited)",
                null));
        synchronized (portLock) {
            if (portReleased) { // ended while we registered: do not keep the interest
                r.cancel();
            } else {
                removal = r;
            }
        }
    }

    @Override
    public void write(byte[] data, int off, int len) throws LinkClosedException {
        Objects.checkFromIndexSize(off, len, data.length);
        byte[] bytes = off == 0 && len == data.length ? data : Arrays.copyOfRange(data, off, off + len);
        synchronized (writeLock) {
            if (state() != LinkState.OPEN) {
                throw inbox.closedException();
            }
            boolean complete;
            try {
                complete = port.writeBytes(bytes);
            } catch (SerialPortException | RuntimeException e) {
                disconnect("write failed: " + JsscErrors.describe(e), e);
                throw inbox.closedException();
            }
            if (!complete) {
                disconnect("write failed: the OS took only part of the " + len + " bytes, or none", null);
                throw inbox.closedException();
            }
        }
    }

    @Override
    public void close() {
        inbox.end(LinkState.CLOSED, null, null);
        awaitReader(READER_JOIN_MILLIS); // first, while the descriptor is still ours: see the class comment
        releasePort();
        awaitReader(AFTER_CLOSE_JOIN_MILLIS); // a read spinning on a hung-up tty fails at once now
        if (!readerFinished() && Thread.currentThread() != reader) {
            LOG.log(System.Logger.Level.DEBUG, "serial port " + name + " is closed; its reader thread is still "
                    + "parked in jssc's poll() and will end at the next byte or hang-up on the line");
        }
    }

    /** Called by the reader when jssc threw; an error caused by our own closing is no news. */
    void readerFailed(String detail, Throwable cause) {
        disconnect(detail, cause);
    }

    /**
     * Ends the link as DISCONNECTED. The port is closed before the state changes, because whoever
     * sees DISCONNECTED may reopen the same port at once. The first reason given wins: the
     * watcher's "device node disappeared" over the EBADF that the reader gets as a consequence.
     */
    private void disconnect(String detail, Throwable cause) {
        disconnectReason.compareAndSet(null, new Reason(detail, cause));
        releasePort();
        Reason first = disconnectReason.get();
        if (inbox.end(LinkState.DISCONNECTED, first.detail(), first.cause())) {
            LOG.log(System.Logger.Level.INFO, "serial port " + name + " disconnected: " + first.detail());
        }
    }

    /** Closes the port once; a second caller waits until the first one has finished closing it. */
    private void releasePort() {
        synchronized (portLock) {
            if (portReleased) {
                return;
            }
            portReleased = true;
            removal.cancel();
            try {
                port.closePort();
            } catch (SerialPortException | RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "closing " + name + ": " + JsscErrors.describe(e));
            }
        }
    }

    /** Gives the reader that long to come out of jssc's read and end. */
    private void awaitReader(long millis) {
        if (Thread.currentThread() == reader || !reader.isAlive()) {
            return;
        }
        try {
            reader.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the reader thread has ended; for tests and the dump of a session. */
    boolean readerFinished() {
        return !reader.isAlive();
    }

    @Override
    public String toString() {
        return "JsscSerialLink[" + name + ", " + state() + "]";
    }

    private record Reason(String detail, Throwable cause) {
    }
}
