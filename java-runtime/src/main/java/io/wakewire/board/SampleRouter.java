package io.wakewire.board;

import io.wakewire.wire.Answer;
import io.wakewire.wire.SampleRecord;

/**
 * The session's side of board-timed sampling: routes SAMPLES frames to the one stream running
 * (the board has one ADC, so one STREAM at a time), and tells it about losses and failures.
 * Executor thread only; BoardSession calls it in one line each.
 */
final class SampleRouter {

    private final BoardSession session;
    private SampleStream active;
    /** Samples received with no stream to take them (after a close, before the board stopped). */
    long unclaimed;

    SampleRouter(BoardSession session) {
        this.session = session;
    }

    void claim(SampleStream s) {
        if (active != null && active != s) {
            throw new PinException(session.label(), "samples(" + s.pins() + "): a stream of " + active.pins()
                    + " is already running on this board (one ADC: close it first)");
        }
        active = s;
    }

    void release(SampleStream s) {
        if (active == s) {
            active = null;
        }
    }

    void frame(Answer.Samples f) {
        SampleStream s = active;
        for (SampleRecord r : f.records()) {
            if (s == null) {
                unclaimed++;
            } else if (r instanceof SampleRecord.Sample x) {
                long t = session.extendTicks(x.timestamp());
                s.offer(x.channel(), x.value(), t, session.ticksToNanos(t), session.clock().hostNanos(t));
            } else if (r instanceof SampleRecord.Lost l) {
                s.offerLoss(SamplesLostException.Cause.BOARD, l.count());
            }
        }
    }

    /** Board frames missing: any of them may have been SAMPLES. */
    void framesMissing(int frames) {
        if (active != null) {
            active.offerLoss(SamplesLostException.Cause.LINK, SamplesLostException.UNKNOWN);
        }
    }

    void fail(BoardException e) {
        if (active != null) {
            active.offerFailure(e);
        }
    }
}
