package io.wakewire.board;

/**
 * A snapshot of one board session's counters, all since the {@link Board} was created (they survive
 * reconnects). Taken on any thread; the values are read without a lock, so a snapshot taken while
 * the session runs may mix values a few frames apart.
 *
 * @param framesReceived  valid frames decoded
 * @param framesSent      command frames written
 * @param edgesReceived   edge records decoded
 * @param edgesUnclaimed  edges of pins nobody was waiting on (dropped on the host, on purpose)
 * @param boardDrops      events the board reported lost (sum of LOST counts)
 * @param seqGapFrames    board frames missing from the sequence numbers (lost on the wire)
 * @param hostDrops       edges dropped because a stream's buffer was full
 * @param badFrames       frames the decoder dropped (COBS, too long, short)
 * @param crcErrors       frames the decoder dropped for a CRC mismatch
 * @param unknownFrames   valid frames of a type or shape this host does not know (each also a loss of unknown
 *                        count on every armed pin: it may have been an EVENTS frame)
 * @param unclaimedAnswers answers nobody waited for (late answers to timed-out commands)
 * @param naks            commands the board refused
 * @param timeouts        commands without an answer in time
 * @param connects        successful handshakes (1 + reconnects)
 * @param resets          board resets seen mid-session (a new boot HELLO)
 * @param restoresRefused pin or servo states the board refused to take back after a reset or
 *                        reconnect (each forgotten, and logged as a warning)
 * @param clockSamples    CLOCK samples in the sync window
 * @param clockBestRttNanos the best CLOCK round trip in the window (the sync's error bound is half)
 * @param clockDriftPpm   the board clock's drift against its nominal tick, fitted
 */
public record BoardStats(long framesReceived, long framesSent, long edgesReceived, long edgesUnclaimed,
                         long boardDrops, long seqGapFrames, long hostDrops, long badFrames, long crcErrors,
                         long unknownFrames, long unclaimedAnswers, long naks, long timeouts, long connects,
                         long resets, long restoresRefused, int clockSamples, long clockBestRttNanos, double clockDriftPpm) {
}
