package io.wakewire.link;

import io.wakewire.task.Executor;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native link on real pseudo-terminals made by socat, served by one reactor on a thread of its
 * own (and, in one test, by the executor's own thread).
 */
@Timeout(60)
class NativeSerialLinkPtyTest {

    private NativeReactor reactor;
    private NativeSerialLinkFactory factory;

    @BeforeEach
    void start() {
        NativeSupport.requireNative();
        reactor = new NativeReactor().startThread("test-reactor");
        factory = new NativeSerialLinkFactory(reactor);
    }

    @AfterEach
    void stop() {
        if (reactor != null) {
            reactor.close();
        }
    }

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

    private static byte[] pattern(int n, int seed) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + seed);
        }
        return b;
    }

    @Test
    void aPtyMasterMadeInProcessCarriesBytesBothWaysToItsSlave() throws Exception {
        try (PtyMaster master = new PtyMaster();
             SerialLink port = factory.open(PortSettings.of(master.slavePath(), 1_000_000))) {
            CountingWaker waker = new CountingWaker();
            port.setReadWaker(waker);
            byte[] toPort = pattern(3000, 5); // raw from the start: 0x0d, 0x03, 0x11 arrive as they are
            master.write(toPort, 0, toPort.length);
            assertArrayEquals(toPort, receive(port, waker, toPort.length));

            byte[] toMaster = pattern(500, 9);
            port.write(toMaster, 0, toMaster.length);
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buf = new byte[256];
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (got.size() < toMaster.length && System.nanoTime() < deadline) {
                int n = master.read(buf, 100);
                if (n > 0) {
                    got.write(buf, 0, n);
                }
            }
            assertArrayEquals(toMaster, got.toByteArray());
        }
    }

    @Test
    void bytesGoBothWaysAndWakeTheReader() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start();
             SerialLink host = factory.open(PortSettings.of(pty.first, 115200));
             SerialLink board = factory.open(PortSettings.of(pty.second, 115200))) {
            CountingWaker hostWaker = new CountingWaker();
            CountingWaker boardWaker = new CountingWaker();
            host.setReadWaker(hostWaker);
            board.setReadWaker(boardWaker);

            byte[] frame = {0x03, 0x11, 0x22, 0x00};
            host.write(frame);
            assertArrayEquals(frame, receive(board, boardWaker, frame.length));
            assertTrue(boardWaker.count() >= 1, "the board side's waker fired");

            byte[] big = pattern(100_000, 3); // more than the kernel and the receive buffer hold at once
            Thread writer = Thread.ofPlatform().start(() -> {
                try {
                    board.write(big);
                } catch (LinkClosedException e) {
                    throw new AssertionError(e);
                }
            });
            assertArrayEquals(big, receive(host, hostWaker, big.length));
            writer.join(10_000);
            assertEquals(2, reactor.portCount());
        }
        assertEquals(0, reactor.portCount(), "closed links left the reactor");
    }

    @Test
    void aFullReceiveBufferPausesInputUntilTheConsumerReads() throws Exception {
        NativeSerialLinkFactory small = new NativeSerialLinkFactory(reactor, 64);
        try (SocatPtyPair pty = SocatPtyPair.start();
             SerialLink host = small.open(PortSettings.of(pty.first, 115200));
             SerialLink board = factory.open(PortSettings.of(pty.second, 115200))) {
            CountingWaker waker = new CountingWaker();
            host.setReadWaker(waker);
            byte[] data = pattern(1000, 9);
            board.write(data);
            assertTrue(waker.awaitWake(10));
            Thread.sleep(100); // the reactor fills the 64-byte buffer and must then stop asking for input
            assertEquals(64, host.available());
            assertArrayEquals(data, receive(host, waker, data.length), "nothing lost or reordered");
        }
    }

    @Test
    void theOtherEndDyingIsADisconnectNotAHang() throws Exception {
        SocatPtyPair pty = SocatPtyPair.start();
        try (SerialLink host = factory.open(PortSettings.of(pty.first, 115200));
             SerialLink board = factory.open(PortSettings.of(pty.second, 115200))) {
            CountingWaker waker = new CountingWaker();
            host.setReadWaker(waker);
            byte[] last = {1, 2, 3};
            board.write(last);
            assertArrayEquals(last, receive(host, waker, last.length));
            pty.kill();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (host.state() == LinkState.OPEN) {
                assertTrue(System.nanoTime() < deadline, "no disconnect 10 s after the pty died");
                waker.awaitWake(1);
            }
            assertEquals(LinkState.DISCONNECTED, host.state());
            LinkClosedException e = assertThrows(LinkClosedException.class, () -> host.read(ByteBuffer.allocate(8)));
            assertTrue(e.isDisconnect(), e.getMessage());
            assertThrows(LinkClosedException.class, () -> host.write(new byte[] {1}));
        }
    }

    @Test
    void nonStandardBaudsReachTheDriverUnrounded() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            for (int baud : new int[] {250_000, 500_000, 1_000_000, 115_200, 74_880}) {
                try (NativeSerialLink link = factory.open(PortSettings.of(pty.first, baud))) {
                    assertEquals(baud, NativeCalls.baudOf(link.fd()), "termios2 holds the asked baud");
                }
            }
        }
    }

    @Test
    void portsAreOpenedExclusively() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start();
             NativeSerialLink link = factory.open(PortSettings.of(pty.first, 115200))) {
            // TIOCEXCL: a second open(2) gets EBUSY (root is exempt, so ask the tty rather than try)
            assertEquals(1, NativeCalls.exclusiveOf(link.fd()));
        }
    }

    @Test
    void hupclIsHeldAsAsked() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            try (NativeSerialLink link = factory.open(PortSettings.of(pty.first, 115200).withHupcl(false))) {
                assertEquals(0, NativeCalls.hupclOf(link.fd()));
            }
            try (NativeSerialLink link = factory.open(PortSettings.of(pty.first, 115200).withHupcl(true)
                    .withResetOnOpen(true))) { // a pty has no DTR: reported once, not an error
                assertEquals(1, NativeCalls.hupclOf(link.fd()));
            }
        }
    }

    @Test
    void closeWhileTheReactorIsParkedEndsTheLinkAndFreesThePort() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start()) {
            NativeSerialLink host = factory.open(PortSettings.of(pty.first, 115200));
            CountingWaker waker = new CountingWaker();
            host.setReadWaker(waker);
            Thread.sleep(100); // the reactor thread is parked in epoll_wait with this port in it
            host.close();
            host.close(); // idempotent
            assertTrue(waker.awaitWake(5), "close wakes the reader");
            assertEquals(LinkState.CLOSED, host.state());
            LinkClosedException e = assertThrows(LinkClosedException.class, () -> host.read(ByteBuffer.allocate(8)));
            assertFalse(e.isDisconnect());
            assertEquals(-1, host.fd());
            assertEquals(0, reactor.portCount());
            // the port can be opened again (TIOCEXCL was released with the descriptor)
            try (SerialLink again = factory.open(PortSettings.of(pty.first, 115200))) {
                assertEquals(LinkState.OPEN, again.state());
            }
        }
    }

    @Test
    void manyPortsOnOneReactor() throws Exception {
        int pairs = 6;
        List<SocatPtyPair> ptys = new ArrayList<>();
        List<SerialLink> links = new ArrayList<>();
        try {
            for (int i = 0; i < pairs; i++) {
                SocatPtyPair p = SocatPtyPair.start();
                ptys.add(p);
                links.add(factory.open(PortSettings.of(p.first, 115200)));
                links.add(factory.open(PortSettings.of(p.second, 115200)));
            }
            assertEquals(2 * pairs, reactor.portCount());
            List<CountingWaker> wakers = new ArrayList<>();
            for (SerialLink l : links) {
                CountingWaker w = new CountingWaker();
                l.setReadWaker(w);
                wakers.add(w);
            }
            for (int i = 0; i < links.size(); i++) { // every port writes to its peer at once
                links.get(i).write(pattern(2000, i));
            }
            for (int i = 0; i < links.size(); i++) {
                int peer = i ^ 1;
                assertArrayEquals(pattern(2000, peer), receive(links.get(i), wakers.get(i), 2000),
                        "port " + i + " got its peer's bytes");
            }
        } finally {
            links.forEach(SerialLink::close);
            for (SocatPtyPair p : ptys) {
                p.close();
            }
        }
    }

    @Test
    void theExecutorsOwnThreadReadsThePortsWhenItParksInTheReactor() throws Exception {
        try (SocatPtyPair pty = SocatPtyPair.start();
             NativeReactor own = new NativeReactor();
             Executor ex = Executor.builder().parker(own).build()) {
            NativeSerialLinkFactory onExecutor = new NativeSerialLinkFactory(own);
            try (SerialLink host = onExecutor.open(PortSettings.of(pty.first, 115200));
                 SerialLink board = factory.open(PortSettings.of(pty.second, 115200))) {
                Thread writer = Thread.ofPlatform().start(() -> {
                    try {
                        Thread.sleep(100);
                        board.write(new byte[] {42, 43});
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                ex.blockOn(host.readable()); // parks in epoll_wait on the test thread until the bytes come
                assertTrue(host.available() > 0);
                ByteBuffer got = ByteBuffer.allocate(2);
                host.read(got);
                assertEquals(42, got.get(0));
                writer.join(10_000);
            }
        }
    }

    @Test
    void openingWhatCannotBeOpenedSaysWhy() {
        PortOpenException missing = assertThrows(PortOpenException.class,
                () -> factory.open(PortSettings.of("/dev/ttyNO_SUCH_PORT", 115200)));
        assertEquals(PortOpenException.Problem.NOT_FOUND, missing.problem());
        assertTrue(missing.getMessage().contains("/dev/ttyNO_SUCH_PORT"), missing.getMessage());

        PortOpenException notTty = assertThrows(PortOpenException.class,
                () -> factory.open(PortSettings.of("/dev/null", 115200)));
        assertEquals(PortOpenException.Problem.NOT_A_SERIAL_PORT, notTty.problem(), notTty.getMessage());
    }
}
