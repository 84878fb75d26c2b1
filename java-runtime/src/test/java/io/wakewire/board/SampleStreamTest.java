package io.wakewire.board;

import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.wire.Answer;
import io.wakewire.wire.Command;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SampleStream against the fake board: the STREAM sent, samples in order, LOST markers and seq gaps in-band. */
@Timeout(20)
class SampleStreamTest extends FakeBoardTest {

    private static Sample next(SampleStream s) {
        return await(Futures.timeout(s.next(), Duration.ofSeconds(5)));
    }

    @Test
    void samplesAndLossesComeInBoardOrder() {
        fake.capabilities = 0x3F | Answer.HelloInfo.CAP_STREAM;
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try (SampleStream s = b.samples(500, "A0", "A1")) {
                var first = Async.spawn("first", s.next());
                await(Futures.sleep(Duration.ofMillis(50))); // the STREAM is out and ACKed
                assertEquals(1, fake.count(Command.Stream.class));
                fake.samples(new long[] {0, 512, 1000}, new long[] {1, 205, 1250}, new long[] {-1, 5},
                        new long[] {0, 511, 2750});
                Sample a = await(first);
                assertEquals("A0", a.pin());
                assertEquals(512, a.raw());
                Sample b1 = next(s);
                assertEquals("A1", b1.pin());
                assertEquals(250, b1.ticks() - a.ticks());
                SamplesLostException lost = assertThrows(SamplesLostException.class, () -> next(s));
                assertEquals(SamplesLostException.Cause.BOARD, lost.lossCause());
                assertEquals(5, lost.count());
                assertEquals(1750, next(s).ticks() - a.ticks());
                fake.loseFrames(1);
                fake.samples(new long[] {1, 100, 3000});
                SamplesLostException gap = assertThrows(SamplesLostException.class, () -> next(s));
                assertEquals(SamplesLostException.Cause.LINK, gap.lossCause());
                assertEquals(SamplesLostException.UNKNOWN, gap.count());
                assertEquals(100, next(s).raw());
            } finally {
                b.close();
            }
            return null;
        }));
    }

    /** Closing the stream ends a next() another task awaits (it fails, naming the closed stream) and stops the board's. */
    @Test
    void closingEndsTheNextAnotherTaskAwaits() {
        fake.capabilities = 0x3F | Answer.HelloInfo.CAP_STREAM;
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                SampleStream s = b.samples(500, "A0");
                var waiting = Async.spawn("sample", s.next());
                await(Futures.sleep(Duration.ofMillis(50))); // the STREAM is out and ACKed
                s.close();
                Throwable e = EndedWaits.failureOf(waiting);
                assertTrue(e instanceof IllegalStateException && e.getMessage().contains("closed"), String.valueOf(e));
                await(Futures.sleep(Duration.ofMillis(50)));
                assertEquals(2, fake.count(Command.Stream.class), "the STREAM, then its stop");
            } finally {
                b.close();
            }
            return null;
        }));
    }

    @Test
    void aBoardWithoutTheModuleIsRefusedBeforeAnythingIsSent() {
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                long before = b.stats().framesSent();
                ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.pin("A0").samples(1000));
                assertTrue(e.getMessage().contains("needs the firmware module 'stream'"), e.getMessage());
                assertEquals(before, b.stats().framesSent());
            } finally {
                b.close();
            }
            return null;
        }));
        assertEquals(0, fake.count(Command.Stream.class));
    }
}
