package io.wakewire.sim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.Predicate;

/**
 * The lines a virtual board printed, kept so that a caller can wait for one that matches, from a
 * mark taken before the command that causes it (so a line that arrives before the wait begins is
 * not missed).
 *
 * <p>Bounded: only the newest {@code capacity} lines are kept (a watched pin toggling at 10 kHz
 * prints a line per edge); a wait whose mark has been trimmed searches what is left. The reader
 * thread appends; any thread waits. One monitor guards everything: the rates are those of a
 * text protocol, not of the data path.
 */
final class LineLog {

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final int capacity;
    /** Index of lines.peekFirst(): the number of lines trimmed so far. */
    private long base;
    private boolean ended;

    LineLog(int capacity) {
        this.capacity = capacity;
    }

    synchronized void append(String line) {
        lines.addLast(line);
        if (lines.size() > capacity) {
            lines.removeFirst();
            base++;
        }
        notifyAll();
    }

    /** No more lines will come (the process closed its stdout). */
    synchronized void end() {
        ended = true;
        notifyAll();
    }

    synchronized boolean ended() {
        return ended;
    }

    /** The index the next appended line will get. */
    synchronized long mark() {
        return base + lines.size();
    }

    /**
     * The first line at index {@code from} or later that matches, waiting up to {@code timeout};
     * null on timeout or when the stream has ended without one.
     */
    synchronized String await(long from, Predicate<String> match, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long next = from;
        while (true) {
            long i = base;
            for (String line : lines) {
                if (i++ >= next && match.test(line)) {
                    return line;
                }
            }
            next = Math.max(next, base + lines.size());
            if (ended) {
                return null;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** The last {@code n} lines, for error messages. */
    synchronized String tail(int n) {
        StringBuilder sb = new StringBuilder();
        int skip = Math.max(0, lines.size() - n);
        for (String l : lines) {
            if (skip-- > 0) {
                continue;
            }
            sb.append("\n  ").append(l);
        }
        return sb.toString();
    }
}
