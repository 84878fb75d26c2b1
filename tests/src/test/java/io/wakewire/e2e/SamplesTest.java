package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.ModuleMissingException;
import io.wakewire.board.PinException;
import io.wakewire.board.Sample;
import io.wakewire.board.SampleStream;
import io.wakewire.board.SamplesLostException;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Board-timed sampling (module stream) on the real firmware: intervals from the board's own
 * timestamps, the round-robin, the values the virtual board puts on the pins, loss counted in
 * order when the host stops reading, and every refusal before anything is sent.
 */
@Timeout(90)
class SamplesTest {

    private static Sample next(SampleStream s) {
        return await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
    }

    @Test
    void oneKilohertzOnA0IsEvenlySpacedByTheBoardsTicksAndFollowsTheVoltage() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.adc("A0", 2500);
                    try (SampleStream s = b.pin("A0").samples(1000)) {
                        assertEquals(250, s.intervalTicks());
                        Sample prev = next(s);
                        int exact = 0;
                        for (int i = 0; i < 300; i++) {
                            Sample x = next(s);
                            long d = x.ticks() - prev.ticks();
                            assertTrue(Math.abs(d - 250) <= 1, "sample " + i + " " + d + " ticks after the one before");
                            exact += d == 250 ? 1 : 0;
                            assertEquals("A0", x.pin());
                            if (i < 100) {
                                assertTrue(Math.abs(x.raw() - 512) <= 3, "2.5 V read as " + x.raw());
                            }
                            if (i == 100) {
                                rig.vboard.adc("A0", 1000);
                            }
                            prev = x;
                        }
                        assertTrue(Math.abs(prev.raw() - 205) <= 3, "1.0 V read as " + prev.raw());
                        assertTrue(exact >= 290, exact + " of 300 intervals exactly 250 ticks (the rest one tick off: "
                                + "simavr's separate prescalers)");
                    }
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void twoPinsRoundRobin() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    rig.vboard.adc("A0", 2500);
                    rig.vboard.adc("A1", 1000);
                    try (SampleStream s = b.samples(500, "A0", "A1")) {
                        assertEquals(250, s.intervalTicks());
                        Sample prev = next(s);
                        for (int i = 0; i < 200; i++) {
                            Sample x = next(s);
                            assertTrue(!x.pin().equals(prev.pin()), "alternating: " + prev + " then " + x);
                            assertTrue(Math.abs(x.ticks() - prev.ticks() - 250) <= 1, "250 ticks apart: " + prev + " " + x);
                            assertTrue(Math.abs(x.raw() - (x.pin().equals("A0") ? 512 : 205)) <= 3, x.toString());
                            prev = x;
                        }
                        await(s.stop());
                    }
                    // stopped: the ADC is free again for a plain read
                    assertTrue(Math.abs(await(b.pin("A0").analogRead()).raw() - 512) <= 3);
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    /**
     * The host stops reading at 5,000 samples/s with room for 200: the stream keeps the first 200,
     * then one HOST_BUFFER loss with the count dropped, then samples again; received + lost equals
     * the samples the board took by its timestamps, exactly.
     */
    @Test
    void aReaderThatStopsGetsItsLossCountedInOrder() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect(VirtualRig.options().withEdgeBuffer(200)));
                try {
                    try (SampleStream s = b.pin("A2").samples(5000)) {
                        Sample first = next(s);
                        await(Futures.sleep(Duration.ofMillis(400)));
                        long received = 1, lost = 0;
                        Sample last = first;
                        SamplesLostException loss = null;
                        boolean endsOnLoss = false;
                        // until 3,000 are accounted for and the last is a sample: a loss after the last
                        // sample would be counted but lie outside the span its tick measures
                        while (received + lost < 3000 || endsOnLoss) {
                            try {
                                last = next(s);
                                received++;
                                endsOnLoss = false;
                            } catch (SamplesLostException e) {
                                endsOnLoss = true;
                                assertTrue(loss == null || e.lossCause() != SamplesLostException.Cause.HOST_BUFFER,
                                        "one HOST_BUFFER loss: " + e.getMessage());
                                loss = e;
                                assertTrue(e.count() > 0, e.getMessage());
                                lost += e.count();
                            }
                        }
                        assertTrue(loss != null && loss.lossCause() == SamplesLostException.Cause.HOST_BUFFER, "no loss reported");
                        // each stamp is within one tick of its nominal trigger (simavr runs the ADC's
                        // prescaler apart from Timer1's), so the span is rounded, not truncated
                        long taken = Math.round((last.ticks() - first.ticks()) / 50.0) + 1;
                        assertEquals(taken, received + lost, "received " + received + " + lost " + lost);
                    }
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void badRequestsAreRefusedBeforeAnythingIsSent() {
        try (VirtualRig rig = VirtualRig.start("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    long sent = b.stats().framesSent();
                    PinException rate = assertThrows(PinException.class, () -> b.pin("A0").samples(1234));
                    assertTrue(rate.getMessage().contains("1234 Hz"), rate.getMessage());
                    assertThrows(PinException.class, () -> b.pin("A0").samples(10_000)); // 25 ticks: faster than the ADC
                    assertThrows(PinException.class, () -> b.samples(5000, "A0", "A1")); // 10,000 conversions/s
                    PinException noAdc = assertThrows(PinException.class, () -> b.pin("D2").samples(1000));
                    assertTrue(noAdc.getMessage().contains("no ADC channel"), noAdc.getMessage());
                    assertEquals(sent, b.stats().framesSent(), "nothing sent");
                    try (SampleStream one = b.pin("A0").samples(1000)) {
                        next(one);
                        SampleStream two = b.pin("A1").samples(1000);
                        PinException busy = assertThrows(PinException.class, () -> await(two.next()));
                        assertTrue(busy.getMessage().contains("already running"), busy.getMessage());
                    }
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void aBoardWithoutTheModuleIsRefusedByName() {
        try (VirtualRig rig = VirtualRig.startCore("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.pin("A0").samples(1000));
                    assertTrue(e.getMessage().contains("'stream'"), e.getMessage());
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }
}
