package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.pin.Level;
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

    /**
     * Pulses narrower than the edge interrupt (about 12-16 µs) read as its duration: marked not
     * exact, never read shorter than they were. D2 (INT0) and D8 (PCINT0). A pulse whose two edges
     * both pass while another interrupt holds the CPU (the clock's, the serial line's: where the
     * pattern falls among them depends on when it starts) cannot be read at all: the board reports
     * the edges merged, a counted loss in its place (and the pulse after it resynchronises the
     * reading), never a wrong width; so is any other loss (a full ring on the board). Two wide
     * pulses end the train, 100 µs then 200 µs (the second in case the first is the one that
     * resynchronises): the narrow ones are found by their start ticks before the first wide one.
     */
    @Test
    void narrowPulsesAreMarkedNotExact() {
        long[] narrow = {64, 128, 160, 192, 224}; // 4, 8, 10, 12, 14 µs
        long gap = 3200;
        long wide = 1600;                          // 100 µs, then twice that
        for (String pin : List.of("D2", "D8")) {
            long[] highs = java.util.Arrays.copyOf(narrow, narrow.length + 2);
            highs[narrow.length] = wide;
            highs[narrow.length + 1] = 2 * wide;
            List<Object> got = outcomes(pin, highs, gap,
                    out -> out.get(out.size() - 1) instanceof Pulse q && q.exact() && q.widthTicks() >= wide / 64 - 1);
            Pulse end = (Pulse) got.get(got.size() - 1);
            long endsAfterFirstWide = end.widthTicks() > 3 * wide / 128 ? wide + gap : 0; // the 200 µs one was read first
            int measured = 0;
            List<String> losses = new ArrayList<>();
            long hidden = 0; // pulses the losses may stand for
            for (Object o : got.subList(0, got.size() - 1)) {
                if (o instanceof MeasureLostException e) {
                    // counted, never a wrong width: edges that passed unread (merged, the same level
                    // twice) or that the board had no room for; each stands for its edges, two to a
                    // pulse, and the pulse after it that resynchronises the reading
                    hidden += e.countKnown() ? (e.count() + 1) / 2 + 1 : narrow.length;
                    losses.add(e.getMessage());
                    continue;
                }
                Pulse p = (Pulse) o;
                // which narrow pulse: by its start, counted back from the last one's (whole cycles, 64 a tick)
                long before = endsAfterFirstWide;
                int which = -1;
                for (int i = narrow.length - 1; i >= 0; i--) {
                    before += narrow[i] + gap;
                    if (Math.abs(end.startTicks() - p.startTicks() - before / 64) <= 8) {
                        which = i;
                    }
                }
                assertTrue(which >= 0, pin + ": " + p + " starts where no narrow pulse was driven (last starts at "
                        + end.startTicks() + ")");
                assertTrue(!p.exact(), pin + " pulse " + which + " of " + narrow[which] + " cycles read " + p.widthTicks()
                        + " ticks and marked exact");
                assertTrue(p.widthNanos() >= narrow[which] * NS_PER_CYCLE - p.tickNanos(), pin + " pulse " + which
                        + " read shorter than driven");
                measured++;
            }
            System.out.printf("%s: %d narrow pulses read (not exact), losses reported: %s%n", pin, measured, losses);
            assertTrue(measured + hidden >= narrow.length, pin + ": " + measured + " read and the losses " + losses
                    + " do not account for " + narrow.length + " pulses");
            assertTrue(measured >= 1, pin + ": no narrow pulse read");
        }
    }

    /**
     * Drives {@code highs} (cycles, {@code gap} cycles low between) on {@code pin} after a resting
     * pulse, and collects what the reading gives, pulses and losses in order, until {@code done}.
     */
    private List<Object> outcomes(String pin, long[] highs, long gap, java.util.function.Predicate<List<Object>> done) {
        long[] intervals = new long[2 * highs.length - 1];
        for (int i = 0; i < highs.length; i++) {
            intervals[2 * i] = highs[i];
            if (i + 1 < highs.length) {
                intervals[2 * i + 1] = gap;
            }
        }
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            return ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try (Pulses p = b.pin(pin).pulses(Level.HIGH)) {
                    rig.vboard.set(pin, false);
                    await(p.ready());
                    // A first pulse: its rise follows no record, so it is not measured (it may have begun
                    // before the stream); its fall is the resting record the pattern's widths start from.
                    rig.vboard.pulse(pin, Duration.ofMillis(1));
                    await(Futures.sleep(Duration.ofMillis(50)));
                    rig.vboard.pattern(pin, intervals);
                    List<Object> out = new ArrayList<>();
                    while (out.isEmpty() || !done.test(out)) {
                        try {
                            out.add(await(Futures.timeout(p.next(), WAIT)));
                        } catch (MeasureLostException e) {
                            out.add(e);
                        }
                        assertTrue(out.size() <= 2 * highs.length, pin + ": more outcomes than pulses driven: " + out);
                    }
                    return out;
                } finally {
                    b.close();
                }
            }));
        }
    }

    @Test
    void pulseWidthsWithinOneTickOfTheDrivenWidths() {
        // High widths in CPU cycles: 24 µs, 37 µs (not a whole tick), 100 µs, 250.5 µs, 1 ms, 7.3 ms; 200 µs low between.
        widths("D2", new long[] {384, 592, 1600, 4008, 16000, 116800});
        widths("D8", new long[] {384, 592, 1600, 4008, 16000, 116800});
    }

    /** Drives {@code widths} (cycles, 200 µs low between) and checks each pulse read: exact, within one tick. */
    private void widths(String pin, long[] widths) {
        List<Object> got = outcomes(pin, widths, 3200, out -> out.size() == widths.length);
        for (int i = 0; i < widths.length; i++) {
            if (got.get(i) instanceof MeasureLostException e) {
                throw new AssertionError(pin + " pulse " + i + ": lost, " + e.getMessage(), e);
            }
            Pulse p = (Pulse) got.get(i);
            double drivenNs = widths[i] * NS_PER_CYCLE;
            System.out.printf("%s pulse %d: driven %.1f us, measured %d ticks = %.1f us%s%n", pin, i, drivenNs / 1000,
                    p.widthTicks(), p.widthMicros(), p.exact() ? "" : " (not exact)");
            assertTrue(p.exact(), pin + " pulse " + i + " not exact");
            assertTrue(Math.abs(p.widthNanos() - drivenNs) <= p.tickNanos(), pin + " pulse " + i + ": measured "
                    + p.widthNanos() + " ns, driven " + drivenNs + " ns: more than one tick apart");
        }
    }

    /**
     * A pulse train faster than the board can send (41,667 edges/s against about 25,000): the ring
     * overflows and the board drops edges, counted. No wrong width comes out: every pulse given is
     * the width driven (24 µs, to a tick plus the interrupt's entry jitter under load), the rest are
     * losses reported in place.
     */
    @Test
    void anOverloadedPinGivesLossesNeverWrongWidths() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            long[] got = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try (Pulses p = b.pin("D2").pulses(Level.HIGH)) {
                    rig.vboard.set("D2", false);
                    await(p.ready());
                    long mark = rig.vboard.mark();
                    rig.vboard.command("wave D2 48us 20000"); // 10,000 pulses, 24 µs high, 24 µs low
                    long pulses = 0;
                    long losses = 0;
                    long wrong = 0;
                    long worst = 0;
                    boolean done = false;
                    for (;;) {
                        try {
                            Pulse x = await(Futures.timeout(p.next(), Duration.ofMillis(done ? 1000 : 5000)));
                            pulses++;
                            long err = Math.abs(x.widthNanos() - 24_000);
                            worst = Math.max(worst, err);
                            // Exact: within a tick plus the entry jitter; not exact (read 5 ticks or less): the
                            // true width is at most the reading plus a tick.
                            if (x.exact() ? err > 2 * x.tickNanos() : x.widthNanos() + x.tickNanos() < 24_000) {
                                wrong++;
                            }
                        } catch (MeasureLostException l) {
                            losses++;
                        } catch (TimedOutException t) {
                            // The last pulse can arrive before the generator reports DONE.
                            if (done || seen(rig, mark, "DONE wave D2")) {
                                break;
                            }
                            throw t;
                        }
                        done = done || seen(rig, mark, "DONE wave D2");
                    }
                    return new long[] {pulses, losses, wrong, worst};
                } finally {
                    b.close();
                }
            }));
            System.out.printf("overload: %d pulses measured, %d losses reported, %d wrong, worst %d ns off%n", got[0],
                    got[1], got[2], got[3]);
            assertTrue(got[1] > 0, "41,667 edges/s: the board was expected to overflow and report it");
            assertTrue(got[0] > 100, "too few pulses measured to say anything: " + got[0]);
            assertEquals(0, got[2], "pulses measured with a wrong width");
        }
    }

    @Test
    void frequencyOfASquareWave() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            io.wakewire.measure.Frequency f = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.set("D2", false);
                    // 1,234.5 Hz: a period of 12,961 cycles (810.06 µs, not a whole number of 4 µs ticks).
                    var measuring = Async.spawn("frequency", b.pin("D2").frequency(100));
                    await(Futures.sleep(Duration.ofMillis(300))); // armed
                    rig.vboard.command("wave D2 12961c 400");
                    return await(Futures.timeout(measuring, WAIT));
                } finally {
                    b.close();
                }
            }));
            double hz = 16e6 / 12961;
            System.out.printf("frequency: %.4f Hz measured over %d periods (%d ticks), driven %.4f Hz%n", f.hertz(),
                    f.periods(), f.spanTicks(), hz);
            // 100 periods span 1,296,100 cycles = 20,251.6 ticks: read to one tick, 1 part in 20,000.
            assertEquals(hz, f.hertz(), hz / 20_000.0 + 1e-9);
        }
    }

    /** What an encoder stream gave until it went quiet after the generator's last step. */
    record EncoderRun(List<EncoderStep> steps, long lossesReported, long missedCounted, long finalPosition,
                      String firstLoss) {
    }

    private EncoderRun encoder(VirtualRig rig, Executor ex, long stepCycles, int... runs) {
        return encoder(rig, ex, "D2", "D3", stepCycles, runs);
    }

    private EncoderRun encoder(VirtualRig rig, Executor ex, String pa, String pb, long stepCycles, int... runs) {
        return ex.blockOn(Async.async(() -> {
            Board b = await(rig.connect());
            try {
                rig.vboard.set(pa, false);
                rig.vboard.set(pb, false);
                Quadrature q = b.pin(pa).encoder(b.pin(pb), Level.LOW, Level.LOW);
                await(q.ready());
                long mark = rig.vboard.mark();
                rig.vboard.quad(pa, pb, stepCycles, runs);
                String firstLoss = null;
                long total = 0;
                for (int run : runs) {
                    total += Math.abs(run);
                }
                List<EncoderStep> steps = new ArrayList<>();
                long losses = 0;
                boolean done = false;
                for (;;) {
                    try {
                        steps.add(await(Futures.timeout(q.next(), Duration.ofMillis(done ? 1000 : 5000))));
                    } catch (MeasureLostException l) {
                        losses++;
                        firstLoss = firstLoss == null ? l.getMessage() : firstLoss;
                    } catch (TimedOutException t) {
                        if (done || seen(rig, mark, "DONE quad")) {
                            break; // the generator has finished (its DONE line may trail the last step) and nothing came
                        }
                        throw t;
                    }
                    done = done || seen(rig, mark, "DONE quad");
                    if (done && steps.size() + losses >= total) {
                        break; // as many steps (or losses) as were driven: no need to wait for silence
                    }
                }
                q.close();
                return new EncoderRun(steps, losses, q.missed(), q.position(), firstLoss);
            } finally {
                b.close();
            }
        }));
    }

    @Test
    void encoderPositionExactForAKnownSequence() {
        int[] runs = {+100, -30, +7, -120};
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            EncoderRun r = encoder(rig, ex, 1600, runs); // one step every 100 µs
            List<Long> expected = new ArrayList<>();
            long pos = 0;
            for (int run : runs) {
                for (int i = 0; i < Math.abs(run); i++) {
                    expected.add(pos += Integer.signum(run));
                }
            }
            List<Long> got = r.steps().stream().map(EncoderStep::position).toList();
            System.out.printf("encoder: %d steps, final position %d, %d losses%n", got.size(), r.finalPosition(),
                    r.lossesReported());
            assertEquals(0, r.lossesReported(), "losses at 10,000 steps/s");
            assertEquals(expected, got);
            assertEquals(-43, r.finalPosition());
            // Board timestamps 100 µs apart (25 ticks), within one tick.
            for (int i = 1; i < r.steps().size(); i++) {
                long dt = r.steps().get(i).ticks() - r.steps().get(i - 1).ticks();
                assertTrue(Math.abs(dt - 25) <= 1, "step " + i + " came " + dt + " ticks after the previous one");
            }
        }
    }

    @Test
    void aTooFastEncoderIsReportedAsMissedTransitionsNotSilent() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            EncoderRun r = encoder(rig, ex, 32, 400); // one step every 2 µs: faster than the edge interrupt
            tooFast(r, "INT pins");
        }
    }

    @Test
    void encoderOnPinChangePins() {
        // D4/D5 share PCINT2: one interrupt for both channels, the pin whose bit changed named by the firmware.
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            EncoderRun r = encoder(rig, ex, "D4", "D5", 1600, +50, -20);
            assertEquals(0, r.lossesReported(), "losses at 10,000 steps/s: " + r.firstLoss());
            assertEquals(70, r.steps().size());
            assertEquals(30, r.finalPosition());
            EncoderRun fast = encoder(rig, ex, "D4", "D5", 32, 400);
            tooFast(fast, "pin-change pins");
        }
    }

    private static void tooFast(EncoderRun r, String what) {
        System.out.printf("too-fast encoder (%s): %d steps seen of 400, final position %d, %d losses reported, "
                + "%d transitions counted missed; first: %s%n", what, r.steps().size(), r.finalPosition(),
                r.lossesReported(), r.missedCounted(), r.firstLoss());
        assertTrue(r.lossesReported() > 0, "400 steps at 2 µs each: no missed transition was reported");
        assertTrue(r.steps().size() < 400, "every step seen at 2 µs a step: the test did not drive too fast");
    }

    @Test
    void distanceOfAnHcSr04() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            rig.vboard.hcsr04("D7", "D2", 1000);
            rig.vboard.watch("D7");
            long mark = rig.vboard.mark();
            Distance d = ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    return await(b.pin("D7").distance(b.pin("D2"), Duration.ofMillis(500)));
                } finally {
                    b.close();
                }
            }));
            // The echo the model drove: 2 × 1 m at 343.2 m/s = 5827.5 µs = 93,240 cycles; read to one tick.
            double drivenNs = Math.round(2 * 1.0 / 343.2 * 16e6) * NS_PER_CYCLE;
            System.out.printf("distance: %.2f mm, echo %d ticks = %d ns, driven %.0f ns%n", d.millimeters(),
                    d.echoTicks(), d.echoNanos(), drivenNs);
            assertTrue(Math.abs(d.echoNanos() - drivenNs) <= d.tickNanos(), "echo width off by more than a tick");
            assertEquals(1000.0, d.millimeters(), 0.75); // a tick is 0.69 mm of distance
            // The trigger the host made with two writes: >= 10 µs (the sensor's minimum).
            long up = cycleOf(rig.vboard.awaitLine(mark, "PIN D7 1", WAIT));
            long down = cycleOf(rig.vboard.awaitLine(mark, l -> l.startsWith("PIN D7 0") && cycleOf(l) > up, WAIT));
            System.out.printf("trigger pulse: %.1f us%n", (down - up) / 16.0);
            assertTrue(down - up >= 160, "trigger pulse " + (down - up) + " cycles, under 10 µs");
        }
    }

    @Test
    void noEchoTimesOut() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            rig.vboard.hcsr04("D7", "D2", 0);
            NoEchoException e = assertThrows(NoEchoException.class, () -> ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    return await(b.pin("D7").distance(b.pin("D2"), Duration.ofMillis(100)));
                } finally {
                    b.close();
                }
            })));
            assertTrue(e.getMessage().startsWith("D2: no echo within 100 ms"), e.getMessage());
        }
    }

    private static boolean seen(VirtualRig rig, long mark, String prefix) {
        try {
            rig.vboard.awaitLine(mark, prefix, Duration.ZERO);
            return true;
        } catch (io.wakewire.sim.VirtualBoardException e) {
            return false;
        }
    }

    private static long cycleOf(String line) {
        return Long.parseLong(line.substring(line.indexOf('@') + 1).trim().split(" ")[0]);
    }
}
