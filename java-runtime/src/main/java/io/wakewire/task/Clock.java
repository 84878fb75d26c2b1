package io.wakewire.task;

/**
 * The executor's source of time, in the units and origin of {@link System#nanoTime()}. Timers,
 * {@code sleepUntil} and parking deadlines are all expressed on this clock, so injecting a
 * {@link VirtualClock} makes every timer test deterministic.
 */
@FunctionalInterface
public interface Clock {

    long nanoTime();

    Clock SYSTEM = System::nanoTime;
}
