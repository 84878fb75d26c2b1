package io.wakewire.board;

import io.wakewire.link.LinkClosedException;
import io.wakewire.link.LinkState;
import io.wakewire.link.SerialLink;
import io.wakewire.sync.Notify;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Waker;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameEncoder;
import io.wakewire.wire.FrameError;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One board's session: what its three parts share (the link, the state, the pins, the clock and
 * the counters) and the send path. {@link Board} is its public face; the work is done by
 * <ul>
 *   <li>the {@link BoardSupervisor}: connect, handshake, restore the pins, heartbeat, reconnect;</li>
 *   <li>the {@link RequestTable}: request ids, at most {@link RequestTable#MAX_IN_FLIGHT} commands
 *       in flight (more wait on the host), answers to their {@link Request}s (which time out);</li>
 *   <li>the {@link Demultiplexer}: the board's frame sequence, losses, edges to their pins.</li>
 * </ul>
 *
 * <h2>Who runs what</h2>
 * Everything here runs on the executor thread of the executor the board was connected on, in two
 * tasks per board: the <b>reader</b> ({@link ReaderLoop}, one per connection), which feeds the
 * demultiplexer, and the <b>supervisor</b>. Only {@link #requestClose} and the {@link Notify} are
 * touched from other threads.
 *
 * <h2>Losses are never silent</h2>
 * A gap in the board's frame sequence, or a frame in it whose payload would not parse, is reported
 * to every armed pin (which edges were lost is unknown, so which pin lost some is too); a LOST
 * record to the pins its drop source serves; a same-level repeat on a pin armed for both edges to
 * that pin, as one merged edge ({@link LossTracker}); a full stream buffer to that stream. Each
 * becomes an {@link io.wakewire.pin.EdgesLostException} in stream order.
 *
 * <h2>Disconnects</h2>
 * The link ending (EIO, hang-up, the board's process killed), a board silent for a heartbeat
 * period, or a new boot HELLO (a reset) fails every request and every edge waiter with
 * {@link BoardDisconnectedException} (the reset: {@link BoardResetException}). A reset is always
 * recovered from (the link is fine); a lost link only with {@code BoardOptions.reconnect}.
 */
final class BoardSession {

    private static final System.Logger LOG = System.getLogger(BoardSession.class.getName());

    enum State { NEW, CONNECTING, READY, LOST, CLOSED }

    /** 2: CRC-16/X-25 frame check (1 had no final xor; PROTOCOL.md, "Versions"). */
    static final int PROTOCOL_VERSION = BoardSupervisor.PROTOCOL_VERSION;

    final BoardSpec spec;
    final BoardOptions options;
    final String port;
    private final String label;
    private final PinChannel[] byNumber = new PinChannel[128];
    private final Map<String, PinChannel> byName = new LinkedHashMap<>();
    /** The servos made on this board, by pin name (guarded by itself): one object per pin, restored after a reset. */
    final Map<String, Servo> servos = new LinkedHashMap<>();
    final SampleRouter samples = new SampleRouter(this);
    private final RequestTable requests = new RequestTable();
    private final FrameEncoder encoder = new FrameEncoder();
    private final byte[] tx = new byte[Frame.MAX_WIRE];
    private final Notify lostSignal = new Notify("board lost");
    final SessionCounters counters = new SessionCounters();
    final Messages messages = new Messages(); // MSG frames to and from the app tasks (Messages.java)
    private final TickExtender ticks = new TickExtender();
    private final ClockSync clock = new ClockSync(4000);
    /** Module i2c: where I2C_POLL readings go (I2cBus sets it; executor thread). */
    I2cSink i2cReadings;
    private final Demultiplexer demux;
    private final BoardSupervisor supervisor;

    private volatile State state = State.NEW;
    private volatile boolean closeRequested;
    private volatile SerialLink link;
    private Executor executor;
    private int txSeq;
    private long tickNs = 4000;
    private Answer.HelloInfo hello;
    /** Why the current connection ended (the first cause reported); null while it is up. */
    private BoardException lostCause;
    /** The supervisor is re-arming pins: their requests may go out before READY. */
    private boolean restoring;

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
        demux = new Demultiplexer(this, byNumber, byName.values());
        supervisor = new BoardSupervisor(this);
    }

    String label() {
        return label;
    }

    State state() {
        return state;
    }

    void setState(State s) {
        state = s;
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

    Demultiplexer demux() {
        return demux;
    }

    BoardSupervisor supervisor() {
        return supervisor;
    }

    long arrivalNanos() {
        return demux.arrivalNanos();
    }

    Answer.HelloInfo hello() {
        return hello;
    }

    ClockSync clock() {
        return clock;
    }

    SerialLink link() {
        return link;
    }

    Notify lostSignal() {
        return lostSignal;
    }

    boolean closeRequested() {
        return closeRequested;
    }

    // ---- starting and stopping ---------------------------------------------------------------------

    /** Starts the supervisor on {@code ex} (first poll of the connect future). */
    void start(Executor ex) {
        if (executor != null) {
            return;
        }
        executor = ex;
        state = State.CONNECTING;
        ex.spawn("board " + label, Async.run(supervisor::supervise));
    }

    /** Outcome of the first connect: null while pending; throws its failure. */
    boolean pollConnected(Waker w) {
        return supervisor.pollConnected(w);
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

    /** The supervisor gives up for good (a mismatch, or the first connect failed). */
    void markClosing() {
        closeRequested = true;
    }

    /** Throws when the session can no longer serve (closed, or never connected). */
    void checkUsable() {
        if (closeRequested || state == State.CLOSED) {
            throw new BoardDisconnectedException(label, BoardException.Reason.CLOSED, "the board was closed", null);
        }
        if (executor == null) {
            throw new IllegalStateException(label + ": not connected yet: await Board.connect(...) first");
        }
    }

    // ---- the connection (the supervisor's) -----------------------------------------------------------

    /** A link was opened: it becomes the current one, with a reader task of its own. */
    void linkOpened(SerialLink l) {
        link = l;
        demux.newConnection(nowNanos());
        if (closeRequested) {
            l.close();
        }
        executor.spawn("reader " + label, new ReaderLoop(this, l));
    }

    void closeLink() {
        SerialLink l = link;
        if (l != null) {
            l.close();
        }
    }

    /** The handshake passed: the board's HELLO sets the timebase. */
    void handshaken(Answer.HelloInfo h) {
        hello = h;
        tickNs = h.tickNs();
        ticks.reset();
        clock.reset(tickNs);
    }

    /**
     * After a handshake, puts the board back in the state the host gave it: each pin's mode, level
     * or duty and arming, then each attached servo's pulse. A step the board refuses (its NAK) is
     * forgotten and reported, not replayed forever: the rest is restored and the board is READY.
     */
    void restorePins() {
        restoring = true;
        try {
            for (PinChannel c : byName.values()) {
                c.boardForgot();
                restoreOrReport(c.restore(), "pin " + c.name(), c::forgetOutput);
            }
            List<Servo> made;
            synchronized (servos) {
                made = List.copyOf(servos.values());
            }
            for (Servo s : made) {
                restoreOrReport(s.restore(), "servo " + s.pin(), s::forgetPulse);
            }
        } finally {
            restoring = false;
        }
    }

    private void restoreOrReport(Future<Void> step, String what, Runnable forget) {
        try {
            Async.await(step);
        } catch (BoardNakException e) {
            forget.run();
            counters.restoresRefused++;
            LOG.log(System.Logger.Level.WARNING, "{0}: the board refused to restore {1} after it (re)connected ({2});"
                    + " it stays as the firmware starts it", label, what, e.getMessage());
        }
    }

    /** A pin command on {@code pin} (write, PWM, mode): the firmware detaches a servo there first, and so does the host. */
    void pinCommanded(String pin) {
        if (restoring) {
            return; // the restore replays the pin, then the servos
        }
        Servo s;
        synchronized (servos) {
            s = servos.get(pin);
        }
        if (s != null) {
            s.forgetPulse();
        }
    }

    /** All session time comes from the executor's clock (System.nanoTime unless a test gives another). */
    long nowNanos() {
        return executor.nanoTime();
    }

    /** The current connection is lost: records the first cause and wakes the supervisor. */
    void connectionLost(BoardException cause) {
        if (lostCause == null) {
            lostCause = cause;
        }
        lostSignal.notifyOne();
    }

    boolean isLost() {
        return lostCause != null;
    }

    void throwIfLost() {
        if (lostCause != null) {
            throw lostCause;
        }
    }

    /** The cause of the loss, cleared for the next connection. */
    BoardException takeLostCause() {
        BoardException c = lostCause;
        lostCause = null;
        return c;
    }

    void failAll(BoardException e) {
        requests.failAll(e);
        samples.fail(e);
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

    /**
     * Registers a request about to be sent: its id, {@link RequestTable#QUEUED} when the in-flight
     * limit makes it wait for a slot, or -1 (and the request failed) when it cannot be sent at all.
     */
    int register(Request<?> r, boolean handshaking) {
        State s = state;
        if (closeRequested || !(s == State.READY || ((handshaking || restoring) && s == State.CONNECTING))) {
            r.failed(closeRequested ? new BoardDisconnectedException(label, BoardException.Reason.CLOSED,
                    "the board was closed", null) : new BoardDisconnectedException(label, BoardException.Reason.NOT_CONNECTED,
                    "not connected (" + s.name().toLowerCase() + ")", null));
            return -1;
        }
        return requests.register(r);
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
            BoardDisconnectedException d = new BoardDisconnectedException(label, BoardException.Reason.LINK_LOST, "cannot send " + r.what() + ": "
                    + e.getMessage(), e);
            r.failed(d);
            connectionLost(d);
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
        demux.received(data, n);
    }

    void linkEnded(SerialLink l, LinkClosedException e) {
        if (l != link) {
            return; // an old connection's reader finishing late
        }
        connectionLost(new BoardDisconnectedException(label, BoardException.Reason.LINK_LOST, e.getMessage(), e));
    }

    // ---- stats -----------------------------------------------------------------------------------------------

    BoardStats stats() {
        SessionCounters k = counters;
        long bad = demux.errors(FrameError.COBS) + demux.errors(FrameError.TOO_LONG) + demux.errors(FrameError.SHORT);
        return new BoardStats(k.framesReceived, k.framesSent, k.edgesReceived, k.edgesUnclaimed, k.boardDrops,
                k.seqGapFrames, k.hostDrops, bad, demux.errors(FrameError.CRC), k.unknownFrames, k.unclaimedAnswers,
                k.naks, k.timeouts, k.connects, k.resets, k.restoresRefused, clock.samples(), clock.bestRttNanos(), clock.driftPpm());
    }

    long ticksToNanos(long t) {
        return t * tickNs;
    }

    long extendTicks(long raw) {
        return ticks.extend(raw);
    }
}
