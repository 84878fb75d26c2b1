package io.wakewire.board;

import io.wakewire.link.InMemoryLink;
import io.wakewire.link.InMemoryLinkPair;
import io.wakewire.link.LinkClosedException;
import io.wakewire.link.SerialLinkFactory;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import io.wakewire.wire.EventRecord;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameDecoder;
import io.wakewire.wire.FrameEncoder;
import io.wakewire.wire.FrameSink;
import io.wakewire.wire.FrameTypes;
import io.wakewire.wire.NakCode;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import io.wakewire.task.Clock;
import io.wakewire.task.Context;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;
import io.wakewire.task.VirtualClock;
import java.time.Duration;

/**
 * A board in Java for unit tests: the far end of an in-memory link pair, answering frames as
 * PROTOCOL.md says the firmware does, on its own thread (woken by the link's waker, never polling).
 * Tests drive it: edges, LOST markers, sequence gaps, resets, silence, garbage.
 *
 * <p>{@link #onExecutor} makes it a task of the host's executor instead, on a {@link VirtualClock}:
 * it answers as soon as the executor runs it, before virtual time can jump, and every frame it
 * sends takes its bytes' wire time at 1 Mbaud (the clock is advanced by 10 µs a byte), so session
 * timing tests are exact.
 */
final class FakeBoard implements AutoCloseable {

    static final int UNO_SIGNATURE = 0x1E950F;

    private final InMemoryLinkPair pair;
    private final InMemoryLink end;
    private final FrameEncoder encoder = new FrameEncoder();
    private final Thread thread;
    private final FrameDecoder decoder;
    private final Clock clock;
    /** Executor mode: the virtual clock each sent byte advances; null on the thread. */
    private final VirtualClock wire;
    private volatile long startNanos;
    private volatile boolean running = true;
    private int seq;

    volatile int signature = UNO_SIGNATURE;
    volatile int protoVersion = 2;
    /** HELLO's capability bits; without CAP_ANALOG_READ (a firmware built without the analog module) ANALOG_READ is NAKed unknown_command, as the firmware does. */
    volatile int capabilities = 0x3F;
    /** HELLO requests to ignore before answering (a bootloader eating them). */
    volatile int hellosToIgnore;
    /** Stop answering anything (a hung board whose link stays up). */
    volatile boolean mute;
    /** Keep commands unanswered in {@link #held} until {@link #releaseOne} (a slow board). */
    volatile boolean holdAnswers;
    final List<Command> held = new CopyOnWriteArrayList<>();
    /** Pins that are NAKed bad_pin. */
    final Set<Integer> badPins = ConcurrentHashMap.newKeySet();
    final Map<Integer, Integer> analogValues = new ConcurrentHashMap<>();
    final List<Command> received = new CopyOnWriteArrayList<>();
    /** CLOCK commands (counted from 1, the handshake's included) whose answers are not sent. */
    final Set<Integer> clockAnswersToDrop = ConcurrentHashMap.newKeySet();
    private int clocks;
    /** When the last frame was written (its last byte, in executor mode). */
    volatile long lastSentNanos;

    FakeBoard(InMemoryLinkPair pair) {
        this(pair, null, null);
    }

    /** A fake that runs as a task of {@code ex}, whose clock and parker must be {@code clock}. */
    static FakeBoard onExecutor(InMemoryLinkPair pair, Executor ex, VirtualClock clock) {
        return new FakeBoard(pair, ex, clock);
    }

    private FakeBoard(InMemoryLinkPair pair, Executor ex, VirtualClock virtual) {
        this.pair = pair;
        this.end = pair.b();
        this.clock = virtual != null ? virtual : Clock.SYSTEM;
        this.wire = virtual;
        this.startNanos = clock.nanoTime();
        this.decoder = new FrameDecoder(new FrameSink() {
            @Override
            public void frame(Frame f) {
                if (f instanceof Command c) {
                    received.add(c);
                    if (holdAnswers) {
                        held.add(c);
                    } else if (!mute) {
                        answer(c);
                    }
                }
            }
        });
        // warm the codec up so that a cold JVM does not make the first answer miss the host's HELLO retry
        decoder.push(encoder.encode(hello(0, 0)));
        received.clear();
        seq = 0;
        if (ex != null) {
            thread = null;
            ex.spawn("fake board", new Future<Void>() {
                private final ByteBuffer buf = ByteBuffer.allocate(1024);

                @Override
                public Poll<Void> poll(Context cx) {
                    end.setReadWaker(cx.waker());
                    while (running) {
                        int n;
                        try {
                            n = end.read(buf);
                        } catch (LinkClosedException e) {
                            return Poll.ready(null);
                        }
                        if (n <= 0) {
                            return Poll.pending();
                        }
                        decoder.push(buf.array(), 0, n);
                        buf.clear();
                    }
                    return Poll.ready(null);
                }
            });
            return;
        }
        thread = new Thread(() -> {
            ByteBuffer buf = ByteBuffer.allocate(1024);
            Thread self = Thread.currentThread();
            end.setReadWaker(() -> LockSupport.unpark(self));
            while (running) {
                int n;
                try {
                    n = end.read(buf);
                } catch (LinkClosedException e) {
                    return;
                }
                if (n > 0) {
                    decoder.push(buf.array(), 0, n);
                    buf.clear();
                } else if (end.available() == 0) {
                    LockSupport.parkNanos(50_000_000);
                }
            }
        }, "fake-board");
        thread.setDaemon(true);
        thread.start();
    }

