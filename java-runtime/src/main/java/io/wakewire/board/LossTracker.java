package io.wakewire.board;

import io.wakewire.pin.EdgesLostException;

import java.util.Collection;

/**
 * Turns what the board's stream says about missing edges into losses on the pins concerned, in
 * stream order: a LOST record (the board's ring overflowed) on the pins of its drop source, a gap in
 * the frame sequence or a frame whose payload would not parse on every armed pin (the edge count is
 * unknown), and a same-level repeat on the pin it happened on.
 *
 * <h2>Merged edges</h2>
 * A pin armed for both edges reports levels that alternate. When it changes twice faster than its
 * interrupt can take the first change, the interrupt runs once and reads the level the pin already
 * had: the host sees that level twice, and one change (the one in between) is missing. So before an
 * edge whose level is not the one expected, this reports one edge lost ({@link
 * EdgesLostException.Reason#MERGED}), which keeps received + counted lost = sent exact. The
 * expectation is forgotten (no verdict on the next edge) after anything that breaks the chain: a
 * sequence gap, an unparseable frame, a reset or reconnect, an ARM for one edge only, and a LOST
 * record, on the pins of its drop source. That is exact because the board places the marker exactly:
 * from an overflow's first drop until the marker is written its edge interrupt takes no record of
 * any source (PROTOCOL.md, section 3), so every record before the marker was taken before the
 * drops and every record after it after them; only the pair that straddles the marker proves
 * nothing, and the drops between them are in the marker's count.
 * A pin whose arming widens from one edge to both first waits for a record at the level the old
 * arming never reported: until then, records armed for one edge only (all at one level, still in
 * the board's rings when the new ARM arrived) may come, and their repeats prove nothing.
 * Limits: three changes folded into one read look like one change (only an odd number of missing
 * changes is evidence, and one is the count reported); and a second change that lands between an
 * interrupt's timer read and its level read gives two records at one level for two real changes
 * (the second interrupt reads the same level again), which this reports as two merged edges, so
 * received + counted lost then exceeds sent by 2 (outside a ring overflow; none seen in the tests,
 * the firmware's fix is to read the level beside the timer in the interrupt's first
 * instructions). A pin-change group with several pins enabled that changes twice before its
 * interrupt reads the port reports nothing (the firmware cannot tell which pin): such a pair is
 * invisible to the host.
 *
 * <p>Executor thread only (the session's reader calls it).
 */
final class LossTracker {

    private static final byte UNKNOWN = -1;
    /** Waiting for a level change after the arming widened to both: the level of the records so far (+ 2), or 4 before any. */
    private static final byte WAIT_ANY = 4;

    private final Collection<PinChannel> pins;
    /** By pin number: the level (0, 1) the pin's next record has if no change went missing, or UNKNOWN. */
    private final byte[] expected;
    /** By pin number: the PinChannel's {@code widenedToBoth} last seen. */
    private final int[] widened;
    private long merged;
    private long unparseable;

    LossTracker(Collection<PinChannel> pins, int maxPinNumber) {
        this.pins = pins;
        this.expected = new byte[maxPinNumber];
        this.widened = new int[maxPinNumber];
        forgetAll();
    }

    /** The board forgot its pins (a reset, a new connection): no level is expected of any. */
    void forgetAll() {
        java.util.Arrays.fill(expected, UNKNOWN);
    }

    /** Before the edge record ({@code pin}, {@code level}) is delivered: reports a merge if its level repeats. */
    void edge(PinChannel c, int pin, int level) {
        if (c == null || !c.armedForBoth()) {
            if (pin >= 0 && pin < expected.length) {
                expected[pin] = UNKNOWN;
            }
            return;
        }
        byte want = expected[pin];
        if (widened[pin] != c.widenedToBoth) {
            widened[pin] = c.widenedToBoth;
            want = WAIT_ANY;
        }
        if (want >= 2) { // waiting for the first record the one-edge arming could not have sent
            expected[pin] = want == WAIT_ANY || want - 2 == level ? (byte) (2 + level) : (byte) (1 - level);
            return;
        }
        expected[pin] = (byte) (1 - level);
        if (want != UNKNOWN && want != level) {
            merged++;
            c.loss(EdgesLostException.Reason.MERGED, 1, 0, "the board reported " + (level == 1 ? "high" : "low")
                    + " twice: the pin changed faster than its interrupt");
        }
    }

    /** A LOST record: {@code count} edges of drop source {@code source} were dropped by the board. */
    void lost(int source, long count) {
        for (PinChannel c : pins) {
            if (c.spec.dropSource() != source) {
                continue;
            }
            expected[c.spec.number()] = UNKNOWN; // the records on either side of the drops prove nothing
            if (c.isArmed()) {
                c.loss(EdgesLostException.Reason.BOARD_OVERFLOW, count, 0, "dropped by the board (drop source " + source
                        + "): its event ring was full, or its pin-change interrupt found the pin already changed back");
            }
        }
    }

    /** {@code missing} frames never arrived: every armed pin may have lost edges, how many is unknown. */
    void framesMissing(int missing, String detail) {
        everyArmedPin(EdgesLostException.Reason.SEQUENCE_GAP, missing, detail);
    }

    /** A frame in the sequence whose payload would not parse: it may have held any pin's edges. */
    void unparseable(String detail) {
        unparseable++;
        everyArmedPin(EdgesLostException.Reason.UNPARSEABLE_FRAME, 1, detail);
    }

    private void everyArmedPin(EdgesLostException.Reason cause, long frames, String detail) {
        forgetAll();
        for (PinChannel c : pins) {
            if (c.isArmed()) {
                c.loss(cause, EdgesLostException.UNKNOWN, frames, detail);
            }
        }
    }

    /** Same-level repeats reported as merged edges so far. */
    long mergedEdges() {
        return merged;
    }

    /** Valid frames whose payload would not parse so far. */
    long unparseableFrames() {
        return unparseable;
    }
}
