package io.wakewire.gateway;

/** The host's nanoTime scale (the clock sync's) turned into wall-clock microseconds since the epoch, for subscribers elsewhere. */
final class HostTime {

    private final long epochNanosAtAnchor;
    private final long nanoAnchor;

    HostTime() {
        java.time.Instant now = java.time.Instant.now();
        nanoAnchor = System.nanoTime();
        epochNanosAtAnchor = now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    long epochMicros(long hostNanos) {
        return (epochNanosAtAnchor + (hostNanos - nanoAnchor)) / 1000;
    }
}
