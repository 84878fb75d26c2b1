package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.BoardStats;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Above the zero-loss rate, every edge sent is received or counted lost, exactly: the real
 * firmware on a virtual board (edges at exact simulated cycles), the real link and session. At
 * these rates the board's ring overflows (LOST records, counted by the board) and two changes can
 * fall inside one interrupt's latency (a same-level repeat, counted by the host as a merged edge);
 * a loss of unknown count (a sequence gap) would make the sum unprovable, so there must be none.
 *
 * <p>Zero-loss rates (avr-firmware/firmware.mk's floors, the bench's figures): about 25,000 edges/s
 * at 1,000,000 baud and 2,500 at 115,200. Each case runs one second of edges at 2x or 4x that,
 * on an INT pin (D2) and a pin-change pin (D8). The 4x cases also need the board to keep
 * answering under the storm (issue 11: a 4x storm starved the main loop).
 *
 * <p>Every 2x case, and 4x at 115,200, is held to 0.1% (most runs are exact): a change that lands
 * between the interrupt's entry (which clears the flag) and its level read is taken by that
 * interrupt and raises the flag again, and the next interrupt, reading the same level, cannot tell
 * it from a folded pair (an INTn pin then shows a same-level repeat, a pin-change group finds no
 * change): one run in about five is over by 1 of 50,000, on either kind of pin. 4x at 1 Mbaud (100,000 edges/s, 160 cycles
 * an edge) is held to 1% unaccounted: there a pin can change three times inside one interrupt's
 * latency, which no level-reading interrupt can see (runs left 0.3-0.8% there). The 2x D8 case passes since edge_isr.S reports a pin-change group's only
 * enabled pin again when its interrupt finds no change; before, such a pair left no trace at all
 * (92 of 50,000 edges neither received nor counted).
 */
@Timeout(120)
class MergedEdgesTest {

    /** {@code elf}: the firmware's build directory under build/ ("uno" is 1,000,000 baud, "uno-115200" is 115,200). */
    @ParameterizedTest(name = "{0} baud, {1}, {2} edges/s")
    @CsvSource({
            "1000000, D2, 50000, uno, 1",
            "1000000, D8, 50000, uno, 1",
            "115200, D2, 5000, uno-115200, 1",
            "115200, D8, 5000, uno-115200, 1",
            "1000000, D2, 100000, uno, 10",
            "1000000, D8, 100000, uno, 10",
            "115200, D2, 10000, uno-115200, 1",
            "115200, D8, 10000, uno-115200, 1",
    })
    void receivedPlusCountedLostIsSent(int baud, String pin, int edgesPerSecond, String elf, int unaccountedPermille) {
        int sent = edgesPerSecond; // one second of edges; even, so the pin ends where it started
        Duration period = Duration.ofNanos(2_000_000_000L / edgesPerSecond);
        Map<EdgesLostException.Reason, Long> lost = new EnumMap<>(EdgesLostException.Reason.class);
        long[] received = {0};
        BoardStats stats;
        try (VirtualBoard vb = VirtualBoard.start("uno", BuildArtifacts.locate().firmware(elf),
                VirtualBoardOptions.defaults()); Executor ex = Executor.create()) {
            stats = ex.blockOn(Async.async(() -> {
                Board b = await(Board.connect(BoardConfig.load("uno"), vb.port(), VirtualRig.options().withBaud(baud)));
                try {
                    vb.set(pin, false);
                    EdgeStream s = b.pin(pin).edges(EdgeFilter.BOTH);
                    var first = Async.spawn("first", s.next());
                    await(Futures.sleep(Duration.ofMillis(200))); // armed
                    vb.wave(pin, period, sent);
                    await(Futures.timeout(first, Duration.ofSeconds(5)));
                    received[0]++;
                    while (received[0] + sum(lost) < sent) {
                        try {
                            await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
                            received[0]++;
                        } catch (EdgesLostException l) {
                            lost.merge(l.reason(), l.countKnown() ? l.count() : 0, Long::sum);
                            if (!l.countKnown()) {
                                throw new AssertionError("a loss of unknown count makes the sum unprovable: " + l.getMessage());
                            }
                        } catch (TimedOutException t) {
                            if (unaccountedPermille > 0) {
                                break; // the share left unaccounted is checked below
                            }
                            throw new AssertionError("nothing for 5 s with " + received[0] + " received and " + lost
                                    + " counted lost of " + sent + " sent: " + (sent - received[0] - sum(lost))
                                    + " edges neither received nor counted", t);
                        }
                    }
                    // anything more (a record past the sum) would be an edge counted twice
                    await(Futures.sleep(Duration.ofMillis(300)));
                    return b.stats();
                } finally {
                    b.close();
                }
            }));
        }
        System.out.printf("merged edges: %d baud, %s at %d edges/s: sent %d, received %d, counted lost %s; %s%n", baud,
                pin, edgesPerSecond, sent, received[0], lost, stats);
        assertEquals(0, stats.seqGapFrames(), "frames lost on the wire");
        if (unaccountedPermille > 0) {
            // see the class comment: what a level-reading interrupt cannot tell apart
            // (avr-firmware/README.md, known limits); sim_storm holds the same share on the firmware alone
            long accounted = stats.edgesReceived() + sum(lost);
            assertTrue(Math.abs(sent - accounted) * 1000 <= (long) unaccountedPermille * sent, "received "
                    + stats.edgesReceived() + " + counted lost " + lost + " is more than " + unaccountedPermille
                    + " per mille away from " + sent + " sent");
            return;
        }
        assertEquals(sent, received[0] + sum(lost), "received + counted lost must equal sent: received " + received[0]
                + ", lost " + lost);
        assertEquals(received[0], stats.edgesReceived(), "edges arrived after the sum was complete");
    }

    private static long sum(Map<EdgesLostException.Reason, Long> m) {
        return m.values().stream().mapToLong(Long::longValue).sum();
    }
}
