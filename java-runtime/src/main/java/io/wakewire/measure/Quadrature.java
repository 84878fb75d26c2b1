package io.wakewire.measure;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

import java.util.ArrayDeque;

/**
 * A quadrature encoder on two pins (A, B), decoded on the host from the board's edge records:
 * every edge of either channel is one step (x4 decoding), +1 forward when A leads B
 * (A,B: 00, 10, 11, 01), -1 backward.
 *
 * <h2>Missed transitions are reported, never silent</h2>
 * A transition the records do not show is an impossible state change, and {@link #next()} throws
 * {@link MeasureLostException} at its place (awaiting again continues; {@link #position()} then
 * counts on from the new state, and may be off by the steps missed):
 * <ul>
 *   <li>a loss on either channel (the board's ring was full, a frame missing, the same level
 *       reported twice: counted, in transitions, when the source knows how many edges);</li>
 *   <li>a channel reported at the level it already had (a change went missing; 1 counted);</li>
 *   <li>both channels changing at the same board tick (a pin-change group saw both: two
 *       transitions whose order, hence direction, is unknown; 2 counted, the first one's step
 *       taken back).</li>
 * </ul>
 * After a loss on a channel its level is unknown: its next record sets it, and steps count again
 * from there. The counts are what the records prove, a lower bound: a channel that changed an
 * even number of times between two of its records looks unchanged (the board's LossTracker has
 * the same limit), so only {@code missed() + lossesOfUnknownCount() == 0} vouches for the position.
 *
 * <h2>Start</h2>
 * With initial levels given the position counts from the first edge. Without, a channel's level
 * before its first record is the inverse of that record's level (a record is a change), and the
 * steps of one channel before the other's first record are held back until the other's level is
 * known (its level did not change meanwhile), then counted in order.
 *
 * <h2>Order</h2>
 * The two sources are merged by board timestamp under {@link EdgeFeed}'s order contract: with a
 * record of one channel ready and none of the other, nothing earlier of the other is still coming.
 */
public final class Quadrature implements AutoCloseable {

    /** Steps of one channel held back while the other's level is unknown. */
    static final int MAX_HELD = 4096;
    private static final int UNKNOWN = -1;

    private final EdgeFeed a;
    private final EdgeFeed b;
    private final String label;
    private final long tickNanos;
    /** Levels (0, 1) of A and B, or UNKNOWN. */
    private int levelA;
    private int levelB;
    /** Whether a channel's first record may be taken as a change from the inverse level. */
    private boolean inferA;
    private boolean inferB;
    private final ArrayDeque<Mark.Edge> held = new ArrayDeque<>();
    private final ArrayDeque<EncoderStep> out = new ArrayDeque<>();
    private Mark headA;
    private Mark headB;
    private Future<Mark> pendingA;
    private Future<Mark> pendingB;
    private long position;
    private long lastTicks = Long.MIN_VALUE;
    private EdgeFeed lastPin;
    private int lastDelta;
    private long missed;
    private long lossesUnknown;

    /**
     * @param initialA the level of A now (before any edge the sources will give), or null if unknown
     * @param initialB the same for B
     */
    public Quadrature(EdgeFeed a, EdgeFeed b, Boolean initialA, Boolean initialB) {
        if (a == null || b == null) {
            throw new IllegalArgumentException("encoder: a source is null");
        }
        if (a.pin().equals(b.pin())) {
            throw new IllegalArgumentException("encoder: A and B are both " + a.pin() + "; it needs two pins");
        }
        this.a = a;
        this.b = b;
        this.label = a.pin() + "/" + b.pin();
        this.tickNanos = a.tickNanos();
        this.levelA = initialA == null ? UNKNOWN : initialA ? 1 : 0;
        this.levelB = initialB == null ? UNKNOWN : initialB ? 1 : 0;
        this.inferA = initialA == null;
        this.inferB = initialB == null;
    }

    /** The next step; await it before asking for another. Throws missed transitions in place. */
    public Future<EncoderStep> next() {
        return new Next();
    }

    /** Completes when both channels are armed (edges from then on are seen). */
    public Future<Void> ready() {
        return a.ready().andThen(v -> b.ready());
    }

    /** The position after the last step handed out. */
    public long position() {
        return position;
    }

    /** Transitions counted as missed so far (known counts only; see {@link #lossesOfUnknownCount()}). */
    public long missed() {
        return missed;
    }

    /** Losses whose size was unknown (each may hide any number of transitions). */
    public long lossesOfUnknownCount() {
        return lossesUnknown;
    }

    public String pins() {
        return label;
    }

    @Override
    public void close() {
        a.close();
        b.close();
    }

