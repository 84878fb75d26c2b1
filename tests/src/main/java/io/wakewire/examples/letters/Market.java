package io.wakewire.examples.letters;

import java.time.Duration;

/**
 * The rules of the simulated job market and of the search.
 *
 * @param acceptAbove     accept the first offer above this wage at once (X)
 * @param perReplyTimeout a company whose reply takes this long is dropped
 * @param deadline        the whole search ends after this long, with the best offer so far
 */
public record Market(int acceptAbove, Duration perReplyTimeout, Duration deadline,
                     Duration minDelay, Duration maxDelay, int maxInfoRounds, double infoRequestChance,
                     int slowOneIn, double rejectionChance, int minWage, int maxWage) {

    public Market {
        if (minDelay.isNegative() || maxDelay.compareTo(minDelay) < 0) {
            throw new IllegalArgumentException("reply delays must satisfy 0 <= min <= max, got " + minDelay + ".." + maxDelay);
        }
        if (perReplyTimeout.isZero() || perReplyTimeout.isNegative() || deadline.isNegative()) {
            throw new IllegalArgumentException("timeouts must be positive: per reply " + perReplyTimeout + ", deadline " + deadline);
        }
        if (minWage > maxWage || minWage < 0) {
            throw new IllegalArgumentException("wages must satisfy 0 <= min <= max, got " + minWage + ".." + maxWage);
        }
    }

    /**
     * The example's defaults: replies in 50..400 ms, up to two requests for more information,
     * one company in 50 too slow, per-reply timeout 500 ms, overall deadline 5 s, wages
     * 30,000..100,000, accept at once above {@code acceptAbove}.
     */
    public static Market defaults(int acceptAbove) {
        return new Market(acceptAbove, Duration.ofMillis(500), Duration.ofSeconds(5),
                Duration.ofMillis(50), Duration.ofMillis(400), 2, 0.3, 50, 0.4, 30_000, 100_000);
    }

    public Market withAcceptAbove(int x) {
        return new Market(x, perReplyTimeout, deadline, minDelay, maxDelay, maxInfoRounds, infoRequestChance,
                slowOneIn, rejectionChance, minWage, maxWage);
    }

    public Market withDeadline(Duration d) {
        return new Market(acceptAbove, perReplyTimeout, d, minDelay, maxDelay, maxInfoRounds, infoRequestChance,
                slowOneIn, rejectionChance, minWage, maxWage);
    }
}
