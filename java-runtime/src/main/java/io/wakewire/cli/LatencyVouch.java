package io.wakewire.cli;

import io.wakewire.board.Edge;

/**
 * Whether an edge's latency ({@link Edge#latencyNanos()}, arrival minus the clock sync's host-time
 * estimate of the edge) may be shown as a measurement. The output sinks ask this once per edge and
 * print an unvouched latency as "not known", never as a number.
 *
 * <p>{@link #BY_SIGN} is the floor every check keeps: a latency below zero is impossible, so the
 * estimate is off by at least that much (seen mid-run down to -82.7 µs while the sync settles).
 * A check that knows the sync's error bound (the session's clock sync) replaces it where the
 * sinks are made (MonitorCommand).
 */
@FunctionalInterface
interface LatencyVouch {

    boolean vouches(Edge e);

    LatencyVouch BY_SIGN = e -> e.latencyNanos() >= 0;
}
