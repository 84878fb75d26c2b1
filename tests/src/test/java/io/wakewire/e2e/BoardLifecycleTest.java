package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.BoardDisconnectedException;
import io.wakewire.board.BoardResetException;
import io.wakewire.board.BoardStats;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TaskFailedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A board that dies, resets, or gets garbage on its line, with the real firmware and the real jssc link. */
@Timeout(60)
class BoardLifecycleTest {

    private static Throwable unwrap(Throwable t) {
        return t instanceof TaskFailedException && t.getCause() != null ? t.getCause() : t;
    }

    @Test
    void killingTheBoardsProcessFailsEveryWaiterWithinAHeartbeat() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            long[] ms = new long[1];
            List<Throwable> failures = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                var edge = Async.spawn("edge", b.pin("D2").nextEdge(EdgeFilter.BOTH));
                EdgeStream s = b.pin("D3").edges(EdgeFilter.RISING);
                var next = Async.spawn("stream", s.next());
                await(Futures.sleep(Duration.ofMillis(200)));
                long t0 = System.nanoTime();
                rig.vboard.kill();
                List<Throwable> out = new ArrayList<>();
                for (var h : List.of(edge, next)) {
                    try {
                        await(Futures.timeout(h, Duration.ofSeconds(5)));
                    } catch (Throwable t) {
                        out.add(unwrap(t));
                    }
                }
                ms[0] = (System.nanoTime() - t0) / 1_000_000;
                try {
                    await(b.ping());
                } catch (Throwable t) {
                    out.add(unwrap(t));
                }
                b.close();
                return out;
            }));
            assertEquals(3, failures.size(), failures.toString());
            for (Throwable t : failures) {
                assertInstanceOf(BoardDisconnectedException.class, t, String.valueOf(t));
            }
            System.out.println("killed board: waiters failed after " + ms[0] + " ms: " + failures.get(0).getMessage());
            assertTrue(ms[0] < 1500, "waiters failed after " + ms[0] + " ms; the heartbeat is 1 s");
        }
    }

    @Test
    void aResetMidStreamIsReportedAndTheStreamIsReArmed() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            List<String> seen = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.set("D2", false);
                    EdgeStream s = b.pin("D2").edges(EdgeFilter.RISING);
                    var first = Async.spawn("first", s.next());
                    await(Futures.sleep(Duration.ofMillis(200)));
                    rig.vboard.pulse("D2", Duration.ofMillis(1));
                    List<String> out = new ArrayList<>();
                    out.add("edge " + await(Futures.timeout(first, Duration.ofSeconds(5))).level());
                    rig.vboard.reset();
                    try {
                        await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
                        out.add("no reset seen");
                    } catch (BoardResetException e) {
                        out.add("reset");
                    }
                    for (int i = 0; i < 300 && !b.isReady(); i++) {
                        await(Futures.sleep(Duration.ofMillis(10)));
                    }
                    await(Futures.sleep(Duration.ofMillis(100)));
                    rig.vboard.pulse("D2", Duration.ofMillis(1));
                    out.add("edge " + await(Futures.timeout(s.next(), Duration.ofSeconds(5))).level());
                    out.add("resets " + b.stats().resets());
                    return out;
                } finally {
                    b.close();
                }
            }));
            assertEquals(List.of("edge HIGH", "reset", "edge HIGH", "resets 1"), seen);
        }
    }

    @Test
    void garbageOnTheLineIsSkippedAndCounted() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            BoardStats st = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    // a frame cut short, noise, a frame with a bad CRC: each ends at a 0x00, so the
                    // very next real frame is decoded
                    rig.vboard.inject(new byte[] {0x05, 0x10, 0x01, 0x00, (byte) 0xff, (byte) 0xfe, 0x13, 0x00,
                            0x03, 0x20, 0x07, 0x02, 0x55, 0x00});
                    await(b.ping());
                    // half a frame with no 0x00: it swallows the next real frame (counted as bad, and
                    // that command times out); the one after is fine again
                    rig.vboard.inject(new byte[] {0x04, 0x11});
                    int timeouts = 0;
                    for (int i = 0; i < 3; i++) {
                        try {
                            await(b.ping());
                            break;
                        } catch (io.wakewire.task.TimedOutException t) {
                            timeouts++;
                        }
                    }
                    assertTrue(timeouts <= 1, timeouts + " pings timed out after one half frame");
                    rig.vboard.pulse("D2", Duration.ofMillis(1));
                    EdgeStream s = b.pin("D2").edges(EdgeFilter.BOTH);
                    var e = Async.spawn("edge", s.next());
                    await(Futures.sleep(Duration.ofMillis(200)));
                    rig.vboard.pulse("D2", Duration.ofMillis(1));
                    await(Futures.timeout(e, Duration.ofSeconds(5)));
                    return b.stats();
                } finally {
                    b.close();
                }
            }));
            System.out.println("after garbage: " + st);
            assertTrue(st.badFrames() + st.crcErrors() >= 3, st.toString());
        }
    }
}
