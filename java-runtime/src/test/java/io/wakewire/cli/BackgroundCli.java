package io.wakewire.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine;

/**
 * {@code wakewire <args>} run in-process on a thread of its own, its stdout and stderr readable
 * while it runs: a test waits for "monitoring ..." before it drives the pins, instead of guessing
 * how long the connect takes. (StringWriter is synchronised, so reading it here is safe.)
 */
final class BackgroundCli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final CompletableFuture<Integer> exit = new CompletableFuture<>();

    BackgroundCli(String... args) {
        CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true));
        Thread.ofPlatform().name("wakewire " + String.join(" ", args)).daemon().start(() -> {
            try {
                exit.complete(cl.execute(args));
            } catch (Throwable t) {
                exit.completeExceptionally(t);
            }
        });
    }

    /** Waits until stderr holds {@code text}; fails with what was printed if the command ends first or time runs out. */
    void awaitErr(String text, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (!err.toString().contains(text)) {
            if (exit.isDone() || System.nanoTime() - end > 0) {
                throw new AssertionError("no \"" + text + "\" on stderr" + (exit.isDone() ? " (the command ended)" : "")
                        + "; it printed: " + err);
            }
            Thread.sleep(20);
        }
    }

    /** Waits for the end; what it printed, and its exit code. */
    Cli result(Duration timeout) throws Exception {
        int code = exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return new Cli(code, out.toString(), err.toString());
    }
}
