package io.wakewire.link;

import io.wakewire.task.Future;
import io.wakewire.task.Waker;

import java.nio.ByteBuffer;

/**
 * A two-way byte stream to one board: the SPI between the board layer and the transports
 * (jssc, the native reactor, the in-memory pair).
 *
 * <p>Reading never blocks: bytes arrive on the transport's own thread (or reactor), are kept in
 * a receive buffer, and the read waker is woken; the consumer then drains them with
 * {@link #read} until it returns 0. Writing hands the bytes to the OS and may block briefly while
 * the kernel's output buffer is full (a few milliseconds at 115200 baud for a full 4 KiB buffer);
 * it never waits for the executor.
 *
 * <p>The end of a link is typed: {@link #state()} becomes CLOSED (this program closed it) or
 * DISCONNECTED (the other side went away), and every later read or write throws
 * {@link LinkClosedException} carrying that state. Bytes that arrived before a disconnect are
 * still delivered first, so a frame that was complete on the wire is not lost.
 *
 * <p>Threads: {@code read}, {@code available}, {@code setReadWaker} and {@code readable} belong
 * to one consumer (the board session's task). {@code write} may be called from any thread;
 * concurrent writes do not interleave their bytes. {@code close} may be called from any thread,
 * any number of times.
 */
public interface SerialLink extends AutoCloseable {

    /** The port name (e.g. {@code /dev/ttyACM0}) or the in-memory end's name; for messages and dumps. */
    String name();

    /**
     * Copies received bytes into {@code dst} without blocking.
     *
     * @return how many bytes were copied; 0 when nothing is buffered (or {@code dst} is full)
     * @throws LinkClosedException when the link is closed or disconnected and every byte received
     *         before that has been read
     */
    int read(ByteBuffer dst) throws LinkClosedException;

    /** Bytes received and not read yet. */
    int available();

    /**
     * The waker to wake when bytes arrive or the link ends. One waker at a time (the latest
     * replaces the earlier one); {@code null} removes it. A waker set while bytes are already
     * buffered is not woken for them: check {@link #available()} after setting it, as
     * {@link #readable()} does.
     */
    void setReadWaker(Waker waker);

    /**
     * Writes all of {@code data[off, off+len)}.
     *
     * @throws LinkClosedException when the link is not open, or the OS reported an error (the
     *         link is then DISCONNECTED)
     */
    void write(byte[] data, int off, int len) throws LinkClosedException;

    default void write(byte[] data) throws LinkClosedException {
        write(data, 0, data.length);
    }

    LinkState state();

    /** Stops reading, releases the port and ends the reader; idempotent, never throws. */
    @Override
    void close();

    /**
     * A future that is ready when bytes are buffered or the link has ended (then {@link #read}
     * says how). It allocates nothing while pending; awaiting it again after draining is the
     * read loop of the board layer.
     */
    default Future<Void> readable() {
        return new ReadableFuture(this);
    }
}
