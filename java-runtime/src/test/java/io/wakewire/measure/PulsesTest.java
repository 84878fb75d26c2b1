package io.wakewire.measure;

import io.wakewire.task.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class PulsesTest {

    @Test
    void widthsAreTheTimestampDifferencesAndAPulseBeforeTheFirstRestingRecordIsNotTaken() {
        // HIGH at 50 may have begun before the stream: no pulse from it.
        ScriptedFeed s = new ScriptedFeed("D2").edges(true, 50, 100, 200, 450, 1000, 1100);
        try (Executor ex = Executor.create()) {
            Pulses p = new Pulses(s, true);
            Pulse a = ex.blockOn(p.next());
            assertEquals(200, a.startTicks());
            assertEquals(250, a.widthTicks());
            assertEquals(1_000_000, a.widthNanos());
            assertEquals(100, ex.blockOn(p.next()).widthTicks());
            assertEquals(0, s.left());
        }
    }

    @Test
    void lowPulsesToo() {
        ScriptedFeed s = new ScriptedFeed("D2").edges(true, 10, 20, 70, 90);
        try (Executor ex = Executor.create()) {
            Pulse a = ex.blockOn(new Pulses(s, false).next());
            assertFalse(a.high());
            assertEquals(50, a.widthTicks()); // LOW at 20, HIGH at 70
        }
    }

    @Test
    void aLossInsideAPulseMakesItUnknownNotWrong() {
        ScriptedFeed s = new ScriptedFeed("D2").edges(false, 0, 10).loss(2).edges(false, 30, 40, 50);
        try (Executor ex = Executor.create()) {
            Pulses p = new Pulses(s, true);
            MeasureLostException l = assertThrows(MeasureLostException.class, () -> ex.blockOn(p.next()));
            assertEquals(2, l.count());
            assertTrue(l.getMessage().contains("high pulse unknown"), l.getMessage());
            // Not 40 - 10: the pulse that began at 10 is unknown; the next one starts after a resting record.
            assertEquals(10, ex.blockOn(p.next()).widthTicks());
            assertEquals(1, p.lossesReported());
        }
    }

    @Test
    void theSameLevelTwiceIsAMissedChange() {
        ScriptedFeed s = new ScriptedFeed("D2").edges(false, 0, 10).edge(true, 20).edges(false, 30, 40, 45);
        try (Executor ex = Executor.create()) {
            Pulses p = new Pulses(s, true);
            MeasureLostException l = assertThrows(MeasureLostException.class, () -> ex.blockOn(p.next()));
            assertEquals(1, l.count());
            assertEquals(5, ex.blockOn(p.next()).widthTicks()); // never 30 - 10 or 30 - 20
        }
    }
}
