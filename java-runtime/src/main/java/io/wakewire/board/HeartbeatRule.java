package io.wakewire.board;

import java.time.Duration;

/**
 * The heartbeat's schedule for one period {@code P}: a CLOCK probe every {@code P/4}, and the
 * board lost once nothing has arrived for {@code P} ({@link SilenceWatch}).
 *
 * <p>Why four probes per period: the silence that ends a session must be longer than any run of
 * lost answers we promise to ride out. Probes go out every {@code P/4} whatever happens to their
 * answers (a probe waits at most {@code P/4}), so with {@code k} answers lost in a row the gap
 * between two frames is {@code (k+1)·P/4} plus the difference of two round trips, each under
 * {@code P/4}: one or two lost answers leave a gap under {@code P}, and only a board silent for a
 * whole period is declared lost. The cost is four small CLOCK frames per period (the clock sync
 * is glad of them). Probing once per half period, as before, made one lost answer a gap of
 * {@code P} plus scheduling delay, and a frozen board took up to two periods to be noticed.
 */
final class HeartbeatRule {

    static final int PROBES_PER_PERIOD = 4;

    private final Duration probeInterval;

    HeartbeatRule(Duration period) {
        this.probeInterval = period.dividedBy(PROBES_PER_PERIOD);
    }

    /** Time between two probes, and the longest one probe waits for its answer. */
    Duration probeInterval() {
        return probeInterval;
    }
}