    /** A factory that hands out the host end of {@code pair} once (a second open fails like a missing port). */
    static SerialLinkFactory factoryOf(InMemoryLinkPair pair) {
        return settings -> pair.a();
    }

    long ticksNow() {
        return ((clock.nanoTime() - startNanos) / 4000) & 0xFFFF_FFFFL;
    }

    private synchronized void answer(Command c) {
        int req = c.reqId();
        switch (c) {
            case Command.Hello h -> {
                if (hellosToIgnore > 0) {
                    hellosToIgnore--;
                    return;
                }
                send(hello(req, 0));
            }
            case Command.PinMode m -> ackUnlessBad(req, m.pin());
            case Command.Arm a -> ackUnlessBad(req, a.pin());
            case Command.DigitalWrite w -> ackUnlessBad(req, w.pin());
            case Command.PwmWrite p -> {
                if (p.pin() != 3 && p.pin() != 5 && p.pin() != 6 && p.pin() != 9 && p.pin() != 10 && p.pin() != 11) {
                    send(new Answer.Nak(nextSeq(), req, NakCode.NOT_CAPABLE, p.pin()));
                } else {
                    ackUnlessBad(req, p.pin());
                }
            }
            case Command.AnalogRead r -> send((capabilities & Answer.HelloInfo.CAP_ANALOG_READ) == 0
                    ? new Answer.Nak(nextSeq(), req, NakCode.UNKNOWN_COMMAND, 0x86)
                    : new Answer.Analog(nextSeq(), req, r.channel(), analogValues.getOrDefault(r.channel(), 512), ticksNow()));
            case Command.Ping p -> send(new Answer.Pong(nextSeq(), req, p.data()));
            case Command.Clock k -> {
                int sq = nextSeq(); // a dropped answer was sent: the line lost it, so its seq is gone
                if (!clockAnswersToDrop.contains(++clocks)) {
                    send(new Answer.ClockReading(sq, req, ticksNow()));
                }
            }
            case Command.Stats s -> send(new Answer.StatsReport(nextSeq(), req, 0, 0, 0, List.of()));
            case Command.ResetCause r -> send(new Answer.ResetCauseReport(nextSeq(), req, 1));
            case Command.ReadPin r -> send(new Answer.PinLevel(nextSeq(), req, r.pin(), 0, ticksNow()));
            case Command.Stream st -> send((capabilities & Answer.HelloInfo.CAP_STREAM) == 0
                    ? new Answer.Nak(nextSeq(), req, NakCode.UNKNOWN_COMMAND, 0x8C) : new Answer.Ack(nextSeq(), req));
            case Command.Msg m -> send(new Answer.Nak(nextSeq(), req, NakCode.UNKNOWN_COMMAND, FrameTypes.MSG_REQUEST)); // no app
            case Command.Servo v -> send(new Answer.Nak(nextSeq(), req, NakCode.UNKNOWN_COMMAND, 0x8E)); // no servo module
            // module i2c: configure answered with a 48-byte queue and 32-byte transfers, a poll ACKed
            // (I2cPollLossTest sends the readings); no transaction (no device)
            case Command.I2c i -> send((capabilities & Answer.HelloInfo.CAP_I2C) == 0
                    ? new Answer.Nak(nextSeq(), req, NakCode.UNKNOWN_COMMAND, 0x8F)
                    : new Answer.I2cResult(nextSeq(), req, i.addr() == Command.I2c.CONFIGURE ? 0 : Answer.I2cResult.ADDRESS_NAK,
                    i.addr() == Command.I2c.CONFIGURE ? new byte[] {48, 32} : new byte[0]));
            case Command.I2cPoll i -> send((capabilities & Answer.HelloInfo.CAP_I2C) == 0
                    ? new Answer.Nak(nextSeq(), req, NakCode.UNKNOWN_COMMAND, 0x90) : new Answer.Ack(nextSeq(), req));
        }
    }

