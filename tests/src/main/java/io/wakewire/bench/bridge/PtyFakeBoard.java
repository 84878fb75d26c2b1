package io.wakewire.bench.bridge;

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
 * A board answering the protocol from Java on one end of a pty pair (socat), so that the bench can
 * stamp the moment it writes an EVENTS frame into the kernel and measure how long the bytes take to
 * wake the awaiting task on the other end: the host's whole receive path (tty, jssc's reader thread,
 * the cross-thread wake, the executor, the decoder, the session's demux) and nothing else.
 */
final class PtyFakeBoard implements AutoCloseable {

    private final FileOutputStream out;
    private final FileInputStream in;
    private final FrameEncoder encoder = new FrameEncoder();
    private final long start = System.nanoTime();
    private final Thread reader;
    final CountDownLatch armed = new CountDownLatch(1);
    private int seq;

    PtyFakeBoard(String device) throws IOException {
        out = new FileOutputStream(device);
        in = new FileInputStream(device);
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
                while ((n = in.read(buf)) > 0) {
                    decoder.push(buf, 0, n);
                }
            } catch (IOException e) {
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
            case Command.Hello h -> new Answer.HelloInfo(next(), req, 1, 0, 1, 0x1E950F, 16_000_000L, 4000, 0x3F, 1,
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
            out.write(encoder.encode(f));
            out.flush();
        } catch (IOException e) {
            throw new IllegalStateException("pty fake board: write failed: " + e.getMessage(), e);
        }
    }

    /** The bytes of one EVENTS frame carrying one edge of {@code pin} at tick {@code tick}. */
    synchronized byte[] edgeFrame(int pin, int level, long tick) {
        return encoder.encode(new Answer.Events(next(), tick, List.of(new EventRecord.Edge(pin, level, tick))));
    }

    /** Writes bytes as they are (the caller stamps the time just before). */
    synchronized void writeRaw(byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new IllegalStateException("pty fake board: write failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            out.close();
            in.close();
        } catch (IOException ignored) {
            // going away
        }
    }
}
