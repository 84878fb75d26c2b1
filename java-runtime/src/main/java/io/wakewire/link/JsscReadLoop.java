package io.wakewire.link;

import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * The body of a jssc link's reader thread: park in the kernel until bytes arrive, drain what is
 * there, hand it to the receive buffer (which wakes the consumer), repeat.
 *
 * <p>What jssc 2.10.2 offers, read from its native code and bytecode: {@code readBytes(n)} loops
 * {@code poll(fd, POLLIN, -1); read()} until n bytes have come, so {@code readBytes(1)} sleeps in
 * the kernel with no timeout: zero CPU while the line is idle. The timed {@code readBytes(n, ms)}
 * busy-waits on {@code getInputBufferBytesCount()} without even sleeping, and the event
 * listener's thread loops on {@code waitEvents()} and {@code Thread.sleep(0, 100)} (about 29% of a
 * core while idle on Java 21+); neither is used. After the one byte, {@code
 * getInputBufferBytesCount()} (FIONREAD) says how many more are already there, and
 * {@code readBytes(count)} takes them without waiting.
 *
 * <p>Any {@link SerialPortException} (EIO when a pty's master dies, EBADF once the port was
 * closed under a spinning read, ...) ends the loop; the link decides whether that was a
 * disconnect or the consequence of its own close.
 */
final class JsscReadLoop implements Runnable {

    /** Most bytes taken per wake-up; bounds the array a burst can make us allocate. */
    static final int MAX_BATCH = 4096;

    private final JsscSerialLink link;
    private final SerialPort port;
    private final ReceiveBuffer inbox;

    JsscReadLoop(JsscSerialLink link, SerialPort port, ReceiveBuffer inbox) {
        this.link = link;
        this.port = port;
        this.inbox = inbox;
    }

    @Override
    public void run() {
        try {
            while (inbox.state() == LinkState.OPEN) {
                byte[] first = port.readBytes(1); // parks in poll() until a byte, an error or a hang-up
                if (first == null || first.length == 0) {
                    throw new SerialPortException(link.name(), "readBytes", "jssc returned no data");
                }
                int more = Math.min(Math.max(port.getInputBufferBytesCount(), 0), MAX_BATCH);
                byte[] chunk = first;
                if (more > 0) {
                    byte[] rest = port.readBytes(more); // already buffered in the kernel: no wait
                    chunk = new byte[1 + rest.length];
                    chunk[0] = first[0];
                    System.arraycopy(rest, 0, chunk, 1, rest.length);
                }
                if (!inbox.put(chunk, 0, chunk.length)) {
                    return; // the link ended while we waited for room
                }
            }
        } catch (SerialPortException e) {
            link.readerFailed("read failed: " + JsscErrors.describe(e), e);
        } catch (InterruptedException e) {
            link.readerFailed("reader thread interrupted", e);
        } catch (RuntimeException e) {
            link.readerFailed("reader failed: " + e, e);
        }
    }
}