    private void ackUnlessBad(int req, int pin) {
        if (badPins.contains(pin)) {
            send(new Answer.Nak(nextSeq(), req, NakCode.BAD_PIN, pin));
        } else {
            send(new Answer.Ack(nextSeq(), req));
        }
    }

    private Answer.HelloInfo hello(int req, int resetCause) {
        return new Answer.HelloInfo(nextSeq(), req, protoVersion, 0, 1, signature, 16_000_000L, 4000, capabilities, resetCause,
                1_000_000L, 20);
    }

    private int nextSeq() {
        int s = seq;
        seq = (seq + 1) & 0xFF;
        return s;
    }

    private synchronized void send(Frame f) {
        try {
            byte[] bytes = encoder.encode(f);
            if (wire != null) {
                wire.advance(Duration.ofNanos(10_000L * bytes.length)); // 10 bits a byte at 1 Mbaud
            }
            end.write(bytes);
            lastSentNanos = clock.nanoTime();
        } catch (LinkClosedException e) {
            // the host went away; tests see it on their side
        }
    }

    /** The boot HELLO after a reset: seq starts again at 0. */
    synchronized void reset(int resetCause) {
        seq = 0;
        send(hello(0, resetCause));
    }

    /** One EVENTS frame with these records (edges as {pin, level, tick}, a LOST as {-1, source, count}). */
    synchronized void events(long[]... records) {
        List<EventRecord> recs = new ArrayList<>();
        long base = -1;
        for (long[] r : records) {
            if (r[0] < 0) {
                recs.add(new EventRecord.Lost((int) r[1], r[2]));
            } else {
                recs.add(new EventRecord.Edge((int) r[0], (int) r[1], r[2]));
                if (base < 0) {
                    base = r[2];
                }
            }
        }
        send(new Answer.Events(nextSeq(), Math.max(base, 0), recs));
    }

    /** One EVENTS frame as {@link #events} makes it, with its wire bytes changed by {@code corrupt} on the way. */
    synchronized void corruptedEvents(java.util.function.UnaryOperator<byte[]> corrupt, long[]... records) {
        List<EventRecord> recs = new ArrayList<>();
        for (long[] r : records) {
            recs.add(r[0] < 0 ? new EventRecord.Lost((int) r[1], r[2]) : new EventRecord.Edge((int) r[0], (int) r[1], r[2]));
        }
        garbage(corrupt.apply(encoder.encode(new Answer.Events(nextSeq(), records[0][2], recs))));
    }

    /** A frame with a valid CRC and the next sequence number, of {@code type} with exactly {@code payload}. */
    synchronized void rawFrame(int type, byte[] payload) {
        send(new io.wakewire.wire.Raw(type, nextSeq(), payload));
    }

    /** A SAMPLES frame: {@code records} are {channel, value, tick} samples or {-1, count} LOST markers. */
    synchronized void samples(long[]... records) {
        java.util.List<io.wakewire.wire.SampleRecord> out = new java.util.ArrayList<>();
        long base = -1;
        for (long[] r : records) {
            if (r[0] < 0) {
                out.add(new io.wakewire.wire.SampleRecord.Lost((int) r[1]));
            } else {
                base = base < 0 ? r[2] : base;
                out.add(new io.wakewire.wire.SampleRecord.Sample((int) r[0], (int) r[1], r[2]));
            }
        }
        send(new Answer.Samples(nextSeq(), Math.max(base, 0), out));
    }

    static long[] edge(int pin, int level, long tick) {
        return new long[] {pin, level, tick};
    }

    static long[] lost(int source, long count) {
        return new long[] {-1, source, count};
    }

    /** A reset whose boot HELLO never reaches the host: the clock and the sequence start again, silently. */
    synchronized void silentReset() {
        startNanos = clock.nanoTime();
        seq = 0;
    }

    /** Skips {@code n} sequence numbers, as if that many frames were lost on the wire. */
    synchronized void loseFrames(int n) {
        seq = (seq + n) & 0xFF;
    }

    void garbage(byte[] bytes) {
        try {
            end.write(bytes);
            lastSentNanos = clock.nanoTime();
        } catch (LinkClosedException e) {
            // ignore
        }
    }

    /** Answers the oldest held command; false when none is held. */
    boolean releaseOne() {
        if (held.isEmpty()) {
            return false;
        }
        answer(held.remove(0));
        return true;
    }

    long count(Class<? extends Command> type) {
        return received.stream().filter(type::isInstance).count();
    }

    void unplug() {
        pair.disconnect("cable pulled");
    }

    @Override
    public void close() {
        running = false;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
        end.close();
    }
}
