package io.wakewire.measure;

import io.wakewire.task.Context;
import io.wakewire.task.Future;
import io.wakewire.task.Poll;

/**
 * The pulses of one level on a pin, from a source armed for both edges: a high pulse is a rising
 * edge and the falling edge after it, its width the difference of their board timestamps.
 *
 * <p>Never a wrong width: a width is only taken from a leading edge that followed a record at the
 * resting level, and a trailing edge right after it, with no loss in between. After a loss
 * (a {@link Mark.Loss}, or a record at the level the pin already had: a change went missing), the
 * next call of {@link #next()} throws {@link MeasureLostException} (the pulse, or pulses, it touched
 * are unknown), and widths resume after the next record at the resting level. The first pulse is
 * taken only once a resting-level record was seen, so a pulse that began before the stream did
 * is not reported either.
 *
 * <h2>Resolution and floor</h2>
 * A width is the difference of two timestamps taken in the edge interrupt: exact to one tick, plus
 * the jitter of the interrupt's entry (on an idle board a few cycles; the firmware's budget under
 * load is 60 cycles, under one tick). The trailing edge's interrupt cannot start before the leading
 * edge's has finished, about 4 ticks on the AVR firmware (about 250 cycles; the tick is 64): a
 * narrower pulse reads as that long (measured in simavr on an Uno's INT0: 4 µs read 16 µs, 8-14 µs
 * read 12 µs, from 15 µs on right to the tick). So a width of {@link #FLOOR_TICKS} ticks or less is
 * marked {@code exact() == false}: the true width is at most the reading plus one tick. Under
 * overload (a pulse train faster than the board can send) the widths given stay right: measured
 * in {@code MeasureTest.anOverloadedPinGivesLossesNeverWrongWidths}, every one within a tick.
 */
public final class Pulses implements AutoCloseable {

    /** Widths at or under this many ticks are not exact (20 µs at 4 µs a tick; see the class comment). */
    public static final long FLOOR_TICKS = 5;

    private final EdgeFeed source;
    private final boolean high;
    /** A resting-level record was seen with no loss since: the next leading edge is trustworthy. */
    private boolean synced;
    /** The level of the last record, or null (at the start, after a loss). */
    private Boolean last;
    /** The pulse's leading edge, or null. */
    private Mark.Edge lead;
    private long pulses;
    private long unknown;

    public Pulses(EdgeFeed source, boolean high) {
        if (source == null) {
            throw new IllegalArgumentException("pulses: source is null");
        }
        this.source = source;
        this.high = high;
    }

    /** The next pulse; await it before asking for another. */
    public Future<Pulse> next() {
        return new MarkFold<>(source, this::take, () -> "pulses(" + source.pin() + (high ? " HIGH" : " LOW") + ").next");
    }

    /** Completes once the pin is armed: every pulse that begins after it is seen. */
    public Future<Void> ready() {
        return source.ready();
    }

    /** Pulses measured so far. */
    public long measured() {
        return pulses;
    }

    /** Losses reported so far (each made one or more pulses unknown). */
    public long lossesReported() {
        return unknown;
    }

    public String pin() {
        return source.pin();
    }

    @Override
    public void close() {
        source.close();
    }

    /** One mark into the state machine: a pulse, or null for more. Throws a loss. */
    private Pulse take(Mark m) {
        if (m instanceof Mark.Loss l) {
            throw lost(l.pin(), l.count(), l.why(), null);
        }
        Mark.Edge e = (Mark.Edge) m;
        Boolean before = last;
        last = e.high();
        if (before != null && before == e.high()) {
            // The same level twice: the pin changed (at least) twice and one change went missing.
            throw lost(e.pin(), 1, "the pin reported " + (e.high() ? "high" : "low") + " twice in a row, at tick "
                    + e.ticks(), e);
        }
        if (e.high() == high) { // a leading edge
            if (synced) {
                lead = e;
            }
            return null;
        }
        synced = true;
        Mark.Edge start = lead;
        lead = null;
        if (start == null) {
            return null;
        }
        pulses++;
        long w = e.ticks() - start.ticks();
        return new Pulse(e.pin(), high, start.ticks(), w, source.tickNanos(), w > FLOOR_TICKS);
    }

    /** Forgets the pulse in progress; a resting-level {@code at} (a repeat) is itself a change, so it syncs. */
    private MeasureLostException lost(String pin, long count, String why, Mark.Edge at) {
        boolean inPulse = lead != null;
        lead = null;
        synced = at != null && at.high() != high;
        if (at == null) {
            last = null;
        }
        unknown++;
        return new MeasureLostException(pin, (high ? "high" : "low") + (inPulse ? " pulse" : " pulse(s)"), count,
                "edge(s)", why);
    }
}
