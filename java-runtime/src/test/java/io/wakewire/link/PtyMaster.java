package io.wakewire.link;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * For benchmarks and tests, not used by the runtime: the master end of a pseudo-terminal made in
 * this process through the native library. Its {@linkplain #slavePath() slave} is a tty that
 * either transport opens as a serial port; bytes written here are readable there after one pass
 * through the kernel's pty layer, with no relay process (socat) in between, so a benchmark that
 * stamps {@link #write} measures the receiving side only, the same way for every transport.
 *
 * <p>The slave starts raw (no echo, no line discipline). One thread may {@link #read} while others
 * {@link #write}; writes are not serialised here. Reading before the slave has been opened, or
 * after its last opener closed it, sees neither bytes nor an end: {@link #read} returns 0 then.
 */
public final class PtyMaster implements AutoCloseable {

    private final Object fdLock = new Object();
    private final String slavePath;
    private final ByteBuffer direct = ByteBuffer.allocateDirect(4096); // reader only
    private int fd; // guarded by fdLock; -1 once closed

    /**
     * @throws IllegalStateException when the native library is not available or the kernel gives
     *         no pty, with the reason
     */
    public PtyMaster() {
        if (!NativeLibrary.available()) {
            throw new IllegalStateException("the native library is not available: " + NativeLibrary.unavailableReason());
        }
        byte[] path = new byte[128];
        int rc = NativeCalls.openPtyMaster(path);
        if (rc < 0) {
            throw new IllegalStateException("could not open a pseudo-terminal: " + Errno.name(-rc));
        }
        int len = 0;
        while (path[len] != 0) {
            len++;
        }
        this.fd = rc;
        this.slavePath = new String(path, 0, len, StandardCharsets.US_ASCII);
    }

    /** The slave's device path, e.g. {@code /dev/pts/3}: the port to open. */
    public String slavePath() {
        return slavePath;
    }

    /** Writes all of the bytes into the master (the slave's input), waiting for room if needed. */
    public void write(byte[] data, int off, int len) {
        java.util.Objects.checkFromIndexSize(off, len, data.length);
        int rc;
        synchronized (fdLock) {
            if (fd < 0) {
                throw new IllegalStateException("pty master closed");
            }
            rc = NativeCalls.write(fd, data, off, len, 2_000);
        }
        if (rc < 0) {
            throw new IllegalStateException("write to the pty master failed: " + Errno.name(-rc));
        }
    }

    /**
     * Waits up to {@code timeoutMillis} for what the slave's side wrote and copies it into
     * {@code dst}. Returns the count, 0 when nothing came (or the slave is not open), -1 once
     * closed. When the slave is not open this waits about a millisecond and returns 0.
     */
    public int read(byte[] dst, int timeoutMillis) throws InterruptedException {
        int ready = NativeCalls.waitReadable(fdOrMinusOne(), timeoutMillis);
        if (ready <= 0) {
            return fdOrMinusOne() < 0 ? -1 : 0;
        }
        int n;
        synchronized (fdLock) {
            if (fd < 0) {
                return -1;
            }
            n = NativeCalls.read(fd, direct, 0, Math.min(dst.length, direct.capacity()));
        }
        if (n > 0) {
            direct.get(0, dst, 0, n);
            return n;
        }
        if (n < 0) {
            Thread.sleep(1); // EIO or end: no slave open now; a poll would return at once again
        }
        return 0;
    }

    private int fdOrMinusOne() {
        synchronized (fdLock) {
            return fd;
        }
    }

    @Override
    public void close() {
        synchronized (fdLock) {
            if (fd >= 0) {
                NativeCalls.close(fd);
                fd = -1;
            }
        }
    }
}
