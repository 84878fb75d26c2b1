package io.wakewire.wire;

/**
 * Receives the records of one EVENTS frame without any object per record: the allocation-free
 * counterpart of {@link Answer.Events#records()}, called by {@link EventBatch#forEach}.
 * Timestamps are absolute board ticks as in {@link EventRecord.Edge}.
 */
public interface EventVisitor {

    /** A pin edge: Arduino pin (0..126), level after the edge (0/1), absolute board tick. */
    void edge(int pin, int level, long timestamp);

    /** A LOST marker: drops of {@code source} since its previous marker. */
    void lost(int source, long count);
}
