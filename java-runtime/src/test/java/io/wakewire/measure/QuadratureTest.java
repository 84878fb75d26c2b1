package io.wakewire.measure;

import io.wakewire.task.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class QuadratureTest {

    /** Gray-code steps from (0, 0): +1 forward (A leads B), -1 backward, one every 10 ticks. */
    private static ScriptedFeed[] drive(int... steps) {
        ScriptedFeed a = new ScriptedFeed("D2");
        ScriptedFeed b = new ScriptedFeed("D3");
        int la = 0;
        int lb = 0;
        long t = 10;
        for (int dir : steps) {
            boolean toggleA = dir > 0 ? la == lb : la != lb;
            if (toggleA) {
                la ^= 1;
                a.edge(la == 1, t);
            } else {
                lb ^= 1;
                b.edge(lb == 1, t);
            }
            t += 10;
        }
        return new ScriptedFeed[] {a, b};
    }

    private static int[] run(int forward, int backward) {
        int[] s = new int[forward + backward];
        for (int i = 0; i < s.length; i++) {
            s[i] = i < forward ? 1 : -1;
        }
        return s;
    }

    private static List<Long> positions(Executor ex, Quadrature q, int n) {
        List<Long> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(ex.blockOn(q.next()).position());
        }
        return out;
    }

    @Test
    void exactPositionWithKnownLevels() {
        ScriptedFeed[] s = drive(run(8, 3));
        try (Executor ex = Executor.create()) {
            Quadrature q = new Quadrature(s[0], s[1], false, false);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 7L, 6L, 5L), positions(ex, q, 11));
            assertEquals(0, q.missed());
        }
    }

    @Test
    void exactPositionWithLevelsLearnedFromTheFirstRecords() {
        ScriptedFeed[] s = drive(run(5, 7));
        try (Executor ex = Executor.create()) {
            Quadrature q = new Quadrature(s[0], s[1], null, null);
            List<Long> p = positions(ex, q, 12);
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 4L, 3L, 2L, 1L, 0L, -1L, -2L), p);
        }
    }

    @Test
    void backwardFirst() {
        ScriptedFeed[] s = drive(run(0, 4));
        try (Executor ex = Executor.create()) {
            assertEquals(List.of(-1L, -2L, -3L, -4L), positions(ex, new Quadrature(s[0], s[1], false, false), 4));
        }
    }

    @Test
    void aRepeatedLevelIsAMissedTransition() {
        ScriptedFeed a = new ScriptedFeed("D2").edge(true, 10).edge(true, 30).edge(false, 50);
        ScriptedFeed b = new ScriptedFeed("D3").edge(true, 20);
        try (Executor ex = Executor.create()) {
            Quadrature q = new Quadrature(a, b, false, false);
            assertEquals(1, ex.blockOn(q.next()).position()); // A up: 10
            assertEquals(2, ex.blockOn(q.next()).position()); // B up: 11
            MeasureLostException l = assertThrows(MeasureLostException.class, () -> ex.blockOn(q.next()));
            assertEquals(1, l.count());
            assertTrue(l.getMessage().contains("D2/D3: encoder position unknown"), l.getMessage());
            assertEquals(3, ex.blockOn(q.next()).position()); // A down from 11: 01, forward
            assertEquals(1, q.missed());
        }
    }

    @Test
    void aLossOnEitherChannelIsReportedAndTheChannelResyncs() {
        ScriptedFeed a = new ScriptedFeed("D2").edge(true, 10).loss(3).edge(false, 50).edge(true, 70);
        ScriptedFeed b = new ScriptedFeed("D3").edge(true, 20);
        try (Executor ex = Executor.create()) {
            Quadrature q = new Quadrature(a, b, false, false);
            assertEquals(1, ex.blockOn(q.next()).position());
            // The loss comes before B's edge at 20 (it has no time; it is at the head of A).
            MeasureLostException l = assertThrows(MeasureLostException.class, () -> ex.blockOn(q.next()));
            assertEquals(3, l.count());
            // B up at 20: A's level is unknown after the loss, so no direction, no step; A down at 50 sets A's
            // level; A up at 70 from (0, 1) to (1, 1) is backward.
            EncoderStep st = ex.blockOn(q.next());
            assertEquals(0, st.position());
            assertEquals(70, st.ticks());
        }
    }

    @Test
    void bothChannelsAtOneTickIsTwoMissedTransitions() {
        ScriptedFeed a = new ScriptedFeed("D2").edge(true, 10).edge(false, 40);
        ScriptedFeed b = new ScriptedFeed("D3").edge(true, 10).edge(false, 30);
        try (Executor ex = Executor.create()) {
            Quadrature q = new Quadrature(a, b, false, false);
            ex.blockOn(q.next()); // A up at 10: +1, taken back below
            MeasureLostException l = assertThrows(MeasureLostException.class, () -> ex.blockOn(q.next()));
            assertEquals(2, l.count());
            assertEquals(0, q.position());
            // From 11: B down at 30 -> 10 is backward, A down at 40 -> 00 backward.
            assertEquals(-1, ex.blockOn(q.next()).position());
            assertEquals(-2, ex.blockOn(q.next()).position());
        }
    }
}
