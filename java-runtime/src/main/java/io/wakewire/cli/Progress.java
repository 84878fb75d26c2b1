package io.wakewire.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * "building firmware for uno ... done (3.2 s)": a sign of life for any step that may take over a
 * second (build, flash, connect). Nothing is printed for a step that ends within the first
 * second, so quick commands stay quiet; after that a dot a second, which reads well both on a
 * terminal and in a CI log (no carriage returns to garble it).
 *
 * <p>Trade-off: one daemon thread per step in progress, for the simplicity of printing from a
 * timer while the step blocks the command's own thread.
 */
final class Progress implements AutoCloseable {

    private static final long QUIET_NANOS = 1_000_000_000L;

    private final PrintWriter out;
    private final String what;
    private final long start = System.nanoTime();
    private final Thread ticker;
    private boolean shown;
    private boolean closed;

    private Progress(PrintWriter out, String what) {
        this.out = out;
        this.what = what;
        this.ticker = Thread.ofPlatform().daemon().name("wakewire-progress").unstarted(this::tick);
    }

    /** Starts showing progress of {@code what} on {@code out} (stderr) after one quiet second. */
    static Progress start(PrintWriter out, String what) {
        Progress p = new Progress(out, what);
        p.ticker.start();
        return p;
    }

    private void tick() {
        try {
            Thread.sleep(Duration.ofNanos(QUIET_NANOS));
            while (true) {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    out.print(shown ? "." : what + " ...");
                    shown = true;
                    out.flush();
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    /** Ends the step; prints how it ended if anything was shown. */
    void finish(String outcome) {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (shown) {
                out.println(" " + outcome + " (" + DurationConverter.format(Duration.ofNanos(System.nanoTime() - start)) + ")");
                out.flush();
            }
        }
        ticker.interrupt();
    }

    /** Ends without a verdict: "failed" if anything was shown (the caller's error follows). */
    @Override
    public void close() {
        finish("failed");
    }
}
