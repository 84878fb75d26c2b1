package io.wakewire.sim;

import io.wakewire.board.Board;
import io.wakewire.board.BoardException;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;

import java.time.Duration;

import static io.wakewire.task.Async.await;

/**
 * The README's "await an edge" example, runnable: waits for rising edges on D2 with a timeout and
 * prints each with its board timestamp and latency. With a port argument it uses a real board
 * ({@code make example-edge PORT=/dev/ttyACM0}: press a button wired from D2 to 5V); without one it
 * starts a virtual board and pulses D2 every 300 ms from a helper thread.
 */
public final class EdgeDemo {

    private EdgeDemo() {
    }

    public static void main(String[] args) {
        String board = args.length > 1 ? args[1] : "uno";
        String port = args.length > 0 && !args[0].isBlank() ? args[0] : null;
        VirtualBoard vb = null;
        try (Executor ex = Executor.create()) {
            if (port == null) {
                vb = VirtualBoard.start(board);
                port = vb.port();
                System.out.println("virtual " + board + " on " + port + " (pulsing D2 every 300 ms)");
                startPulses(vb);
            }
            String p = port;
            ex.blockOn(Async.run(() -> {
                Board b = await(Board.connect(BoardConfig.load(board), p));
                try {
                    for (int i = 0; i < 5; i++) {
                        try {
                            Edge e = await(Futures.timeout(b.pin("D2").nextEdge(EdgeFilter.RISING), Duration.ofSeconds(2)));
                            long now = System.nanoTime();
                            // the edge's host time is printed only when the clock sync vouches for it
                            System.out.printf("%s rose at board tick %d; frame decoded %.0f µs ago, %s%n", e.pin(),
                                    e.boardTicks().getAsLong(), (now - e.arrivalNanos()) / 1000.0, e.hostTimeVouched()
                                            ? String.format("edge %.3f ms ago (±%.3f) by the clock sync",
                                            (now - e.hostNanos()) / 1e6, e.hostErrorNanos() / 1e6)
                                            : "edge time not known yet (the clock sync cannot vouch for it)");
                        } catch (TimedOutException t) {
                            System.out.println("no edge on D2 within 2 s");
                        }
                    }
                } finally {
                    b.close();
                }
            }));
        } catch (BoardException | VirtualBoardException e) {
            System.err.println("edge demo: " + e.getMessage());
            System.exit(1);
        } finally {
            if (vb != null) {
                vb.close();
            }
        }
    }

    private static void startPulses(VirtualBoard vb) {
        Thread t = new Thread(() -> {
            try {
                while (vb.isAlive()) {
                    Thread.sleep(300);
                    vb.pulse("D2", Duration.ofMillis(1));
                }
            } catch (InterruptedException | VirtualBoardException e) {
                // the demo is over
            }
        }, "demo-pulses");
        t.setDaemon(true);
        t.start();
    }
}
