package io.wakewire.gateway;

import io.wakewire.board.AnalogReading;
import io.wakewire.board.Board;
import io.wakewire.board.BoardDisconnectedException;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;

import java.time.Duration;
import java.util.Locale;

/**
 * Where the gateway meets the board API, and the only place: following input pins into
 * messages, actuating outputs, telling whether the board is there. (When the pin vocabulary
 * changes, this file changes.) Everything here runs on the gateway's executor thread.
 */
final class BoardBridge {

    private final Board board;
    private final BrokerLink link;
    private final HostTime time;
    private final boolean reconnects;
    /** Sequence of the board's events (edges and losses, all pins): a subscriber sees a gap as a gap. */
    private long seq;

    BoardBridge(Board board, BrokerLink link, HostTime time, boolean reconnects) {
        this.board = board;
        this.link = link;
        this.time = time;
        this.reconnects = reconnects;
    }

    /** Arms {@code pin} (a PinException naming it now, not later) and returns the task that publishes its edges. */
    Future<Void> follow(String pin) {
        EdgeStream stream = board.pin(pin).edges(EdgeFilter.BOTH);
        Topics t = link.topics();
        return Async.run(() -> {
            try (stream) {
                for (;;) {
                    try {
                        Edge e = Async.await(stream.next());
                        long s = ++seq;
                        link.event(t.edge(pin), new Json.Obj().put("seq", s).put("pin", pin)
                                .put("level", e.level() == Level.HIGH ? 1 : 0).put("board_ticks", e.boardTicks().getAsLong())
                                .put("board_ns", e.boardNanos().getAsLong()).put("host_time_us", time.epochMicros(e.hostNanos()))
                                .toString(), s);
                    } catch (EdgesLostException lost) {
                        long s = ++seq;
                        link.event(t.pinLost(pin), new Json.Obj().put("seq", s).put("pin", pin)
                                .put("cause", lost.reason().name().toLowerCase(Locale.ROOT))
                                .put("count", lost.reason() == EdgesLostException.Reason.SEQUENCE_GAP ? lost.frames() : lost.count())
                                .put("unit", lost.reason() == EdgesLostException.Reason.SEQUENCE_GAP ? "frames" : "events")
                                .toString(), s);
                    } catch (BoardDisconnectedException gone) {
                        if (!reconnects) {
                            return; // the health task says offline
                        }
                    }
                }
            }
        });
    }

    /**
     * Samples analog {@code pin} every {@code every} (a PinException now if it is not analog). A
     * reading the board does not answer in time is skipped: the next one is due anyway.
     */
    Future<Void> sample(String pin, Duration every) {
        io.wakewire.board.Pin p = board.pin(pin);
        p.analogRead(); // checks the pin now; the future is dropped unpolled, nothing is sent
        Topics t = link.topics();
        return Async.run(() -> {
            for (;;) {
                try {
                    AnalogReading a = Async.await(p.analogRead());
                    long s = ++seq;
                    link.event(t.analog(pin), new Json.Obj().put("seq", s).put("pin", pin).put("raw", a.raw())
                            .put("board_ticks", a.ticks()).put("host_time_us", time.epochMicros(a.hostNanos())).toString(), s);
                } catch (BoardDisconnectedException gone) {
                    if (!reconnects) {
                        return;
                    }
                } catch (io.wakewire.task.TimedOutException late) {
                    // skipped; the next sample is due in one period
                }
                Async.await(Futures.sleep(every));
            }
        });
    }

    /**
     * Completes once the pins that {@link #follow} tasks (spawned just before) arm are armed, so
     * that "online" means edges from now on are published. Arming is PIN_MODE then ARM, each
     * answered in order by the board; the board API does not expose the ARM's completion, so a
     * PING after each step, with the executor yielded to the follow tasks before it, stands for it.
     */
    Future<Void> settled() {
        return Async.run(() -> {
            for (int step = 0; step < 2; step++) {
                Async.await(Futures.yieldNow());
                Async.await(board.ping());
            }
        });
    }

    /** Keeps the retained status in step with the board: offline as soon as the session says it is gone. */
    Future<Void> health(Duration every) {
        return Async.run(() -> {
            for (;;) {
                link.status(board.isReady() ? "online" : "offline");
                Async.await(Futures.sleep(every));
            }
        });
    }

    /** Drives {@code pin}: a level, or a PWM duty 0..1; a PinException (unknown pin, not an output) before anything is sent. */
    Future<Void> actuate(String pin, OutputCommand c) {
        return c.duty() != null ? board.pin(pin).pwm(c.duty()) : board.pin(pin).write(c.high() ? Level.HIGH : Level.LOW);
    }

    String label() {
        return board.label();
    }

    void close() {
        board.close();
    }
}
