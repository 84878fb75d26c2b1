package io.wakewire.bench.bridge;

import io.wakewire.link.PtyMaster;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import io.wakewire.wire.EventRecord;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameDecoder;
import io.wakewire.wire.FrameEncoder;
import io.wakewire.wire.FrameSink;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A board answering the protocol from Java on one end of a pty pair, so that the bench can stamp
 * the moment it writes an EVENTS frame into the kernel and measure how long the bytes take to wake
 * the awaiting task on the other end: the host's whole receive path (tty, jssc's reader thread,
 * the cross-thread wake, the executor, the decoder, the session's demux) and nothing else.
 *
 * <p>The pair is either socat's (one end's device path; socat relays between two ptys, which adds
 * its own thread wake and a second pty hop to every byte) or a {@link PtyMaster} made in this
 * process (the board writes the master, the host opens the slave: one pty hop, no relay).
 */
final class PtyFakeBoard implements AutoCloseable {

    /** The board's end of the pair: blocking-ish reads for the reader thread, raw writes. */
    private interface End extends AutoCloseable {
        /** Bytes read into buf, 0 for none yet, -1 at the end. */
        int read(byte[] buf) throws IOException, InterruptedException;

        void write(byte[] bytes) throws IOException;

        @Override
        void close() throws IOException;
    }

    private final End end;
    private final FrameEncoder encoder = new FrameEncoder();
    private final long start = System.nanoTime();
    private final Thread reader;
    final CountDownLatch armed = new CountDownLatch(1);
    private int seq;

    /** On a device path (one end of socat's pair). */
    PtyFakeBoard(String device) throws IOException {
        this(streams(new FileInputStream(device), new FileOutputStream(device)));
    }

    /** On the master of a pty made in this process; the host opens {@code master.slavePath()}. */
    PtyFakeBoard(PtyMaster master) {
        this(new End() {
            @Override
            public int read(byte[] buf) throws InterruptedException {
                return master.read(buf, 100);
            }

            @Override
            public void write(byte[] bytes) {
                master.write(bytes, 0, bytes.length);
            }

            @Override
            public void close() {
                master.close();
            }
        });
    }

    private static End streams(FileInputStream in, FileOutputStream out) {
        return new End() {
            @Override
            public int read(byte[] buf) throws IOException {
                int n = in.read(buf);
                return n <= 0 ? -1 : n;
            }

            @Override
            public void write(byte[] bytes) throws IOException {
                out.write(bytes);
            }

            @Override
            public void close() throws IOException {
                out.close();
                in.close();
            }
        };
    }

    private PtyFakeBoard(End end) {
        this.end = end;
        FrameDecoder decoder = new FrameDecoder(new FrameSink() {
            @Override
            public void frame(Frame f) {
                if (f instanceof Command c) {
                    answer(c);
                }
            }
        });
        reader = new Thread(() -> {
            byte[] buf = new byte[256];
            try {
                int n;
                while ((n = end.read(buf)) >= 0) {
                    if (n > 0) {
                        decoder.push(buf, 0, n);
                    }
                }
            } catch (IOException | InterruptedException | IllegalStateException e) {
                // closed
            }
        }, "pty-fake-board");
        reader.setDaemon(true);
        reader.start();
    }

    private long ticks() {
        return ((System.nanoTime() - start) / 4000) & 0xFFFF_FFFFL;
    }

    private synchronized void answer(Command c) {
        int req = c.reqId();
        Frame a = switch (c) {
            case Command.Hello h -> new Answer.HelloInfo(next(), req, 2, 0, 1, 0x1E950F, 16_000_000L, 4000, 0x3F, 1,
                    1_000_000L, 20);
            case Command.Clock k -> new Answer.ClockReading(next(), req, ticks());
            case Command.Ping p -> new Answer.Pong(next(), req, p.data());
            case Command.Arm arm -> {
                armed.countDown();
                yield new Answer.Ack(next(), req);
            }
            default -> new Answer.Ack(next(), req);
        };
        write(a);
    }

    private int next() {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        return s;
    }

    private synchronized void write(Frame f) {
        try {
            end.write(encoder.encode(f));
        } catch (IOException e) {
            throw new IllegalStateException("pty fake board: write failed: " + e.getMessage(), e);
        }
    }

    /**
     * Writes one EVENTS frame carrying one edge of {@code pin} at tick {@code tick}, running
     * {@code stamp} after encoding and just before the write (the task may run before the write
     * returns). Under the lock that answers take too, so frames reach the wire in sequence order
     * (an answer written between an edge frame's encoding and its write would look like a lost
     * frame to the host).
     */
    synchronized void sendEdge(int pin, int level, long tick, Runnable stamp) {
        byte[] bytes = encoder.encode(new Answer.Events(next(), tick, List.of(new EventRecord.Edge(pin, level, tick))));
        stamp.run();
        try {
            end.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("pty fake board: write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            end.close();
        } catch (IOException ignored) {
            // going away
        }
    }
}
