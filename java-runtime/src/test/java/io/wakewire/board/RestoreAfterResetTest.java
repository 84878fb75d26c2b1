package io.wakewire.board;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wakewire.pin.Level;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.wire.Command;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * After a reset the session puts the pins back; a step the board now refuses is forgotten and
 * counted, and the rest is restored (the firmware refusing one pin must not end the session, nor
 * be replayed at every reconnect). Real firmware cannot be made to refuse a state it took before
 * its reset, so the fake board does it.
 */
class RestoreAfterResetTest extends OnVirtualTime {

    @Test
    void aStateTheBoardRefusesAfterAResetIsForgottenCountedAndTheRestRestored() {
        List<String> restored = ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                await(b.pin("D13").write(Level.HIGH));
                await(b.pin("D12").write(Level.HIGH));
                fake.badPins.add(13); // the board comes back refusing pin 13
                int before = fake.received.size();
                resetAndAwaitReady(b, 2);
                assertEquals(2, b.stats().connects(), "ready again after the reset");
                assertEquals(1, b.stats().restoresRefused());
                assertEquals(1, b.stats().resets());
                await(b.ping()); // the session goes on

                // the refused state is not replayed at the next reset
                int second = fake.received.size();
                resetAndAwaitReady(b, 3);
                assertEquals(3, b.stats().connects());
                assertEquals(1, b.stats().restoresRefused(), "pin 13 was forgotten");
                assertTrue(fake.received.subList(second, fake.received.size()).stream()
                        .noneMatch(c -> c instanceof Command.DigitalWrite w && w.pin() == 13));
                return fake.received.subList(before, second).stream()
                        .filter(c -> c instanceof Command.DigitalWrite)
                        .map(c -> "D" + ((Command.DigitalWrite) c).pin() + "=" + ((Command.DigitalWrite) c).level())
                        .toList();
            } finally {
                b.close();
            }
        }));
        assertEquals(List.of("D12=1"), restored, "after the first reset: D12 written again; D13's mode was refused first");
    }

    /** Resets the fake board and waits (2 s of virtual time at most) for the session's {@code connects}-th handshake. */
    private void resetAndAwaitReady(Board b, long connects) {
        fake.reset(1);
        for (int i = 0; i < 200 && b.stats().connects() < connects; i++) {
            await(Futures.sleep(Duration.ofMillis(10)));
        }
    }
}
