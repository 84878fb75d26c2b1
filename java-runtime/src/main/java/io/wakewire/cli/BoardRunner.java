package io.wakewire.cli;

import io.wakewire.board.Board;
import io.wakewire.board.BoardOptions;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Connects to a board and runs a command's body with it, on one executor on the calling thread;
 * shared by {@code info}, {@code ping}, {@code monitor} and {@code demo}.
 *
 * <p>It also owns Ctrl-C: a shutdown hook closes the board (every wait on it then fails with
 * {@code BoardDisconnectedException}), lets the body end as it would at a normal stop (printing
 * its summary, closing its files) and gives it two seconds to do so before the JVM exits. The
 * body asks {@link #interrupted()} to tell that end from a real loss of the board.
 */
final class BoardRunner {

    /** A command's work with a connected board; runs inside an {@code Async} body, so it may await. */
    @FunctionalInterface
    interface Body<T> {
        T run(Board board, BoardRunner runner) throws Exception;
    }

    private final BoardConfig config;
    private final String port;
    private final BoardOptions options;
    private final PrintWriter err;
    private volatile boolean interrupted;
    private volatile Board board;
    private long connectNanos;

    BoardRunner(BoardConfig config, String port, BoardOptions options, PrintWriter err) {
        this.config = config;
        this.port = port;
        this.options = options;
        this.err = err;
    }

    /** The runner for the common options: their board, port, baud and timeout. */
    static BoardRunner of(CommonOptions common, String port, PrintWriter err) {
        BoardConfig config = common.avrConfig();
        Duration timeout = common.timeoutOr(Duration.ofSeconds(5));
        BoardOptions options = BoardOptions.defaults().withBaud(common.baudOrDefault()).withConnectTimeout(timeout)
                .withRequestTimeout(timeout.compareTo(Duration.ofSeconds(1)) < 0 ? timeout : Duration.ofSeconds(1));
        return new BoardRunner(config, port, options, err);
    }

    BoardConfig config() {
        return config;
    }

    String port() {
        return port;
    }

    /** From opening the port to the board's HELLO checked (the handshake), measured by {@link #run}. */
    Duration connectTime() {
        return Duration.ofNanos(connectNanos);
    }

    /** True once Ctrl-C asked the command to stop. */
    boolean interrupted() {
        return interrupted;
    }

    /** Connects (with a progress indication), runs {@code body}, closes the board. */
    <T> T run(Body<T> body) {
        PortUsers.requireFree(port);
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            interrupted = true;
            Board b = board;
            if (b != null) {
                b.close();
            }
            try {
                finished.await(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "wakewire-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Executor ex = Executor.builder().name("wakewire").build()) {
            return ex.blockOn(Async.async(() -> {
                long t0 = System.nanoTime();
                Board b;
                try (Progress p = Progress.start(err, "connecting to " + config.name() + " on " + port)) {
                    b = Async.await(Board.connect(config, port, options));
                    p.finish("ready");
                }
                connectNanos = System.nanoTime() - t0;
                board = b;
                try {
                    return body.run(b, this);
                } finally {
                    b.close();
                }
            }));
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down: the hook is running
            }
        }
    }
}
