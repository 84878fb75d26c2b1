package io.wakewire.measure;

import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import io.wakewire.task.Poll;

import java.util.ArrayDeque;

/** An edge source that hands out a script of marks, given up front (a tick is 4 µs). */
final class ScriptedFeed implements EdgeFeed {

    static final long TICK_NS = 4000;

    private final String pin;
    private final ArrayDeque<Mark> marks = new ArrayDeque<>();
    boolean closed;

    ScriptedFeed(String pin) {
        this.pin = pin;
    }

    ScriptedFeed edge(boolean high, long ticks) {
        marks.add(new Mark.Edge(pin, high, ticks, ticks * TICK_NS));
        return this;
    }

    /** Edges alternating from {@code firstHigh}, at the given ticks. */
    ScriptedFeed edges(boolean firstHigh, long... ticks) {
        boolean h = firstHigh;
        for (long t : ticks) {
            edge(h, t);
            h = !h;
        }
        return this;
    }

    ScriptedFeed loss(long count) {
        marks.add(new Mark.Loss(pin, count, "test loss"));
        return this;
    }

    @Override
    public String pin() {
        return pin;
    }

    @Override
    public long tickNanos() {
        return TICK_NS;
    }

    @Override
    public Future<Void> ready() {
        return Futures.ready(null);
    }

    @Override
    public Future<Mark> next() {
        return cx -> {
            Mark m = marks.pollFirst();
            return m == null ? Poll.pending() : Poll.ready(m);
        };
    }

    int left() {
        return marks.size();
    }

    @Override
    public void close() {
        closed = true;
    }
}
