package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import io.wakewire.wire.EventBatch;
import io.wakewire.wire.EventVisitor;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameDecoder;
import io.wakewire.wire.FrameError;
import io.wakewire.wire.FrameSink;
import io.wakewire.wire.Raw;

/**
 * The receive side of a session: bytes in, frames out to where they belong. It checks the board's
 * frame sequence (a gap is a loss on every armed pin), hands answers to the {@link RequestTable},
 * boot HELLOs to the {@link BoardSupervisor}, and edges to their pin's {@link PinChannel} (O(1) by
 * pin number), with LOST records and same-level repeats turned into losses by the {@link LossTracker}.
 *
 * <p>Executor thread only: the {@link ReaderLoop} of the current connection calls {@link #received}.
 */
final class Demultiplexer implements FrameSink, EventVisitor {

    private final BoardSession session;
    private final SessionCounters counters;
    private final PinChannel[] byNumber;
    private final LossTracker losses;
    /** One decoder per connection, so a frame cut off by a disconnect cannot spoil the next link's first frame. */
    private FrameDecoder decoder = new FrameDecoder(this);
    /** Errors counted by the decoders of earlier connections, by FrameError ordinal. */
    private final long[] pastErrors = new long[FrameError.values().length];
    private int expectedRxSeq = -1;
    private long arrivalNanos;
    private long lastRxNanos;

    Demultiplexer(BoardSession session, PinChannel[] byNumber, java.util.Collection<PinChannel> channels) {
        this.session = session;
        this.counters = session.counters;
        this.byNumber = byNumber;
        this.losses = new LossTracker(channels, byNumber.length);
    }

    /** A new link: a fresh decoder (keeping the old one's error counts), and silence counted from now. */
    void newConnection(long nowNanos) {
        for (FrameError e : FrameError.values()) {
            pastErrors[e.ordinal()] += decoder.errors(e);
        }
        decoder = new FrameDecoder(this);
        lastRxNanos = nowNanos;
    }

    /** A new handshake: the board's sequence starts afresh, and no pin's last level is known. */
    void newHandshake() {
        expectedRxSeq = -1;
        losses.forgetAll();
    }

    /** When the bytes being decoded arrived (the executor's clock). */
    long arrivalNanos() {
        return arrivalNanos;
    }

    /** When the last frame arrived: the heartbeat's silence is counted from here. */
    long lastRxNanos() {
        return lastRxNanos;
    }

    /** Decode errors of every connection so far. */
    long errors(FrameError e) {
        return pastErrors[e.ordinal()] + decoder.errors(e);
    }

    void received(byte[] data, int n) {
        arrivalNanos = session.nowNanos();
        decoder.push(data, 0, n);
    }

    private void checkSeq(int seq) {
        counters.framesReceived++;
        lastRxNanos = arrivalNanos;
        if (expectedRxSeq >= 0 && seq != expectedRxSeq) {
            int missing = (seq - expectedRxSeq) & 0xFF;
            counters.seqGapFrames += missing;
            losses.framesMissing(missing, "board frame seq " + seq + ", expected " + expectedRxSeq);
            session.samples.framesMissing(missing);
        }
        expectedRxSeq = (seq + 1) & 0xFF;
    }

    @Override
    public void frame(Frame f) {
        if (f instanceof Answer.HelloInfo h && h.reqId() == 0) {
            counters.framesReceived++;
            lastRxNanos = arrivalNanos;
            expectedRxSeq = (h.seq() + 1) & 0xFF;
            session.supervisor().bootHello(h);
            return;
        }
        checkSeq(f.seq());
        if (f instanceof Answer.Reply r) {
            if (!session.requests().complete(r)) {
                counters.unclaimedAnswers++;
            }
        } else if (f instanceof Answer.Events ev) {
            // only when a FrameSink default routes copies here; events() below is the normal path
            for (var rec : ev.records()) {
                if (rec instanceof io.wakewire.wire.EventRecord.Edge e) {
                    edge(e.pin(), e.level(), e.timestamp());
                } else if (rec instanceof io.wakewire.wire.EventRecord.Lost l) {
                    lost(l.source(), l.count());
                }
            }
        } else if (f instanceof Answer.I2cReading r && session.i2cReadings != null) {
            session.i2cReadings.reading(r); // module i2c: an I2C_POLL reading (I2cPoll)
        } else if (f instanceof Answer.Samples sf) {
            session.samples.frame(sf);
        } else if (f instanceof Raw m && session.messages.accept(m, arrivalNanos)) { // MSG (Messages.java)
        } else if (f instanceof Raw || f instanceof Command) {
            // it passed the CRC and took a sequence number, so it may have been an EVENTS frame: a loss
            // on every armed pin, not just a counter (the board sends no other types in this version)
            counters.unknownFrames++;
            losses.unparseable("board frame seq " + f.seq() + (f instanceof Raw r ? String.format(
                    " (type 0x%02x, %d payload bytes)", r.type(), r.payload().length) : "") + " would not parse");
        }
    }

    @Override
    public void events(EventBatch batch) {
        checkSeq(batch.seq());
        batch.forEach(this);
    }

    @Override
    public void invalid(FrameError error) {
        // counted by the decoder; BoardStats reads its counters
    }

    @Override
    public void edge(int pin, int level, long timestamp) {
        counters.edgesReceived++;
        long t64 = session.extendTicks(timestamp);
        PinChannel c = byNumber[pin];
        losses.edge(c, pin, level);
        if (c == null || !c.hasSubscribers()) {
            counters.edgesUnclaimed++;
            return;
        }
        ClockSync clock = session.clock();
        c.dispatch(Edge.onBoard(c.name(), level == 1 ? Level.HIGH : Level.LOW, t64, session.ticksToNanos(t64),
                clock.hostNanos(t64), arrivalNanos, clock.vouchedErrorNanos(t64, arrivalNanos)));
    }

    /** A LOST record: the board dropped {@code count} events of drop source {@code source}. */
    @Override
    public void lost(int source, long count) {
        counters.boardDrops += count;
        losses.lost(source, count);
    }
}
