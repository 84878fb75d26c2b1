package io.wakewire.measure;

import io.wakewire.task.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

@Timeout(10)
class FrequencyTest {

    @Test
    void meanOverTheWindowOfRisingEdges() {
        // Rising edges at 10, 110, 210, 311, 410 (100-tick periods, one 1 tick late): 4 periods over 400 ticks.
        ScriptedFeed s = new ScriptedFeed("D2").edges(false, 0, 10, 60, 110, 160, 210, 260, 311, 360, 410);
        try (Executor ex = Executor.create()) {
            Frequency f = ex.blockOn(Frequency.measure(s, 4));
            assertEquals(400, f.spanTicks());
            assertEquals(2500.0, f.hertz(), 1e-9); // 4 / (400 × 4 µs)
            assertEquals(400_000.0, f.periodNanos(), 1e-9);
        }
    }

    @Test
    void aLossInTheWindowFailsIt() {
        ScriptedFeed s = new ScriptedFeed("D2").edges(false, 0, 10, 60).loss(-1).edges(true, 110, 160, 210);
        try (Executor ex = Executor.create()) {
            MeasureLostException l = assertThrows(MeasureLostException.class, () -> ex.blockOn(Frequency.measure(s, 2)));
            assertEquals(MeasureLostException.UNKNOWN, l.count());
        }
    }

    @Test
    void badPeriods() {
        assertThrows(IllegalArgumentException.class, () -> Frequency.measure(new ScriptedFeed("D2"), 0));
    }
}
