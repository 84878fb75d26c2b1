package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgesLostException;

import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.wire.Command;

import java.util.ArrayList;

/**
 * The session's state of one pin: who waits for its edges, what the board has been asked to arm,
 * and the last output written (re-applied after a reconnect).
 *
 * <p>Arming is monotonic: the board is armed for the union of every filter ever asked for on the
 * pin and stays armed until the session ends. Edges that no waiter wants are counted and dropped
 * on the host. The trade-off: no ARM traffic per {@code nextEdge} in a loop (and no window in
 * which the pin is disarmed between two waits), at the price of a pin that keeps sending edges
 * nobody reads. A waiter cancelled while its ARM is in flight leaves the ARM to finish on its own
 * (see Rollback), because another waiter may rely on it. Executor thread only.
 */
final class PinChannel {

    final BoardSession session;
    final PinSpec spec;
    private final ArrayList<EdgeSubscription> subs = new ArrayList<>(2);
    /** ARM bits requested from the board (sent; acknowledged or in flight). */
    private int armedBits;
    /** Times the arming went from one edge to both (LossTracker waits out the old records). */
    int widenedToBoth;
    /** Last PIN_MODE sent: -1 none, else Command.PinMode's value. */
    private int mode = -1;
    /** Last DIGITAL_WRITE level (-1 none) and PWM duty (-1 none), for re-applying after a reconnect. */
    private int lastLevel = -1;
    private int lastDuty = -1;
    /** Input with the pull-up (Pin.pullUp), and the debounce window in ticks (Pin.debounce), for every ARM. */
    private boolean pullUp;
    private int debounceTicks;

    PinChannel(BoardSession session, PinSpec spec) {
        this.session = session;
        this.spec = spec;
    }

    String name() {
        return spec.name();
    }

    void add(EdgeSubscription s) {
        subs.add(s);
    }

    void remove(EdgeSubscription s) {
        subs.remove(s);
    }

    boolean hasSubscribers() {
        return !subs.isEmpty();
    }

    void dispatch(Edge e) {
        for (int i = 0; i < subs.size(); i++) {
            subs.get(i).offerEdge(e);
        }
    }

    /** A loss of {@code count} edges ({@link EdgesLostException#UNKNOWN} when unknown) in {@code frames} frames. */
    void loss(EdgesLostException.Reason cause, long count, long frames, String detail) {
        for (int i = 0; i < subs.size(); i++) {
            subs.get(i).offerLoss(cause, count, frames, detail);
        }
    }

    void fail(BoardException e) {
        for (int i = 0; i < subs.size(); i++) {
            subs.get(i).offerFailure(e);
        }
    }

    boolean isArmed() {
        return armedBits != 0;
    }

    /** Armed for both edges: its records then alternate in level unless edges went missing. */
    boolean armedForBoth() {
        return armedBits == EdgeFilter.BOTH.mask();
    }

    /**
     * A future that completes once the board is armed for {@code filter} on this pin: ready at once
     * when it already is, else PIN_MODE input (first time) and ARM with the union of filters.
     */
    Future<Void> ensureArmed(EdgeFilter filter) {
        int want = armedBits | filter.mask();
        if (want == armedBits) {
            return Futures.ready(null);
        }
        int before = armedBits;
        armedBits = want;
        if (before != 0 && want == EdgeFilter.BOTH.mask()) {
            widenedToBoth++; // records of the one-edge arming may still be on their way
        }
        return new Rollback(session, "ARM " + name(), arm(), () -> armedBits = before);
    }

    /**
     * The commands that put the board back in this pin's state after a reset or reconnect (the
     * board has forgotten it: {@link #boardForgot()} came first): the arming, else the duty or the
     * level last written, else the pull-up.
     */
    Future<Void> restore() {
        if (armedBits != 0) {
            return arm();
        }
        if (lastDuty >= 0) {
            return pwm(lastDuty);
        }
        if (lastLevel >= 0) {
            return write(lastLevel);
        }
        return pullUp ? setMode(inputMode()) : Futures.ready(null);
    }

    /**
     * PIN_MODE input if needed, then ARM. The ARM carries the union of filters as it is when the
     * frame is sent, not when this future was made: two waiters arming at once may send their ARMs
     * in either order, and the last one the board sees must still be the union.
     */
    private Future<Void> arm() {
        Future<Void> modeSet = setMode(inputMode());
        return modeSet.andThen(v -> session.request("ARM " + name() + " " + EdgeFilter.ofMask(armedBits),
                (seq, req) -> new Command.Arm(seq, req, spec.number(), armedBits, debounceTicks)));
    }

