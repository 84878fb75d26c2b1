package io.wakewire.board;

import io.wakewire.link.LinkState;
import io.wakewire.link.PortOpenException;
import io.wakewire.link.PortSettings;
import io.wakewire.link.SerialLink;
import io.wakewire.sync.Notify;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.task.Selected;
import io.wakewire.task.TimedOutException;
import io.wakewire.task.Waker;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import io.wakewire.wire.Frame;
import io.wakewire.wire.FrameEncoder;

import java.time.Duration;

/**
 * The life of a session, as one sequential task: open the link, handshake (HELLO, checks, clock
 * seed), re-arm the pins, then the heartbeat loop; on a loss fail every waiter and, when allowed,
 * start again with backoff. It is the only place that changes the session's state.
 *
 * <p>A reset (a boot HELLO while READY, or the board's clock going back) is always recovered from,
 * the link being fine; a lost link only with {@code BoardOptions.reconnect}; a mismatch never.
 * Executor thread only; the demultiplexer tells it of boot HELLOs through {@link #bootHello}.
 */
final class BoardSupervisor {

    /** 2: CRC-16/X-25 frame check (1 had no final xor; PROTOCOL.md, "Versions"). */
    static final int PROTOCOL_VERSION = 2;
    private static final int CLOCK_SEED_SAMPLES = 4;

    private final BoardSession session;
    private final BoardSpec spec;
    private final BoardOptions options;
    private final String label;
    private final Notify helloSignal = new Notify("boot hello");
    private final FrameEncoder encoder = new FrameEncoder();
    /** The latest CLOCK reading (64-bit ticks) since the handshake; a smaller one means the board reset. */
    private long lastClockTicks;
    private Answer.HelloInfo bootHello;
    /** Outcome of the first connect, for ConnectFuture. */
    private BoardException connectFailure;
    private boolean connectedOnce;
    private Waker connectWaker;

