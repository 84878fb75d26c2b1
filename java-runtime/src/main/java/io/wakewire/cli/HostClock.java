package io.wakewire.cli;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Turns the runtime's {@link System#nanoTime()} stamps into wall-clock time, from one pairing of
 * the two clocks taken at start. Trade-off: a wall clock stepped later (NTP) is not followed, so
 * long runs keep a consistent time line rather than an exact one.
 */
final class HostClock {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private final long epochNanosAtStart;
    private final long nanoTimeAtStart;
    private final ZoneId zone;

    HostClock() {
        Instant now = Instant.now();
        this.nanoTimeAtStart = System.nanoTime();
        this.epochNanosAtStart = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        this.zone = ZoneId.systemDefault();
    }

    /** Nanoseconds since 1970 for a {@code System.nanoTime()} stamp. */
    long epochNanos(long nanoTime) {
        return epochNanosAtStart + (nanoTime - nanoTimeAtStart);
    }

    /** "22:41:03.123456", local time. */
    String timeOfDay(long nanoTime) {
        long e = epochNanos(nanoTime);
        Instant i = Instant.ofEpochSecond(Math.floorDiv(e, 1_000_000_000L), Math.floorMod(e, 1_000_000_000L));
        return LocalTime.ofInstant(i, zone).format(TIME);
    }
}