    private int inputMode() {
        return pullUp ? Command.PinMode.INPUT_PULLUP : Command.PinMode.INPUT;
    }

    /** The pull-up on or off: PIN_MODE now (the pin becomes an input) and at every later arming. */
    Future<Void> setPullUp(boolean on) {
        pullUp = on;
        return setMode(inputMode());
    }

    /** The debounce window for every ARM; re-arms now when the pin is armed. */
    Future<Void> setDebounce(int ticks) {
        debounceTicks = ticks;
        return armedBits == 0 ? Futures.ready(null) : session.request("ARM " + name() + " debounce " + ticks,
                (seq, req) -> new Command.Arm(seq, req, spec.number(), armedBits, debounceTicks));
    }

    Future<Void> write(int level) {
        return output(level, -1, "DIGITAL_WRITE " + name() + " " + level,
                (seq, req) -> new Command.DigitalWrite(seq, req, spec.number(), level));
    }

    Future<Void> pwm(int duty) {
        return output(-1, duty, "PWM_WRITE " + name() + " " + duty,
                (seq, req) -> new Command.PwmWrite(seq, req, spec.number(), duty));
    }

    /**
     * A level or a duty, remembered for a restore after a reset; a refusal gives the remembered one
     * back (what the board NAKed must not be replayed at the next restore).
     */
    private Future<Void> output(int level, int duty, String what, Request.CommandMaker command) {
        int levelBefore = lastLevel, dutyBefore = lastDuty;
        lastLevel = level;
        lastDuty = duty;
        return new Rollback(session, what, setMode(Command.PinMode.OUTPUT).andThen(v -> session.request(what, command)),
                () -> {
                    lastLevel = levelBefore;
                    lastDuty = dutyBefore;
                });
    }

    /**
     * No level or duty of ours to restore: a servo took the pin over (the firmware made it its
     * output), or the board refused it after a reset.
     */
    void forgetOutput() {
        lastLevel = -1;
        lastDuty = -1;
        mode = -1;
    }

    private Future<Void> setMode(int m) {
        if (mode == m) {
            return Futures.ready(null); // no servo here: one that took the pin over left its mode forgotten (-1)
        }
        session.pinCommanded(name()); // the firmware detaches a servo on this pin first
        int before = mode;
        mode = m;
        if (m != Command.PinMode.OUTPUT) {
            lastLevel = -1; // an input now: no level or duty to restore
            lastDuty = -1;
        }
        return new Rollback(session, "PIN_MODE " + name(), session.request("PIN_MODE " + name() + " " + m,
                (seq, req) -> new Command.PinMode(seq, req, spec.number(), m)), () -> mode = before);
    }

    /** Forgets what the board was told (it reset); subscriptions and wishes stay. */
    void boardForgot() {
        mode = -1;
    }

    /**
     * Claims state before the commands that establish it have been answered, and gives it back
     * ({@code undo}) when they fail. A waiter that is cancelled meanwhile does not cancel them: other
     * waiters may rely on the claim (the same pin, the same filter), so the commands finish in a
     * detached task of the session, which still gives the claim back if they fail.
     */
    private static final class Rollback implements Future<Void> {
        private final BoardSession session;
        private final String what;
        private final Future<Void> inner;
        private final Runnable undo;
        private boolean finished;

        Rollback(BoardSession session, String what, Future<Void> inner, Runnable undo) {
            this.session = session;
            this.what = what;
            this.inner = inner;
            this.undo = undo;
        }

        @Override
        public io.wakewire.task.Poll<Void> poll(io.wakewire.task.Context cx) {
            try {
                io.wakewire.task.Poll<Void> p = inner.poll(cx);
                if (p.isReady()) {
                    finished = true;
                }
                return p;
            } catch (RuntimeException e) {
                finished = true;
                undo.run();
                throw e;
            }
        }

        @Override
        public void cancel() {
            if (finished) {
                return;
            }
            finished = true;
            if (!session.detach(what, new Rollback(session, what, inner, undo))) {
                inner.cancel();
                undo.run();
            }
        }

        @Override
        public String describe() {
            return inner.describe();
        }
    }
}