    /** Takes the next mark in board order into the decoder; steps go to {@code out}. Throws losses. */
    private void take(Mark m) {
        boolean isA = m.pin().equals(a.pin());
        if (m instanceof Mark.Loss l) {
            if (isA) {
                levelA = UNKNOWN;
                inferA = false;
            } else {
                levelB = UNKNOWN;
                inferB = false;
            }
            dropHeld();
            throw missed(l.count(), "on " + l.pin() + ": " + l.why());
        }
        Mark.Edge e = (Mark.Edge) m;
        int lv = e.high() ? 1 : 0;
        EdgeFeed src = isA ? a : b;
        boolean sameTick = e.ticks() == lastTicks && lastPin != null && lastPin != src;
        EdgeFeed prevPin = lastPin;
        lastTicks = e.ticks();
        lastPin = src;
        int mine = isA ? levelA : levelB;
        int other = isA ? levelB : levelA;
        if (mine == UNKNOWN && (isA ? inferA : inferB)) {
            mine = 1 - lv; // the first record is a change from the inverse level
        }
        if (isA) {
            inferA = false;
            levelA = lv;
        } else {
            inferB = false;
            levelB = lv;
        }
        if (mine == UNKNOWN) {
            return; // after a loss: this record tells the level, not a step
        }
        if (mine == lv) {
            dropHeld();
            throw missed(1, e.pin() + " reported " + (lv == 1 ? "high" : "low") + " twice in a row at tick " + e.ticks());
        }
        if (sameTick && prevPin != null) {
            if (!out.isEmpty()) {
                out.pollLast(); // not yet handed out: the previous step is doubtful too
            } else {
                position -= lastDelta;
            }
            lastDelta = 0;
            throw missed(2, "both channels changed at tick " + e.ticks() + ": direction unknown");
        }
        if (other == UNKNOWN) {
            if (isA ? inferB : inferA) { // the other has had no record yet: its level has not changed
                if (held.size() == MAX_HELD) {
                    held.clear();
                    throw missed(MeasureLostException.UNKNOWN, "more than " + MAX_HELD + " steps on " + e.pin()
                            + " before " + (isA ? b : a).pin() + " ever changed");
                }
                held.addLast(e);
            }
            return; // the other's level is unknown after a loss: no direction
        }
        if (!held.isEmpty()) {
            replayHeld(isA, lv);
        }
        step(isA, lv, other, e);
    }

    /** The other channel's first record came: its level before it was {@code 1 - lv}; count the held steps. */
    private void replayHeld(boolean isA, int lv) {
        int otherBefore = 1 - lv;
        for (Mark.Edge h : held) {
            step(!isA, h.high() ? 1 : 0, otherBefore, h);
        }
        held.clear();
    }

    private void step(boolean isA, int lv, int other, Mark.Edge e) {
        int delta = isA ? (lv != other ? 1 : -1) : (lv == other ? 1 : -1);
        position += delta;
        lastDelta = delta;
        out.addLast(new EncoderStep(position, delta, e.pin(), e.ticks(), tickNanos));
    }

    private void dropHeld() {
        held.clear();
    }

    private MeasureLostException missed(long count, String why) {
        if (count >= 0) {
            missed += count;
        } else {
            lossesUnknown++;
        }
        return new MeasureLostException(label, "encoder position", count, "transition(s)", why);
    }

    private final class Next implements Future<EncoderStep> {
        @Override
        public Poll<EncoderStep> poll(Context cx) {
            for (;;) {
                EncoderStep s = out.pollFirst();
                if (s != null) {
                    return Poll.ready(s);
                }
                if (headA == null) {
                    if (pendingA == null) {
                        pendingA = a.next();
                    }
                    Poll<Mark> p = pendingA.poll(cx);
                    if (p.isReady()) {
                        pendingA = null;
                        headA = p.value();
                    }
                }
                if (headB == null) {
                    if (pendingB == null) {
                        pendingB = b.next();
                    }
                    Poll<Mark> p = pendingB.poll(cx);
                    if (p.isReady()) {
                        pendingB = null;
                        headB = p.value();
                    }
                }
                Mark m;
                if (headA instanceof Mark.Loss || (headA != null && (headB == null || headB instanceof Mark.Edge eb
                        && ((Mark.Edge) headA).ticks() <= eb.ticks()))) {
                    if (headB instanceof Mark.Loss) {
                        m = headB;
                        headB = null;
                    } else {
                        m = headA;
                        headA = null;
                    }
                } else if (headB != null) {
                    m = headB;
                    headB = null;
                } else {
                    return Poll.pending();
                }
                take(m);
            }
        }

        @Override
        public void cancel() {
            // The pending next() futures stay with the decoder: a later next() goes on polling them.
        }

        @Override
        public String describe() {
            return "encoder(" + label + ").next, position " + position;
        }
    }
}
