package io.wakewire.board;

/**
 * The session's counters. Written only by the executor thread; plain longs, read racily by
 * {@link Board#stats()} from any thread (a snapshot may mix values a few frames apart; each value is
 * itself whole on a 64-bit JVM in practice, and the counters are for people and tests, not control).
 */
final class SessionCounters {
    long framesReceived;
    long framesSent;
    long edgesReceived;
    long edgesUnclaimed;
    long boardDrops;
    long seqGapFrames;
    long hostDrops;
    long unknownFrames;
    long unclaimedAnswers;
    long naks;
    long timeouts;
    long connects;
    long resets;
    long restoresRefused;
}
