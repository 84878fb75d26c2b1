package io.wakewire.cli;

import io.wakewire.pin.Edge;

/**
 * Whether an edge's latency ({@link Edge#latency()}, arrival minus the clock sync's host-time
 * estimate of the edge) may be shown as a measurement. The output sinks ask this once per edge and
 * print an unvouched latency as "-" (the CSV: latency_valid 0), never as a number.
 *
 * <p>{@link #SYNC}: the clock sync vouched for the edge's host time ({@link Edge#hostTimeVouched()}:
 * enough samples and an error bound under its limit) and the latency is not negative (impossible,
 * so an estimate below zero is off by at least that much). {@link #BY_SIGN} keeps only the second
 * half, for edges made without a clock sync (tests).
 */
@FunctionalInterface
interface LatencyVouch {

    boolean vouches(Edge e);

    LatencyVouch BY_SIGN = e -> e.latency().toNanos() >= 0;

    LatencyVouch SYNC = e -> e.hostTimeVouched() && e.latency().toNanos() >= 0;
}
