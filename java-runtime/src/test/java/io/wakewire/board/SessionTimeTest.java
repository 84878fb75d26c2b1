package io.wakewire.board;

import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;

import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.wire.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The session's time rules on the executor's {@link VirtualClock}, with the fake board a task of
 * the same executor (answers take their bytes' wire time at 1 Mbaud, nothing else takes time), so
 * every bound here is exact: heartbeat (one lost answer never ends a session; a silent board is
 * declared lost at the first timer tick at or after one period of silence), the connect timeout,
 * an unplug.
 */
@Timeout(20)
class SessionTimeTest extends OnVirtualTime {

    private static final long MS = 1_000_000;
    /** TestBoards.fast: heartbeat 400 ms, so probes every 100 ms. */
    private static final long PERIOD = 400 * MS;

    private <T> T run(Async.Body<T> body) {
        return ex.blockOn(Async.async(body));
    }

    /** The executor's timers fire on 1 ms ticks counted from its creation (virtual time 0). */
    private static long ceilToTick(long nanos) {
        return (nanos + MS - 1) / MS * MS;
    }

    private BoardStats idleFor(Duration d) {
        return run(() -> {
            Board b = await(TestBoards.connect(pair));
            await(Futures.sleep(d));
            assertTrue(b.isReady(), "the session ended: " + b);
            BoardStats s = b.stats();
            b.close();
            return s;
        });
    }

    @Test
    void oneLostHeartbeatAnswerNeverEndsAnIdleSession() {
        fake.clockAnswersToDrop.add(10); // the line: it drops exactly the 10th CLOCK answer
        BoardStats s = idleFor(Duration.ofSeconds(10));
        assertEquals(1, s.timeouts(), s.toString());
        assertEquals(1, s.connects(), s.toString());
        assertTrue(fake.count(Command.Clock.class) >= 10 * 4, "probes every quarter period: " + fake.received.size());
    }

    @Test
    void twoLostAnswersInARowDoNotEndItEither() {
        fake.clockAnswersToDrop.addAll(List.of(10, 11, 30, 31, 50));
        BoardStats s = idleFor(Duration.ofSeconds(10));
        assertEquals(5, s.timeouts(), s.toString());
        assertEquals(1, s.connects(), s.toString());
    }

    @Test
    void aFrozenBoardIsDeclaredLostOnePeriodAfterItsLastFrameWhateverThePhase() {
        // freeze the board at phases across a whole period, each in a fresh session; every other
        // trial the board's last frame is an EVENTS frame (a streaming board), not a CLOCK answer
        int trial = 0;
        for (long phaseMs = 0; phaseMs < 400; phaseMs += 37, trial++) {
            if (trial > 0) {
                fresh();
            }
            long phase = phaseMs * MS;
            boolean streaming = trial % 2 == 1;
            long[] times = new long[3]; // frozen at, last frame sent at, declared lost at
            Throwable t = run(() -> {
                Board b = await(TestBoards.connect(pair));
                var edgeWait = Async.spawn("edge", b.pin("D2").nextEdge(EdgeFilter.BOTH));
                await(Futures.sleep(Duration.ofNanos(PERIOD * 2 + phase)));
                if (streaming) {
                    fake.events(FakeBoard.edge(5, 1, fake.ticksNow())); // a pin nobody waits on
                }
                fake.mute = true;
                times[0] = clock.nanoTime();
                times[1] = fake.lastSentNanos;
                try {
                    await(edgeWait);
                    return null;
                } catch (Throwable e) {
                    times[2] = clock.nanoTime();
                    return e.getCause() != null ? e.getCause() : e;
                } finally {
                    b.close();
                }
            });
            String at = "frozen at phase " + phaseMs + " ms" + (streaming ? " after an EVENTS frame: " : ": ");
            assertInstanceOf(BoardDisconnectedException.class, t, at + t);
            assertTrue(t.getMessage().contains("no frame from the board for 400 ms"), at + t.getMessage());
            assertEquals(ceilToTick(times[1] + PERIOD), times[2], at + "last frame at " + times[1] + " ns");
            long detected = times[2] - times[0];
            assertTrue(detected <= PERIOD + MS, at + "declared lost " + detected + " ns after the freeze");
        }
    }

    @Test
    void aSilentBoardFailsTheConnectAtExactlyTheTimeout() {
        fake.mute = true;
        long t0 = clock.nanoTime();
        BoardDisconnectedException e = assertThrows(BoardDisconnectedException.class,
                () -> run(() -> await(TestBoards.connect(pair))));
        assertTrue(e.getMessage().contains("no HELLO"), e.getMessage());
        assertEquals(2_000 * MS, clock.nanoTime() - t0, "the connect timeout is 2 s");
        assertEquals(2_000 / 250, fake.count(Command.Hello.class), "a HELLO every helloRetry (250 ms)");
    }

    @Test
    void unpluggingFailsEveryWaiterAtOnce() {
        long[] waited = new long[1];
        List<Throwable> failures = run(() -> {
            Board b = await(TestBoards.connect(pair));
            var edgeWait = Async.spawn("edge", b.pin("D2").nextEdge(EdgeFilter.BOTH));
            EdgeStream s = b.pin("D4").edges(EdgeFilter.BOTH);
            var streamWait = Async.spawn("stream", s.next());
            fake.mute = true;
            var req = Async.spawn("ping", b.ping());
            await(Futures.sleep(Duration.ofMillis(50)));
            long t0 = clock.nanoTime();
            fake.unplug();
            List<Throwable> out = new ArrayList<>();
            for (var h : List.of(edgeWait, streamWait, req)) {
                try {
                    await(h);
                } catch (Throwable t) {
                    out.add(t.getCause() != null && !(t instanceof BoardException) ? t.getCause() : t);
                }
            }
            waited[0] = clock.nanoTime() - t0;
            return out;
        });
        assertEquals(3, failures.size(), failures.toString());
        for (Throwable t : failures) {
            assertInstanceOf(BoardDisconnectedException.class, t, t.toString());
        }
        assertEquals(0, waited[0], "waiters learned of the unplug after " + waited[0] + " ns of virtual time");
    }
}