    BoardSupervisor(BoardSession session) {
        this.session = session;
        this.spec = session.spec;
        this.options = session.options;
        this.label = session.label();
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

    /** A HELLO with request id 0: the board (re)booted; while READY that is a reset. */
    void bootHello(Answer.HelloInfo h) {
        if (session.state() == BoardSession.State.READY) {
            session.counters.resets++;
            session.connectionLost(new BoardResetException(label, h.resetCause()));
        }
        bootHello = h;
        helloSignal.notifyOne();
    }

    /** The supervisor task's body. */
    void supervise() {
        Duration backoff = options.backoffMin();
        try {
            while (!session.closeRequested()) {
                try {
                    SerialLink link = session.link();
                    if (link == null || link.state() != LinkState.OPEN) {
                        openLink();
                    }
                    handshake();
                    session.restorePins();
                    session.setState(BoardSession.State.READY);
                    session.counters.connects++;
                    backoff = options.backoffMin();
                    if (!connectedOnce) {
                        connectedOnce = true;
                        wakeConnect();
                    }
                    heartbeat();
                } catch (BoardMismatchException e) {
                    session.connectionLost(e);
                    session.markClosing();
                } catch (BoardException e) {
                    session.connectionLost(e);
                }
                BoardException cause = session.takeLostCause();
                if (cause == null) {
                    cause = new BoardDisconnectedException(label, BoardException.Reason.ENDED, "the session ended", null);
                }
                session.setState(BoardSession.State.LOST);
                session.failAll(cause);
                if (!connectedOnce) {
                    connectFailure = cause;
                    session.markClosing();
                    wakeConnect();
                    break;
                }
                SerialLink link = session.link();
                boolean linkAlive = link != null && link.state() == LinkState.OPEN;
                boolean resetOnly = cause instanceof BoardResetException && linkAlive;
                if (session.closeRequested() || (!options.reconnect() && !resetOnly)) {
                    break;
                }
                if (!resetOnly) {
                    session.closeLink();
                    Async.await(Futures.select(session.lostSignal().notified(), Futures.sleep(backoff)));
                    backoff = backoff.multipliedBy(2).compareTo(options.backoffMax()) > 0 ? options.backoffMax()
                            : backoff.multipliedBy(2);
                }
            }
        } finally {
            session.setState(BoardSession.State.CLOSED);
            session.closeLink();
            boolean closed = session.closeRequested();
            BoardDisconnectedException end = new BoardDisconnectedException(label, closed ? BoardException.Reason.CLOSED
                    : BoardException.Reason.ENDED, closed ? "the board was closed" : "the session ended", null);
            session.failAll(end);
            session.messages.end(end);
        }
    }

    private void wakeConnect() {
        Waker w = connectWaker;
        connectWaker = null;
        if (w != null) {
            w.wake();
        }
    }

    private int baud() {
        return options.baud() > 0 ? options.baud() : spec.baud();
    }

    private void openLink() {
        PortSettings ps = PortSettings.of(session.port, baud()).withResetOnOpen(options.resetOnOpen());
        SerialLink l;
        try {
            l = options.links().open(ps);
        } catch (PortOpenException e) {
            throw new BoardDisconnectedException(label, BoardException.Reason.PORT_UNAVAILABLE, "cannot open " + session.port + ": " + e.getMessage(), e);
        }
        session.linkOpened(l);
    }

    private void handshake() {
        session.setState(BoardSession.State.CONNECTING);
        session.demux().newHandshake();
        long deadline = session.nowNanos() + options.connectTimeout().toNanos();
        Answer.HelloInfo h = null;
        TimedOutException last = null;
        while (h == null) {
            if (bootHello != null) {
                h = bootHello;
                break;
            }
            session.throwIfLost();
            long left = deadline - session.nowNanos();
            if (left <= 0) {
                throw new BoardDisconnectedException(label, BoardException.Reason.NO_HELLO, "no HELLO from the board on " + session.port + " within "
                        + options.connectTimeout().toMillis() + " ms (is the wakewire firmware flashed, at "
                        + baud() + " baud?" + (last != null ? " last error: " + last.getMessage() : "") + ")", last);
            }
            Duration wait = Duration.ofNanos(Math.min(left, options.helloRetry().toNanos()));
            Request<Answer.HelloInfo> r = new Request<>(session, "HELLO", Command.Hello::new,
                    (a, t0, t1) -> (Answer.HelloInfo) a, wait, true);
            try {
                Selected<Object> s = Async.await(Futures.select(r, helloSignal.notified(),
                        session.lostSignal().notified()));
                if (s.index() == 0) {
                    h = (Answer.HelloInfo) s.value();
                }
            } catch (TimedOutException e) {
                last = e;
            }
        }
        bootHello = null;
        if (h.protoVersion() != PROTOCOL_VERSION) {
            throw new BoardMismatchException(label, "the board speaks wire protocol version " + h.protoVersion()
                    + ", this host speaks " + PROTOCOL_VERSION + " (firmware " + h.fwMajor() + "." + h.fwMinor()
                    + "); reflash it with this host's firmware: wakewire flash --board " + spec.name() + " --port "
                    + session.port + " (or make flash BOARD=" + spec.name() + " PORT=" + session.port + ")");
        }
        if (h.signature() != spec.signature()) {
            throw new BoardMismatchException(label, String.format("the board's MCU signature is %06x but board config"
                            + " '%s' says %06x: wrong board config for this board (or wrong port)", h.signature(),
                    spec.name(), spec.signature()));
        }
        session.handshaken(h);
        ClockSync clock = session.clock();
        clock.setWireTimes(wireNanos(new Command.Clock(0, 0)), wireNanos(new Answer.ClockReading(0, 0, 0xFFFF_FFFFL)));
        lastClockTicks = Long.MIN_VALUE;
        for (int i = 0; i < CLOCK_SEED_SAMPLES; i++) {
            sampleClock(true, options.requestTimeout());
        }
    }

    /**
     * One CLOCK exchange feeding the sync, waiting at most {@code timeout}; false on a timeout or
     * a loss. While the heartbeat runs it also watches for silence ({@link SilenceWatch}): a board
     * silent for a whole period is declared lost at that moment, not when the probe times out.
     */
    private boolean sampleClock(boolean handshaking, Duration timeout) {
        Request<long[]> r = new Request<>(session, "CLOCK", Command.Clock::new,
                (a, t0, t1) -> new long[] {t0, ((Answer.ClockReading) a).ts(), t1}, timeout, handshaking);
        try {
            Selected<Object> s = Async.await(Futures.select(session.lostSignal().notified(), r,
                    handshaking ? Futures.never() : silenceWatch()));
            if (s.index() == 2) {
                silent((Long) s.value());
                return false;
            }
            if (s.index() == 0) {
                return false;
            }
            long[] v = (long[]) s.value();
            long t = session.extendTicks(v[1]);
            if (!handshaking && t < lastClockTicks) {
                // CLOCK answers come in order and the counter only moves forward: the board restarted,
                // and its boot HELLO was lost (cut off by a frame the reset interrupted, say)
                session.counters.resets++;
                session.connectionLost(new BoardResetException(label, "its clock went back from tick "
                        + lastClockTicks + " to " + t + "; the boot HELLO was lost"));
                return false;
            }
            lastClockTicks = t;
            session.clock().addSample(v[0], t, v[2]);
            return true;
        } catch (TimedOutException e) {
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
        while (!session.isLost() && !session.closeRequested()) {
            long probeAt = session.nowNanos();
            sampleClock(false, rule.probeInterval());
            if (session.isLost() || session.closeRequested()) {
                break;
            }
            Selected<Object> s = Async.await(Futures.select(session.lostSignal().notified(),
                    Futures.sleepUntil(probeAt + rule.probeInterval().toNanos()), silenceWatch()));
            if (s.index() == 2) {
                silent((Long) s.value());
            }
        }
        if (!session.isLost()) {
            session.connectionLost(new BoardDisconnectedException(label, BoardException.Reason.CLOSED,
                    "the board was closed", null));
        }
    }

    private SilenceWatch silenceWatch() {
        Demultiplexer demux = session.demux();
        return new SilenceWatch(demux::lastRxNanos, options.heartbeat().toNanos());
    }

    private void silent(long silentNanos) {
        session.connectionLost(new BoardDisconnectedException(label, BoardException.Reason.SILENT, "no frame from the board for "
                + silentNanos / 1_000_000 + " ms (heartbeat " + options.heartbeat().toMillis() + " ms)", null));
    }

    /** How long {@code f} takes on the wire: its encoded bytes, 10 bits each (8N1) at the link's baud. */
    private long wireNanos(Frame f) {
        return encoder.encode(f).length * 10L * 1_000_000_000L / baud();
    }
}
