package io.wakewire.link;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The jssc link on real pseudo-terminals: two links talking through socat, the way the end-to-end
 * tests talk to a virtual board.
 */
@Timeout(60)
class JsscSerialLinkPtyTest {

    private final JsscSerialLinkFactory factory = new JsscSerialLinkFactory();

    /** Reads until {@code n} bytes have come, sleeping on the waker between reads; bounded. */
    private static byte[] receive(SerialLink link, CountingWaker waker, int n) throws Exception {
        ByteBuffer dst = ByteBuffer.allocate(n);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (dst.hasRemaining()) {
            if (link.read(dst) == 0) {
                assertTrue(System.nanoTime() < deadline, "only " + dst.position() + " of " + n + " bytes came");
                waker.awaitWake(1);
            }
        }
        return dst.array();
    }

    private static Thread readerOf(String port) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("wakewire-jssc-reader " + port))
                .findFirst().orElseThrow(() -> new AssertionError("no reader thread for " + port));
    }

    @Test
    void bytesGoBothWaysAndWakeTheReader() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start();
             JsscSerialLink host = factory.open(PortSettings.of(pty.first, 115200));
             JsscSerialLink board = factory.open(PortSettings.of(pty.second, 115200))) {
            CountingWaker hostWaker = new CountingWaker();
            CountingWaker boardWaker = new CountingWaker();
            host.setReadWaker(hostWaker);
            board.setReadWaker(boardWaker);

            byte[] frame = {0x03, 0x11, 0x22, 0x00};
            host.write(frame);
            assertArrayEquals(frame, receive(board, boardWaker, frame.length));
            assertTrue(boardWaker.count() >= 1, "the board side's waker fired");

            byte[] big = new byte[3000]; // several kernel reads, several wakes
            for (int i = 0; i < big.length; i++) {
                big[i] = (byte) (i * 7);
            }
            board.write(big);
            assertArrayEquals(big, receive(host, hostWaker, big.length));
            assertTrue(hostWaker.count() >= 1);
        }
    }

    @Test
    void anIdleReaderSleepsInTheKernel() throws Exception {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (SocatPtyPair pty = SocatPtyPair.start();
             JsscSerialLink host = factory.open(PortSettings.of(pty.first, 115200))) {
            Thread reader = readerOf(pty.first);
            Thread.sleep(200); // let it reach poll()
            long before = mx.getThreadCpuTime(reader.threadId());
            Thread.sleep(1000);
            long used = mx.getThreadCpuTime(reader.threadId()) - before;
            // A spinning reader would use about 1 s of CPU here; a parked one uses none.
            assertTrue(used < TimeUnit.MILLISECONDS.toNanos(50),
                    "the idle reader used " + used / 1000 + " µs of CPU in 1 s");
            assertEquals(LinkState.OPEN, host.state());
        }
    }

    @Test
    void killingTheOtherEndIsADisconnectAndEndsTheReader() throws Exception {
        SocatPtyPair pty = SocatPtyPair.start();
        try (JsscSerialLink host = factory.open(PortSettings.of(pty.first, 115200))) {
            CountingWaker waker = new CountingWaker();
            host.setReadWaker(waker);
            Thread reader = readerOf(pty.first);

            pty.kill();

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (host.state() == LinkState.OPEN && System.nanoTime() < deadline) {
                waker.awaitWake(1);
            }
            assertEquals(LinkState.DISCONNECTED, host.state());
            LinkClosedException e = assertThrows(LinkClosedException.class, () -> host.read(ByteBuffer.allocate(8)));
            assertTrue(e.isDisconnect(), e.getMessage());
            assertThrows(LinkClosedException.class, () -> host.write(new byte[] {1}));
            reader.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(!reader.isAlive(), "the reader thread ended (it did not stay spinning on the hung-up pty)");
        } finally {
            pty.kill();
        }
    }

    @Test
    void closeReleasesThePortAndTheReaderEndsAtTheNextByte() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start();
             JsscSerialLink board = factory.open(PortSettings.of(pty.second, 115200))) {
            JsscSerialLink host = factory.open(PortSettings.of(pty.first, 115200));
            Thread reader = readerOf(pty.first);
            host.close();
            assertEquals(LinkState.CLOSED, host.state());
            // Linux does not wake a poll() when its descriptor is closed; a byte on the line does.
            board.write(new byte[] {0x55});
            reader.join(TimeUnit.SECONDS.toMillis(10));
            assertTrue(!reader.isAlive(), "the closed link's reader ended");
            assertTrue(host.readerFinished());
            assertEquals(0, host.available(), "the byte after close was discarded");
        }
    }

    @Test
    void closingWhileBytesFlowEndsTheReaderBeforeClosingThePort() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start();
             JsscSerialLink board = factory.open(PortSettings.of(pty.second, 115200))) {
            JsscSerialLink host = factory.open(PortSettings.of(pty.first, 115200));
            Thread sender = Thread.ofPlatform().daemon().start(() -> {
                try {
                    while (board.state() == LinkState.OPEN) {
                        board.write(new byte[] {0x01, 0x00}); // a board streaming events every 20 ms
                        Thread.sleep(20);
                    }
                } catch (LinkClosedException | InterruptedException e) {
                    // the test is over
                }
            });
            host.close();
            assertTrue(host.readerFinished(), "a byte came while close() waited: the reader left poll() and ended");
            board.close();
            sender.join(TimeUnit.SECONDS.toMillis(10));
        }
    }
}
