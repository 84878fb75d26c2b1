package io.wakewire.task;

/**
 * What an {@link Interval} does when ticks were missed because its task was late (busy, or the
 * executor was blocked). With period P, ticks due at 0, P, 2P, ... and the task polling again
 * only at 3.5P:
 * <ul>
 *   <li>{@link #BURST}: deliver every missed tick at once (1P, 2P, 3P now), then resume the
 *       original schedule (4P). Right for counting: no tick is ever lost.</li>
 *   <li>{@link #DELAY}: deliver one tick now and restart the schedule from now (4.5P, 5.5P ...).
 *       Right for "at least P between actions".</li>
 *   <li>{@link #SKIP}: deliver one tick now and continue on the original grid (4P, 5P ...).
 *       Right for sampling on a fixed phase.</li>
 * </ul>
 */
public enum MissedTickPolicy {
    BURST, DELAY, SKIP
}
