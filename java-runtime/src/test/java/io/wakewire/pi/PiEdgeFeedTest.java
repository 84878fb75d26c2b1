package io.wakewire.pi;

import static io.wakewire.pin.Level.HIGH;
import static io.wakewire.pin.Level.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wakewire.measure.MeasureLostException;
import io.wakewire.measure.Pulse;
import io.wakewire.measure.Pulses;
import io.wakewire.task.Poll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The measurements on a Pi pin (Pi4J's mock plugin): the same operators as on a board pin. */
class PiEdgeFeedTest {

    private final PiGpio gpio = MockPi.gpio();
    private final ManualContext cx = new ManualContext();

    @AfterEach
    void close() {
        gpio.close();
    }

    @Test
    void pulseWidthsFromTheListenerTimestamps() {
        PiInput in = gpio.input(17);
        Pulses p = new Pulses(new PiEdgeFeed(in), true);
        assertTrue(cx.poll(p.ready()).isReady()); // the stream starts here
        MockPi.set(in, HIGH); // a first pulse: not measured (no low record before it), its fall syncs
        MockPi.set(in, LOW);
        long before = System.nanoTime();
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);
        long after = System.nanoTime();
        Poll<Pulse> got = cx.poll(p.next());
        assertTrue(got.isReady());
        assertEquals("GPIO17", got.value().pin());
        assertTrue(got.value().widthNanos() >= 0 && got.value().widthNanos() <= after - before, got.value().toString());
        assertEquals(1, got.value().tickNanos());
    }

    @Test
    void aFullBufferMakesThePulseUnknown() {
        PiInput in = gpio.input(17, InputOptions.defaults().withBuffer(2));
        Pulses p = new Pulses(new PiEdgeFeed(in), true);
        cx.poll(p.ready());
        MockPi.set(in, HIGH);
        MockPi.set(in, LOW);
        MockPi.set(in, HIGH); // dropped: the buffer holds 2
        MockPi.set(in, LOW); // dropped
        MeasureLostException l = assertThrows(MeasureLostException.class, () -> {
            for (int i = 0; i < 3; i++) {
                cx.poll(p.next());
            }
        });
        assertEquals(2, l.count());
    }
}
