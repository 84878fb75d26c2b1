package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.BoardNakException;
import io.wakewire.board.ModuleMissingException;
import io.wakewire.board.PinException;
import io.wakewire.board.Servo;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.EdgeStream;
import io.wakewire.pin.EdgesLostException;
import io.wakewire.pin.Level;
import io.wakewire.sim.PulseWidths;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.wire.NakCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Servos on the real firmware on a virtual Uno: the pulses the board actually makes, measured by
 * the virtual board from the pins' changes in simulated cycles (vboard's {@code widths}), within
 * one timer tick of the request (8 cycles on Timer1's D9, 64 on the interrupt-driven pins) while
 * edges stream from D2; the refusals (bad input before anything is sent, PWM on a servo's timer
 * from the board); the servos restored after a reset; the module missing on the core-only build.
 *
 * <p>The interrupt-driven servos are on D7 and A2, not on PORTB: simavr lets any write to PORTB
 * (another pin's pulse, a digital write) end a Timer1 pulse on D9 early, as if the port drove
 * the pin; on the chip the compare output overrides the port.
 */
@Timeout(120)
class ServoTest {

    private static final long FRAME_CYCLES = 320_000; // 20 ms at 16 MHz

    @Test
    void pulsesAreWhatWasAskedWithinOneTickWhileEdgesFlow() {
        VirtualRig.onBoard(VirtualRig.start("uno"), (rig, b) -> {
            Servo hw = b.servo("D9");
            Servo a = b.servo("D7");
            Servo c = b.servo("A2").calibrate(Duration.ofNanos(500_000), Duration.ofNanos(2_500_000));
            assertTrue(hw.hardware() && !a.hardware() && !c.hardware());
            assertEquals(Duration.ofNanos(500), hw.resolution());
            assertEquals(Duration.ofNanos(4_000), a.resolution());

            rig.vboard.set("D2", false);
            EdgeStream edges = b.pin("D2").edges(EdgeFilter.BOTH);
            var first = Async.spawn("first", edges.next());
            await(Futures.sleep(Duration.ofMillis(100))); // armed

            await(hw.angle(90));                               // 544 + 928 = 1472 us
            await(a.pulse(Duration.ofNanos(1_000_000)));        // 1000 us
            await(c.angle(30));                                 // 500 + 333.3 = 833.3 us
            await(Futures.sleep(Duration.ofMillis(60)));         // the new pulses are in every frame now
            for (String p : new String[] {"D9", "D7", "A2"}) {
                rig.vboard.widths(p);                           // measure from here on
            }
            int sent = 4000;
            rig.vboard.wave("D2", Duration.ofNanos(100_000), sent); // 20,000 edges/s for 200 ms
            long got = 1, lost = 0;
            await(Futures.timeout(first, Duration.ofSeconds(10)));
            while (got + lost < sent) {
                try {
                    await(Futures.timeout(edges.next(), Duration.ofSeconds(10)));
                    got++;
                } catch (EdgesLostException l) {
                    lost += l.count();
                }
            }
            await(Futures.sleep(Duration.ofMillis(100)));
            check(rig.vboard.widths("D9"), 1472.0, 8);
            check(rig.vboard.widths("D7"), 1000.0, 64);
            check(rig.vboard.widths("A2"), 500 + 2000 / 6.0, 64);
            assertEquals(sent, got + lost, "edges while the servos ran");

            await(hw.angle(180));                              // moved while attached
            await(a.angle(0));
            await(Futures.sleep(Duration.ofMillis(60)));
            rig.vboard.widths("D9");
            rig.vboard.widths("D7");
            await(Futures.sleep(Duration.ofMillis(250)));
            check(rig.vboard.widths("D9"), 2400.0, 8);
            check(rig.vboard.widths("D7"), 544.0, 64);
        });
    }

    /**
     * The board resets: it starts without servos, and before it is READY again the session has sent
     * each attached servo its last pulse (hardware and interrupt-driven alike); a detached one stays
     * without pulses, and so does one whose pin was written since (the firmware detached it, and
     * the pin gets its level back instead).
     */
    @Test
    void aResetBringsTheAttachedServosBackWhereTheyWere() {
        VirtualRig.onBoard(VirtualRig.start("uno"), (rig, b) -> {
            Servo hw = b.servo("D9");
            Servo a = b.servo("D7");
            Servo gone = b.servo("A2");
            await(hw.angle(90));                               // 1472 us
            await(a.pulse(Duration.ofNanos(1_000_000)));
            await(gone.angle(45));
            await(gone.detach());
            Servo written = b.servo("D8");
            await(written.angle(120));
            await(b.pin("D8").write(Level.HIGH));              // the firmware detaches it
            await(Futures.sleep(Duration.ofMillis(60)));
            rig.vboard.widths("D9");
            await(Futures.sleep(Duration.ofMillis(250)));
            check(rig.vboard.widths("D9"), 1472.0, 8);       // the pulses before the reset

            rig.vboard.reset();
            // connects counts each time the board became READY, after the restore
            for (int i = 0; i < 500 && b.stats().connects() < 2; i++) {
                await(Futures.sleep(Duration.ofMillis(10)));
            }
            assertEquals(1, b.stats().resets(), "the reset was seen");
            assertEquals(2, b.stats().connects(), "ready again after the reset");
            await(Futures.sleep(Duration.ofMillis(60)));
            for (String p : new String[] {"D9", "D7", "A2", "D8"}) {
                rig.vboard.widths(p);                           // measure from here on
            }
            await(Futures.sleep(Duration.ofMillis(250)));
            check(rig.vboard.widths("D9"), 1472.0, 8);
            check(rig.vboard.widths("D7"), 1000.0, 64);
            assertEquals(0, rig.vboard.widths("A2").count(), "the detached servo stays detached");
            assertEquals(0, rig.vboard.widths("D8").count(), "the written pin's servo stays detached");
            assertEquals(Level.HIGH, await(b.pin("D8").read()).level(), "the written pin has its level back");
            assertEquals(0, b.stats().restoresRefused());
        });
    }

    /** At least 10 frames, every width within tol cycles of the asked microseconds, frames 20 ms apart. */
    private static void check(PulseWidths w, double askedUs, long tol) {
        long want = Math.round(askedUs * 16);
        assertTrue(w.count() >= 10, w + ": too few pulses measured");
        assertTrue(Math.abs(w.min() - want) <= tol && Math.abs(w.max() - want) <= tol,
                w + ": widths " + w.min() + ".." + w.max() + " cycles, asked " + want + " +- " + tol);
        assertTrue(Math.abs(w.periodMin() - FRAME_CYCLES) <= 2 * tol && Math.abs(w.periodMax() - FRAME_CYCLES) <= 2 * tol,
                w + ": frames " + w.periodMin() + ".." + w.periodMax() + " cycles, want " + FRAME_CYCLES);
    }

    @Test
    void badInputIsRefusedBeforeSendingAndTheTimerIsHeldBothWays() {
        VirtualRig.onBoard(VirtualRig.start("uno"), (rig, b) -> {
            Servo s = b.servo("D9");
            long sent = b.stats().framesSent();
            PinException e = assertThrows(PinException.class, () -> s.angle(181));
            assertTrue(e.getMessage().contains("D9") && e.getMessage().contains("0..180"), e.getMessage());
            assertThrows(PinException.class, () -> s.angle(-1));
            PinException p = assertThrows(PinException.class, () -> s.pulse(Duration.ofNanos(2_450_000)));
            assertTrue(p.getMessage().contains("calibration"), p.getMessage());
            assertThrows(PinException.class, () -> s.calibrate(Duration.ofNanos(100_000), Duration.ofNanos(2_000_000)));
            assertThrows(PinException.class, () -> b.servo("D1")); // the serial line
            assertThrows(PinException.class, () -> b.servo("D99"));
            assertEquals(sent, b.stats().framesSent(), "nothing was sent");

            rig.vboard.widths("D9");
            await(s.angle(0));
            BoardNakException busy = assertThrows(BoardNakException.class, () -> await(b.pin("D10").pwm(0.5)));
            assertEquals(NakCode.BUSY, busy.code());
            assertTrue(busy.getMessage().contains("servo"), busy.getMessage());
            await(s.detach());
            await(b.pin("D10").pwm(0.5)); // Timer1 is the pwm module's again
            BoardNakException held = assertThrows(BoardNakException.class, () -> await(s.angle(10)));
            assertEquals(NakCode.BUSY, held.code());
            await(b.pin("D10").write(Level.LOW)); // PWM off: the servo may have Timer1
            await(s.angle(180));
            await(Futures.sleep(Duration.ofMillis(100)));
            PulseWidths w = rig.vboard.widths("D9");
            assertTrue(w.count() > 0 && w.last() == 2400 * 16, w.toString());
            await(b.pin("D9").write(Level.LOW)); // a write detaches
            rig.vboard.widths("D9");
            await(Futures.sleep(Duration.ofMillis(100)));
            assertEquals(0, rig.vboard.widths("D9").count(), "pulses after a digital write on the pin");
        });
    }

    @Test
    void theCoreAloneHasNoServoModule() {
        VirtualRig.onBoard(VirtualRig.startCore("uno"), (rig, b) -> {
            long sent = b.stats().framesSent();
            ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.servo("D9").angle(90));
            assertTrue(e.getMessage().contains("'servo'"), e.getMessage());
            assertEquals(sent, b.stats().framesSent());
            assertFalse(b.modules().contains(io.wakewire.board.FirmwareModule.SERVO));
        });
    }
}
