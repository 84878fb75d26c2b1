package io.wakewire.board;

import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input to the pin measurements: a one-line error naming the board and the pins, before anything is sent. */
@Timeout(20)
class PinMeasuresTest extends FakeBoardTest {

    @Test
    void badArgumentsFailBeforeAnythingIsSent() {
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                long before = b.stats().framesSent();
                PinException same = assertThrows(PinException.class, () -> b.pin("D2").encoder(b.pin("D2"), null, null));
                assertEquals("uno@mem: encoder(D2, D2): A and B are the same pin", same.getMessage());
                assertThrows(IllegalArgumentException.class, () -> b.pin("D2").encoder(null, null, null));
                PinException echo = assertThrows(PinException.class,
                        () -> b.pin("D7").distance(b.pin("D7"), Duration.ofMillis(60)));
                assertTrue(echo.getMessage().startsWith("uno@mem: distance(D7 -> D7): trigger and echo are the same pin"),
                        echo.getMessage());
                PinException timeout = assertThrows(PinException.class,
                        () -> b.pin("D7").distance(b.pin("D2"), Duration.ZERO));
                assertTrue(timeout.getMessage().contains("timeout PT0S is not positive"), timeout.getMessage());
                PinException periods = assertThrows(PinException.class, () -> b.pin("D2").frequency(0));
                assertEquals("uno@mem: frequency(D2): periods 0 is not >= 1", periods.getMessage());
                assertThrows(IllegalArgumentException.class, () -> b.pin("D2").pulses(null));
                assertThrows(PinException.class, () -> b.pin("D99").pulses(Level.HIGH));
                // Building a measurement sends nothing either: the pin is armed at the first await.
                b.pin("D2").pulses(Level.HIGH);
                b.pin("D2").encoder(b.pin("D3"), Level.LOW, Level.LOW);
                assertEquals(before, b.stats().framesSent(), "nothing was sent");
            } finally {
                b.close();
            }
            return null;
        }));
    }
}
