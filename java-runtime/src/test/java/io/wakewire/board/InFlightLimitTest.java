package io.wakewire.board;

import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.TimedOutException;
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
 * PROTOCOL.md's pipelining rule, kept by the host: at most {@link RequestTable#MAX_IN_FLIGHT}
 * (3) commands await answers at once; a further request is not written until an answer (or a
 * timeout) frees a slot. On virtual time with the fake board a task of the same executor, so
 * "not written" is exact: nothing else can run in between.
 */
@Timeout(20)
class InFlightLimitTest extends OnVirtualTime {

    private <T> T run(Async.Body<T> body) {
        return ex.blockOn(Async.async(body));
    }

    /**
     * A board whose heartbeat is long enough that no CLOCK probe takes a slot during a test, once
     * the first probe (sent as the session becomes ready) is answered.
     */
    private Board connect(Duration requestTimeout) {
        Board b = await(Board.connect(TestBoards.uno(), "mem", TestBoards.fast(pair)
                .withHeartbeat(Duration.ofSeconds(60)).withRequestTimeout(requestTimeout)));
        settle();
        return b;
    }

    private static void settle() {
        await(Futures.sleep(Duration.ofMillis(50)));
    }

    @Test
    void theFourthCommandIsNotWrittenBeforeTheFirstAnswer() {
        run(() -> {
            Board b = connect(Duration.ofSeconds(5));
            fake.holdAnswers = true;
            List<JoinHandle<Duration>> pings = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                pings.add(Async.spawn("ping " + i, b.ping()));
            }
            settle();
            assertEquals(RequestTable.MAX_IN_FLIGHT, fake.held.size(), "commands written with none answered: " + fake.held);
            assertEquals(3, RequestTable.MAX_IN_FLIGHT, "PROTOCOL.md: about 3 commands in flight");
            assertTrue(fake.releaseOne());
            settle();
            assertEquals(1, pings.stream().filter(JoinHandle::isDone).count(), "the answered ping completed");
            assertEquals(3, fake.held.size(), "one answer, one more command written: " + fake.held);
            while (fake.releaseOne()) {
                settle();
            }
            for (JoinHandle<Duration> p : pings) {
                assertTrue(await(p).toNanos() > 0);
            }
            assertEquals(5, fake.count(Command.Ping.class), "every ping written once");
            assertEquals(0, b.stats().timeouts());
            b.close();
            return null;
        });
    }

    @Test
    void aRequestWaitingForASlotTimesOutWithinItsLimitAndIsNeverWritten() {
        run(() -> {
            Board b = connect(Duration.ofMillis(200));
            fake.holdAnswers = true;
            List<JoinHandle<Duration>> pings = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                pings.add(Async.spawn("ping " + i, b.ping()));
            }
            for (JoinHandle<Duration> p : pings) {
                Throwable t = assertThrows(Throwable.class, () -> await(p)).getCause();
                assertInstanceOf(TimedOutException.class, t, String.valueOf(t));
            }
            assertEquals(3, fake.count(Command.Ping.class), fake.received + " the fourth ping waited for a slot, then timed out unwritten");
            fake.holdAnswers = false;
            assertTrue(await(b.ping()).toNanos() > 0, "the slots are free again");
            b.close();
            return null;
        });
    }

    @Test
    void aDisconnectFailsTheRequestsInFlightAndThoseWaitingForASlot() {
        run(() -> {
            Board b = connect(Duration.ofSeconds(5));
            fake.holdAnswers = true;
            List<JoinHandle<Duration>> pings = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                pings.add(Async.spawn("ping " + i, b.ping()));
            }
            settle();
            fake.unplug();
            for (JoinHandle<Duration> p : pings) {
                Throwable t = assertThrows(Throwable.class, () -> await(p)).getCause();
                assertInstanceOf(BoardDisconnectedException.class, t, String.valueOf(t));
            }
            assertEquals(3, fake.count(Command.Ping.class));
            b.close();
            return null;
        });
    }
}
