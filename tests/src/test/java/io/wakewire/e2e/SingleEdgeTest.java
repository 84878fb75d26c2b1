package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The whole path once: a pin edge on the virtual board wakes a Java task. */
@Timeout(30)
class SingleEdgeTest {

    @Test
    void aPulseWakesTheWaitingTask() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            long[] commanded = new long[1];
            Edge[] edges = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    var rising = Async.spawn("rising", b.pin("D2").nextEdge(EdgeFilter.RISING));
                    EdgeStream both = b.pin("D2").edges(EdgeFilter.BOTH);
                    var first = Async.spawn("first", both.next());
                    await(Futures.sleep(Duration.ofMillis(200))); // the ARM is acknowledged by then
                    commanded[0] = System.nanoTime(); // the edge cannot happen before it is commanded
                    rig.vboard.pulse("D2", Duration.ofMillis(1)); // D2 idles low: up, then down 1 ms later
                    Edge up = await(Futures.timeout(rising, Duration.ofSeconds(5)));
                    Edge sameUp = await(Futures.timeout(first, Duration.ofSeconds(5)));
                    Edge down = await(Futures.timeout(both.next(), Duration.ofSeconds(5)));
                    assertEquals(up, sameUp, "both waiters saw the same edge");
                    return new Edge[] {up, down};
                } finally {
                    b.close();
                }
            }));
            assertEquals(Level.HIGH, edges[0].level());
            assertEquals(Level.LOW, edges[1].level());
            long ticks = edges[1].boardTicks().getAsLong() - edges[0].boardTicks().getAsLong();
            assertTrue(Math.abs(ticks - 250) <= 2, "1 ms pulse measured as " + ticks + " ticks of 4 µs");
            // The edge happened after the pulse was commanded and before it arrived: the clock
            // sync's estimate of its host time must lie in that window (give or take the sync's
            // error, which a fresh session's few round trips bound to well under a millisecond),
            // so its latency is positive and at most the window.
            Edge up = edges[0];
            long window = up.arrivalNanos() - commanded[0];
            long lat = up.latency().toNanos();
            long err = up.hostErrorNanos();
            System.out.printf("single edge: latency estimate %d ns (vouched error %d ns), command-to-arrival window %d ns%n",
                    lat, err, window);
            // A latency is only a measurement when the sync vouches for it, within its error bound; a
            // loaded machine's long round trips may leave it unvouched, which is what it must say then.
            if (up.hostTimeVouched()) {
                assertTrue(lat > -err, "latency estimate " + lat + " ns: the edge estimated after it arrived,"
                        + " beyond the sync's vouched error of " + err + " ns");
                assertTrue(lat <= window + err, "latency estimate " + lat + " ns, yet the edge was commanded only "
                        + window + " ns before it arrived (vouched error " + err + " ns)");
            } else {
                assertTrue(err == -1, "an unvouched edge carries error -1, not " + err);
            }
        }
    }
}
