package io.wakewire.board;

import io.wakewire.link.LinkClosedException;
import io.wakewire.link.LinkState;
import io.wakewire.link.PortOpenException;
import io.wakewire.link.PortSettings;
import io.wakewire.link.SerialLink;
import io.wakewire.sync.Notify;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.Selected;
import io.wakewire.task.Waker;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import io.wakewire.wire.EventBatch;
import io.wakewire.wire.EventVisitor;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameDecoder;
import io.wakewire.wire.FrameEncoder;
import io.wakewire.wire.FrameError;
import io.wakewire.wire.FrameSink;
import io.wakewire.wire.Raw;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One board's session: the link, the handshake, requests and answers, the event demultiplexer,
 * the clock sync, the heartbeat and reconnects. {@link Board} is its public face.
 *
 * <h2>Who runs what</h2>
 * Everything here runs on the executor thread of the executor the board was connected on, in two
 * tasks per board: the <b>reader</b> ({@link ReaderLoop}, one per connection), which decodes bytes
 * and calls {@link #frame}/{@link #events} (dispatch: answers to the {@link RequestTable}, edges to
 * the {@link PinChannel}s, both by O(1) lookup), and the <b>supervisor</b> (an {@link Async} body,
 * sequential because its work is: open, handshake, restore the pins, then a heartbeat loop, and on a
 * loss fail every waiter and start again with backoff). Only {@link #requestClose} and the
 * {@link Notify} are touched from other threads.
 *
 * <h2>Losses are never silent</h2>
 * A gap in the board's frame sequence, or a frame in it whose payload would not parse, is reported
 * to every armed pin (which edges were lost is unknown, so which pin lost some is too); a LOST
 * record to the pins its drop source serves; a same-level repeat on a pin armed for both edges to
 * that pin, as one merged edge ({@link LossTracker}); a full stream buffer to that stream. Each
 * becomes an {@link EventsLostException} in stream order.
 *
 * <h2>Disconnects</h2>
 * The link ending (EIO, hang-up, the board's process killed), a board silent for a heartbeat
 * period, or a new boot HELLO (a reset) fails every request and every edge waiter with
 * {@link BoardDisconnectedException} (the reset: {@link BoardResetException}). A reset is always
 * recovered from (the link is fine); a lost link only with {@code BoardOptions.reconnect}.
 */
final class BoardSession implements FrameSink, EventVisitor {

    enum State { NEW, CONNECTING, READY, LOST, CLOSED }

    /** 2: CRC-16/X-25 frame check (1 had no final xor; PROTOCOL.md, "Versions"). */
    static final int PROTOCOL_VERSION = 2;
    private static final int CLOCK_SEED_SAMPLES = 4;

    final BoardSpec spec;
    final BoardOptions options;
    final String port;
    private final String label;
    private final PinChannel[] byNumber = new PinChannel[128];
    private final Map<String, PinChannel> byName = new LinkedHashMap<>();
    private final RequestTable requests = new RequestTable();
    /** One decoder per connection, so a frame cut off by a disconnect cannot spoil the next link's first frame. */
    private FrameDecoder decoder = new FrameDecoder(this);
    /** Errors counted by the decoders of earlier connections, by FrameError ordinal. */
    private final long[] pastErrors = new long[FrameError.values().length];
    private final FrameEncoder encoder = new FrameEncoder();
    private final byte[] tx = new byte[Frame.MAX_WIRE];
    private final Notify lostSignal = new Notify("board lost");
    private final Notify helloSignal = new Notify("boot hello");
    final SessionCounters counters = new SessionCounters();
    private final TickExtender ticks = new TickExtender();
    private final ClockSync clock = new ClockSync(4000);
    /** Module i2c: where I2C_POLL readings go (I2cBus sets it; executor thread). */
    I2cSink i2cReadings;
    private final LossTracker losses;

    private volatile State state = State.NEW;
    private volatile boolean closeRequested;
    private volatile SerialLink link;
    private Executor executor;
    private JoinHandle<Void> supervisor;
    private int txSeq;
    private int expectedRxSeq = -1;
    private long tickNs = 4000;
    private long arrivalNanos;
    private long lastRxNanos;
    /** The latest CLOCK reading (64-bit ticks) since the handshake; a smaller one means the board reset. */
    private long lastClockTicks;
    private Answer.HelloInfo hello;
    private Answer.HelloInfo bootHello;
    private BoardException lostCause;
    /** Outcome of the first connect, for ConnectFuture. */
    private BoardException connectFailure;
    private boolean connectedOnce;
    /** The supervisor is re-arming pins: their requests may go out before READY. */
    private boolean restoring;
    private Waker connectWaker;

    BoardSession(BoardSpec spec, String port, BoardOptions options) {
        this.spec = spec;
        this.port = port;
        this.options = options;
        this.label = spec.name() + "@" + port;
        for (PinSpec p : spec.pins()) {
            PinChannel c = new PinChannel(this, p);
            byName.put(p.name(), c);
            if (p.number() >= 0 && p.number() < byNumber.length) {
                byNumber[p.number()] = c;
            }
        }
        losses = new LossTracker(byName.values(), byNumber.length);
    }

    String label() {
        return label;
    }

    State state() {
        return state;
    }

    PinChannel channel(String name) {
        return byName.get(name);
    }

    Iterable<String> pinNames() {
        return byName.keySet();
    }

    RequestTable requests() {
        return requests;
    }

    long arrivalNanos() {
        return arrivalNanos;
    }

    Answer.HelloInfo hello() {
        return hello;
    }

    ClockSync clock() {
        return clock;
    }

    // ---- starting and stopping ---------------------------------------------------------------------

    /** Starts the supervisor on {@code ex} (first poll of the connect future). */
    void start(Executor ex) {
        if (executor != null) {
            return;
        }
        executor = ex;
        state = State.CONNECTING;
        supervisor = ex.spawn("board " + label, Async.run(this::supervise));
    }

    /** Outcome of the first connect: null while pending; throws its failure. */
    boolean pollConnected(Waker w) {
        if (connectFailure != null) {
            throw connectFailure;
        }
        if (connectedOnce) {
            return true;
        }
        connectWaker = w;
        return false;
    }

    /**
     * Finishes {@code f} in a task of its own (a claim's commands whose waiter was cancelled); false
     * when the session cannot run it any more (closed or not started), and the caller cleans up.
     */
    boolean detach(String what, Future<Void> f) {
        if (executor == null || closeRequested || state == State.CLOSED || executor.isClosed()) {
            return false;
        }
        executor.spawn(what + " for " + label + " (waiter cancelled)", f);
        return true;
    }

    /** Any thread: stop the session; waiters fail with BoardDisconnectedException("closed"). */
    void requestClose() {
        closeRequested = true;
        SerialLink l = link;
        if (l != null) {
            l.close();
        }
        lostSignal.notifyOne();
    }

    /** Throws when the session can no longer serve (closed, or never connected). */
    void checkUsable() {
        if (closeRequested || state == State.CLOSED) {
            throw new BoardDisconnectedException(label, "the board was closed", null);
        }
        if (executor == null) {
            throw new IllegalStateException(label + ": not connected yet: await Board.connect(...) first");
        }
    }

    // ---- the supervisor ------------------------------------------------------------------------------

    private void supervise() {
        Duration backoff = options.backoffMin();
        try {
            while (!closeRequested) {
                try {
                    if (link == null || link.state() != LinkState.OPEN) {
                        openLink();
                    }
                    handshake();
                    restorePins();
                    state = State.READY;
                    counters.connects++;
                    backoff = options.backoffMin();
                    if (!connectedOnce) {
                        connectedOnce = true;
                        wakeConnect();
                    }
                    heartbeat();
                } catch (BoardMismatchException e) {
                    lost(e);
                    closeRequested = true;
                } catch (BoardException e) {
                    lost(e);
                }
                BoardException cause = lostCause != null ? lostCause
                        : new BoardDisconnectedException(label, "the session ended", null);
                state = State.LOST;
                failAll(cause);
                if (!connectedOnce) {
                    connectFailure = cause;
                    closeRequested = true;
                    wakeConnect();
                    break;
                }
                boolean linkAlive = link != null && link.state() == LinkState.OPEN;
                boolean resetOnly = cause instanceof BoardResetException && linkAlive;
                if (closeRequested || (!options.reconnect() && !resetOnly)) {
                    break;
                }
                lostCause = null;
                if (!resetOnly) {
                    closeLink();
                    Async.await(Futures.select(lostSignal.notified(), Futures.sleep(backoff)));
                    backoff = backoff.multipliedBy(2).compareTo(options.backoffMax()) > 0 ? options.backoffMax()
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            state = State.CLOSED;
            closeLink();
            failAll(new BoardDisconnectedException(label, closeRequested ? "the board was closed"
                    : "the session ended", null));
        }
    }

    private void wakeConnect() {
        Waker w = connectWaker;
        connectWaker = null;
        if (w != null) {
            w.wake();
        }
    }

    private void openLink() {
        int baud = options.baud() > 0 ? options.baud() : spec.baud();
        PortSettings ps = PortSettings.of(port, baud).withResetOnOpen(options.resetOnOpen());
        SerialLink l;
        try {
            l = options.links().open(ps);
        } catch (PortOpenException e) {
            throw new BoardDisconnectedException(label, "cannot open " + port + ": " + e.getMessage(), e);
        }
        link = l;
        for (FrameError e : FrameError.values()) {
            pastErrors[e.ordinal()] += decoder.errors(e);
        }
        decoder = new FrameDecoder(this);
        lastRxNanos = nowNanos();
        if (closeRequested) {
            l.close();
        }
        executor.spawn("reader " + label, new ReaderLoop(this, l));
    }

    private void closeLink() {
        SerialLink l = link;
        if (l != null) {
            l.close();
        }
    }

    private void handshake() {
        state = State.CONNECTING;
        expectedRxSeq = -1;
        losses.forgetAll();
        long deadline = nowNanos() + options.connectTimeout().toNanos();
        Answer.HelloInfo h = null;
        BoardException last = null;
        while (h == null) {
            if (bootHello != null) {
                h = bootHello;
                break;
            }
            if (lostCause != null) {
                throw lostCause;
            }
            long left = deadline - nowNanos();
            if (left <= 0) {
                throw new BoardDisconnectedException(label, "no HELLO from the board on " + port + " within "
                        + options.connectTimeout().toMillis() + " ms (is the wakewire firmware flashed, at "
                        + (options.baud() > 0 ? options.baud() : spec.baud()) + " baud?"
                        + (last != null ? " last error: " + last.getMessage() : "") + ")", last);
            }
            Duration wait = Duration.ofNanos(Math.min(left, options.helloRetry().toNanos()));
            Request<Answer.HelloInfo> r = new Request<>(this, "HELLO", Command.Hello::new,
                    (a, t0, t1) -> (Answer.HelloInfo) a, wait, true);
            try {
                Selected<Object> s = Async.await(Futures.select(r, helloSignal.notified(), lostSignal.notified()));
                if (s.index() == 0) {
                    h = (Answer.HelloInfo) s.value();
                }
            } catch (BoardTimeoutException e) {
                last = e;
            }
        }
        bootHello = null;
        if (h.protoVersion() != PROTOCOL_VERSION) {
            throw new BoardMismatchException(label, "the board speaks wire protocol version " + h.protoVersion()
                    + ", this host speaks " + PROTOCOL_VERSION + " (firmware " + h.fwMajor() + "." + h.fwMinor()
                    + "); reflash it with this host's firmware: wakewire flash --board " + spec.name() + " --port "
                    + port + " (or make flash BOARD=" + spec.name() + " PORT=" + port + ")");
        }
        if (h.signature() != spec.signature()) {
            throw new BoardMismatchException(label, String.format("the board's MCU signature is %06x but board config"
                            + " '%s' says %06x: wrong board config for this board (or wrong port)", h.signature(),
                    spec.name(), spec.signature()));
        }
        hello = h;
        tickNs = h.tickNs();
        ticks.reset();
        clock.reset(tickNs);
        clock.setWireTimes(wireNanos(new Command.Clock(0, 0)), wireNanos(new Answer.ClockReading(0, 0, 0xFFFF_FFFFL)));
        lastClockTicks = Long.MIN_VALUE;
        for (int i = 0; i < CLOCK_SEED_SAMPLES; i++) {
            sampleClock(true, options.requestTimeout());
        }
    }

    private void restorePins() {
        restoring = true;
        try {
            for (PinChannel c : byName.values()) {
                c.boardForgot();
                Async.await(c.restore());
            }
        } finally {
            restoring = false;
        }
    }

    /**
     * One CLOCK exchange feeding the sync, waiting at most {@code timeout}; false on a timeout or
     * a loss. While the heartbeat runs it also watches for silence ({@link SilenceWatch}): a board
     * silent for a whole period is declared lost at that moment, not when the probe times out.
     */
    private boolean sampleClock(boolean handshaking, Duration timeout) {
        Request<long[]> r = new Request<>(this, "CLOCK", Command.Clock::new,
                (a, t0, t1) -> new long[] {t0, ((Answer.ClockReading) a).ts(), t1}, timeout, handshaking);
        try {
            Selected<Object> s = Async.await(Futures.select(lostSignal.notified(), r,
                    handshaking ? Futures.never() : silenceWatch()));
            if (s.index() == 2) {
                silent((Long) s.value());
                return false;
            }
            if (s.index() == 0) {
                return false;
            }
            long[] v = (long[]) s.value();
            long t = ticks.extend(v[1]);
            if (!handshaking && t < lastClockTicks) {
                // CLOCK answers come in order and the counter only moves forward: the board restarted,
                // and its boot HELLO was lost (cut off by a frame the reset interrupted, say)
                counters.resets++;
                lost(new BoardResetException(label, "its clock went back from tick " + lastClockTicks + " to " + t
                        + "; the boot HELLO was lost"));
                return false;
            }
            lastClockTicks = t;
            clock.addSample(v[0], t, v[2]);
            return true;
        } catch (BoardTimeoutException e) {
            return false;
        }
    }

    /**
     * The liveness rule: a CLOCK probe goes out every {@link HeartbeatRule#probeInterval quarter
     * period} (each waits at most until the next is due), and the board is declared lost the
     * moment nothing at all (answer, events, anything) has arrived for one whole heartbeat period.
     * So a lost answer is covered by the next probe's (up to two lost in a row never end a session
     * while the round trip stays under a quarter period), and a board that freezes is declared lost
     * at most one period after its last frame, whatever the phase of the probes.
     */
    private void heartbeat() {
        HeartbeatRule rule = new HeartbeatRule(options.heartbeat());
        while (lostCause == null && !closeRequested) {
            long probeAt = nowNanos();
            sampleClock(false, rule.probeInterval());
            if (lostCause != null || closeRequested) {
                break;
            }
            Selected<Object> s = Async.await(Futures.select(lostSignal.notified(),
                    Futures.sleepUntil(probeAt + rule.probeInterval().toNanos()), silenceWatch()));
            if (s.index() == 2) {
                silent((Long) s.value());
            }
        }
        if (lostCause == null) {
            lostCause = new BoardDisconnectedException(label, "the board was closed", null);
        }
    }

    private SilenceWatch silenceWatch() {
        return new SilenceWatch(() -> lastRxNanos, options.heartbeat().toNanos());
    }

    private void silent(long silentNanos) {
        lost(new BoardDisconnectedException(label, "no frame from the board for " + silentNanos / 1_000_000
                + " ms (heartbeat " + options.heartbeat().toMillis() + " ms)", null));
    }

    /** How long {@code f} takes on the wire: its encoded bytes, 10 bits each (8N1) at the link's baud. */
    private long wireNanos(Frame f) {
        int baud = options.baud() > 0 ? options.baud() : spec.baud();
        return encoder.encode(f).length * 10L * 1_000_000_000L / baud;
    }

    /** All session time comes from the executor's clock (System.nanoTime unless a test gives another). */
    long nowNanos() {
        return executor.nanoTime();
    }

    /** Records the first cause of a loss and wakes the supervisor. */
    private void lost(BoardException cause) {
        if (lostCause == null) {
            lostCause = cause;
        }
        lostSignal.notifyOne();
    }

    private void failAll(BoardException e) {
        requests.failAll(e);
        if (i2cReadings != null) {
            i2cReadings.failed(e); // module i2c: the board's poll is gone with it
        }
        for (PinChannel c : byName.values()) {
            c.fail(e);
        }
    }

    // ---- sending ---------------------------------------------------------------------------------------

    int nextTxSeq() {
        int s = txSeq;
        txSeq = (txSeq + 1) & 0xFF;
        return s;
    }

    /** Registers a request about to be sent; -1 (and the request failed) when it cannot be. */
    int register(Request<?> r, boolean handshaking) {
        State s = state;
        if (closeRequested || !(s == State.READY || ((handshaking || restoring) && s == State.CONNECTING))) {
            r.failed(new BoardDisconnectedException(label, closeRequested ? "the board was closed"
                    : "not connected (" + s.name().toLowerCase() + ")", null));
            return -1;
        }
        int id = requests.register(r);
        if (id < 0) {
            r.failed(new BoardException(label, r.what() + ": " + RequestTable.MAX_IN_FLIGHT
                    + " commands are already waiting for answers (is the board answering?)"));
        }
        return id;
    }

    void send(Command c, Request<?> r) {
        SerialLink l = link;
        try {
            int n = encoder.encode(c, tx, 0);
            if (l == null) {
                throw new LinkClosedException(port, LinkState.CLOSED, "not open", null);
            }
            l.write(tx, 0, n);
            counters.framesSent++;
        } catch (LinkClosedException e) {
            requests.remove(c.reqId(), r);
            BoardDisconnectedException d = new BoardDisconnectedException(label, "cannot send " + r.what() + ": "
                    + e.getMessage(), e);
            r.failed(d);
            lost(d);
        }
    }

    /** A request future for a command answered by ACK. */
    Future<Void> request(String what, Request.CommandMaker maker) {
        return new Request<>(this, what, maker, (a, t0, t1) -> null, options.requestTimeout(), false);
    }

    <T> Future<T> request(String what, Request.CommandMaker maker, Request.ResultMaker<T> result) {
        return new Request<>(this, what, maker, result, options.requestTimeout(), false);
    }

    void countTimeout() {
        counters.timeouts++;
    }

    void countNak() {
        counters.naks++;
    }

    void countHostDrop() {
        counters.hostDrops++;
    }

    // ---- receiving (the reader's callbacks, executor thread) --------------------------------------------

    void received(byte[] data, int n) {
        arrivalNanos = nowNanos();
        decoder.push(data, 0, n);
    }

    void linkEnded(SerialLink l, LinkClosedException e) {
        if (l != link) {
            return; // an old connection's reader finishing late
        }
        lost(new BoardDisconnectedException(label, e.getMessage(), e));
    }

    private void checkSeq(int seq) {
        counters.framesReceived++;
        lastRxNanos = arrivalNanos;
        if (expectedRxSeq >= 0 && seq != expectedRxSeq) {
            int missing = (seq - expectedRxSeq) & 0xFF;
            counters.seqGapFrames += missing;
            losses.framesMissing(missing, "board frame seq " + seq + ", expected " + expectedRxSeq);
        }
        expectedRxSeq = (seq + 1) & 0xFF;
    }

    @Override
    public void frame(Frame f) {
        if (f instanceof Answer.HelloInfo h && h.reqId() == 0) {
            counters.framesReceived++;
            lastRxNanos = arrivalNanos;
            expectedRxSeq = (h.seq() + 1) & 0xFF;
            if (state == State.READY) {
                counters.resets++;
                lost(new BoardResetException(label, h.resetCause()));
            }
            bootHello = h;
            helloSignal.notifyOne();
            return;
        }
        checkSeq(f.seq());
        if (f instanceof Answer.Reply r) {
            if (!requests.complete(r)) {
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
        } else if (f instanceof Answer.I2cReading r && i2cReadings != null) {
            i2cReadings.reading(r); // module i2c: an I2C_POLL reading (I2cPoll)
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
        long t64 = ticks.extend(timestamp);
        PinChannel c = byNumber[pin];
        losses.edge(c, pin, level);
        if (c == null || !c.hasSubscribers()) {
            counters.edgesUnclaimed++;
            return;
        }
        c.dispatch(new Edge(c.name(), level == 1 ? Level.HIGH : Level.LOW, t64, t64 * tickNs, clock.hostNanos(t64),
                arrivalNanos, clock.vouchedErrorNanos(t64, arrivalNanos)));
    }

    @Override
    public void lost(int source, long count) {
        counters.boardDrops += count;
        losses.lost(source, count);
    }

    // ---- stats -----------------------------------------------------------------------------------------------

    BoardStats stats() {
        SessionCounters k = counters;
        long bad = errors(FrameError.COBS) + errors(FrameError.TOO_LONG) + errors(FrameError.SHORT);
        return new BoardStats(k.framesReceived, k.framesSent, k.edgesReceived, k.edgesUnclaimed, k.boardDrops,
                k.seqGapFrames, k.hostDrops, bad, errors(FrameError.CRC), k.unknownFrames, k.unclaimedAnswers,
                k.naks, k.timeouts, k.connects, k.resets, clock.samples(), clock.bestRttNanos(), clock.driftPpm());
    }

    private long errors(FrameError e) {
        return pastErrors[e.ordinal()] + decoder.errors(e);
    }

    long ticksToNanos(long t) {
        return t * tickNs;
    }

    long extendTicks(long raw) {
        return ticks.extend(raw);
    }
}
