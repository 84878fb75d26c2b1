package io.wakewire.board;

import io.wakewire.pin.Edge;
import io.wakewire.pin.Level;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;

import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.wakewire.board.FakeBoard.edge;
import static io.wakewire.board.FakeBoard.lost;
import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Losses that only the host can see, through the real decoder and session from crafted frames: a
 * frame that passed the CRC but would not parse, a corrupted frame dropped by the CRC (a sequence
 * gap), and a same-level repeat (a merged pair of edges). Each must reach the pins concerned as an
 * EdgesLostException at its place in the stream.
 */
@Timeout(20)
class LossReportingTest extends FakeBoardTest {

    /** Reads {@code n} items of {@code s}: "ticks level" for an edge, "lost CAUSE count" for a loss. */
    private static List<String> take(EdgeStream s, int n) {
        List<String> out = new ArrayList<>();
        while (out.size() < n) {
            try {
                Edge e = await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
                out.add(e.boardTicks().getAsLong() + " " + (e.level() == Level.HIGH ? "high" : "low"));
            } catch (EdgesLostException l) {
                out.add("lost " + l.reason() + " " + (l.countKnown() ? String.valueOf(l.count()) : "?"));
            }
        }
        return out;
    }

    /** Connects, arms D2 and D8 for {@code filter}, and runs {@code body} with their streams. */
    private <T> T withStreams(EdgeFilter filter, StreamsBody<T> body) {
        return ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                EdgeStream d2 = b.pin("D2").edges(filter);
                EdgeStream d8 = b.pin("D8").edges(filter);
                var f2 = Async.spawn("d2 armed", d2.next());
                var f8 = Async.spawn("d8 armed", d8.next());
                await(Futures.sleep(Duration.ofMillis(50)));
                fake.events(edge(2, 1, 10), edge(8, 1, 11));
                await(f2);
                await(f8);
                return body.run(b, d2, d8);
            } finally {
                b.close();
            }
        }));
    }

    interface StreamsBody<T> {
        T run(Board b, EdgeStream d2, EdgeStream d8);
    }

    @Test
    void aFrameWhosePayloadWillNotParseIsALossOfUnknownCountOnEveryArmedPin() {
        List<List<String>> seen = withStreams(EdgeFilter.BOTH, (b, d2, d8) -> {
            fake.events(edge(2, 0, 100), edge(8, 0, 101));
            // an EVENTS frame with a valid CRC and the next seq, but its last delta never ends
            fake.rawFrame(0x11, new byte[] {0x2c, 0x01, 0, 0, (byte) 0x82, (byte) 0x80});
            fake.events(edge(2, 1, 300), edge(8, 1, 301));
            assertEquals(0, b.stats().seqGapFrames());
            return List.of(take(d2, 3), take(d8, 3));
        });
        assertEquals(List.of("100 low", "lost UNPARSEABLE_FRAME ?", "300 high"), seen.get(0));
        assertEquals(List.of("101 low", "lost UNPARSEABLE_FRAME ?", "301 high"), seen.get(1));
    }

    @Test
    void aFrameOfATypeTheBoardDoesNotSendIsALossToo() {
        List<String> seen = withStreams(EdgeFilter.BOTH, (b, d2, d8) -> {
            fake.rawFrame(0x3c, new byte[] {1, 2, 3});
            fake.events(edge(2, 0, 300));
            return take(d2, 2);
        });
        assertEquals(List.of("lost UNPARSEABLE_FRAME ?", "300 low"), seen);
    }

    @Test
    void anEventsFrameWithA01InsertedBeforeItsZeroIsDroppedAndItsEdgesReportedLost() {
        List<String> seen = withStreams(EdgeFilter.BOTH, (b, d2, d8) -> {
            fake.corruptedEvents(w -> {
                byte[] bad = Arrays.copyOf(w, w.length + 1);
                bad[w.length - 1] = 0x01;
                return bad;
            }, edge(2, 0, 200));
            fake.events(edge(2, 1, 300));
            List<String> out = take(d2, 2);
            assertEquals(1, b.stats().crcErrors(), "the corrupted frame must fail the CRC");
            return out;
        });
        assertEquals(List.of("lost SEQUENCE_GAP ?", "300 high"), seen);
    }

    @Test
    void aSameLevelRepeatIsOneMergedEdgeReportedBeforeIt() {
        List<String> seen = withStreams(EdgeFilter.BOTH, (b, d2, d8) -> {
            fake.events(edge(2, 0, 100), edge(2, 0, 200), edge(8, 0, 201), edge(2, 1, 300));
            return take(d2, 4);
        });
        assertEquals(List.of("100 low", "lost MERGED 1", "200 low", "300 high"), seen);
    }

    @Test
    void aLostRecordForgetsOnlyItsSourcesLevelsForThePairAroundIt() {
        // the board takes no record from an overflow's first drop until its marker is written, so
        // only the pair that straddles the marker proves nothing; a repeat after that is a merge
        List<String> seen = withStreams(EdgeFilter.BOTH, (b, d2, d8) -> {
            fake.events(edge(2, 0, 100), edge(8, 0, 101), lost(0, 7), edge(2, 0, 200), edge(8, 0, 201),
                    edge(2, 1, 300), edge(2, 1, 400));
            List<String> out = take(d2, 6);
            out.addAll(take(d8, 3));
            return out;
        });
        assertEquals(List.of("100 low", "lost BOARD_OVERFLOW 7", "200 low", "300 high", "lost MERGED 1", "400 high",
                "101 low", "lost MERGED 1", "201 low"), seen);
    }

    @Test
    void aFullStreamBufferIsOneCountedHostLossAfterTheEdgesItHeld() {
        // a stream that holds 3 edges and is not read while 6 arrive: the 3 newest are dropped and
        // reported once, with their count, after the 3 it kept
        List<String> seen = ex.blockOn(Async.async(() -> {
            Board b = await(Board.connect(TestBoards.uno(), "mem", TestBoards.fast(pair).withEdgeBuffer(3)));
            try (EdgeStream d2 = b.pin("D2").edges(EdgeFilter.BOTH)) {
                var armed = Async.spawn("d2 armed", d2.next());
                await(Futures.sleep(Duration.ofMillis(50)));
                fake.events(edge(2, 1, 10));
                await(armed);
                fake.events(edge(2, 0, 20), edge(2, 1, 30), edge(2, 0, 40), edge(2, 1, 50), edge(2, 0, 60),
                        edge(2, 1, 70));
                await(Futures.sleep(Duration.ofMillis(100))); // all six are in before the stream is read
                List<String> out = take(d2, 4);
                assertEquals(3, b.stats().hostDrops());
                return out;
            } finally {
                b.close();
            }
        }));
        assertEquals(List.of("20 low", "30 high", "40 low", "lost HOST_OVERFLOW 3"), seen);
    }

    @Test
    void aSequenceGapForgetsTheLevelsSoARepeatAfterItIsNotAMerge() {
        List<String> seen = withStreams(EdgeFilter.BOTH, (b, d2, d8) -> {
            fake.loseFrames(1);
            fake.events(edge(2, 1, 100), edge(2, 0, 200));
            return take(d2, 3);
        });
        assertEquals(List.of("lost SEQUENCE_GAP ?", "100 high", "200 low"), seen);
    }

    @Test
    void afterTheArmingWidensToBothOneEdgeRecordsStillOnTheirWayAreNoMerge() {
        List<String> seen = withStreams(EdgeFilter.RISING, (b, d2, d8) -> {
            EdgeStream both = b.pin("D2").edges(EdgeFilter.BOTH);
            var first = Async.spawn("both armed", both.next());
            await(Futures.sleep(Duration.ofMillis(50)));
            // two rising-only records sent before the board took the new ARM, then both edges
            fake.events(edge(2, 1, 100), edge(2, 1, 200), edge(2, 0, 300), edge(2, 0, 400), edge(2, 1, 500));
            List<String> out = new ArrayList<>();
            Edge e = await(Futures.timeout(first, Duration.ofSeconds(5)));
            out.add(e.boardTicks().getAsLong() + " high");
            out.addAll(take(both, 5));
            return out;
        });
        assertEquals(List.of("100 high", "200 high", "300 low", "lost MERGED 1", "400 low", "500 high"), seen);
    }

    @Test
    void aPinArmedForOneEdgeRepeatsItsLevelWithoutLoss() {
        List<String> seen = withStreams(EdgeFilter.RISING, (b, d2, d8) -> {
            fake.events(edge(2, 1, 100), edge(2, 1, 200));
            return take(d2, 2);
        });
        assertEquals(List.of("100 high", "200 high"), seen);
    }
}
