package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.Level;
import io.wakewire.measure.Distance;
import io.wakewire.measure.EncoderStep;
import io.wakewire.measure.MeasureLostException;
import io.wakewire.measure.NoEchoException;
import io.wakewire.measure.Pulse;
import io.wakewire.measure.Pulses;
import io.wakewire.measure.Quadrature;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import io.wakewire.task.TimedOutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Pulse widths, encoder positions and HC-SR04 distances on the real firmware in a virtual Uno,
 * driven at exact simulated cycles (vboard's pattern, quad and hcsr04): every width within one
 * board tick (64 cycles, 4 µs) of the width driven, every encoder position exact, a too-fast
 * encoder reported as missed transitions, the distance within a tick's worth of the one set.
 */
@Timeout(120)
class MeasureTest {

    private static final double NS_PER_CYCLE = 62.5; // 16 MHz
    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void pulseWidthsWithinOneTickOfTheDrivenWidths() {
        // High widths in CPU cycles: 20 µs, 37 µs (not a whole tick), 100 µs, 250.5 µs, 1 ms, 7.3 ms; 200 µs low between.
        long[] widths = {320, 592, 1600, 4008, 16000, 116800};
        long[] intervals = new long[2 * widths.length - 1];
        for (int i = 0; i < widths.length; i++) {
            intervals[2 * i] = widths[i];
            if (i + 1 < widths.length) {
                intervals[2 * i + 1] = 3200;
            }
        }
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            List<Pulse> got = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.set("D2", false);
                    Pulses p = b.pin("D2").pulses(Level.HIGH);
                    await(p.ready());
                    // A first pulse: its rise follows no record, so it is not measured (it may have begun
                    // before the stream); its fall is the resting record the pattern's widths start from.
                    rig.vboard.pulse("D2", Duration.ofMillis(1));
                    await(Futures.sleep(Duration.ofMillis(50)));
                    rig.vboard.pattern("D2", intervals);
                    List<Pulse> out = new ArrayList<>();
                    while (out.size() < widths.length) {
                        out.add(await(Futures.timeout(p.next(), WAIT)));
                    }
                    p.close();
                    return out;
                } finally {
                    b.close();
                }
            }));
            List<Pulse> pattern = got;
            for (int i = 0; i < widths.length; i++) {
                Pulse p = pattern.get(i);
                double drivenNs = widths[i] * NS_PER_CYCLE;
                System.out.printf("pulse %d: driven %.1f us, measured %d ticks = %.1f us%n", i, drivenNs / 1000,
                        p.widthTicks(), p.widthMicros());
                assertTrue(Math.abs(p.widthNanos() - drivenNs) <= p.tickNanos(), "pulse " + i + ": measured "
                        + p.widthNanos() + " ns, driven " + drivenNs + " ns: more than one tick apart");
            }
        }
    }
}
