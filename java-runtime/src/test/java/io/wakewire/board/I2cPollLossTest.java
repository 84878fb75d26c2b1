package io.wakewire.board;

import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.wire.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** I2C_POLL readings on the host: numbers past 16 bits, gaps counted as losses, NAKs typed. */
@Timeout(20)
class I2cPollLossTest extends FakeBoardTest {

    private static byte[] reading(int seq, long ts, int... data) {
        byte[] p = new byte[7 + data.length];
        p[0] = (byte) seq;
        p[1] = (byte) (seq >> 8);
        for (int i = 0; i < 4; i++) {
            p[2 + i] = (byte) (ts >> 8 * i);
        }
        for (int i = 0; i < data.length; i++) {
            p[7 + i] = (byte) data[i];
        }
        return p;
    }

    @Test
    void aGapInTheReadingNumbersIsCountedOnTheNextReadingAndTheNumbersRunPast16Bits() {
        fake.capabilities = 0x3F | Answer.HelloInfo.CAP_I2C;
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                I2cBus i2c = await(b.i2c(100_000));
                assertEquals(48, i2c.boardQueueBytes());
                I2cPoll poll = await(i2c.poll(0x76, 0xFA, 2, Duration.ofMillis(10)));
                int[] seqs = {65534, 65535, 0, 3, 4};
                for (int s : seqs) {
                    fake.rawFrame(0x14, reading(s, 1000L + 2500L * ((s - 65534) & 0xFFFF), 0x7E, 0xED));
                }
                List<I2cReading> rs = new ArrayList<>();
                for (int i = 0; i < seqs.length; i++) {
                    rs.add(await(poll.next()));
                }
                assertEquals(List.of(65534L, 65535L, 65536L, 65539L, 65540L), rs.stream().map(I2cReading::number).toList());
                assertEquals(List.of(0, 0, 0, 2, 0), rs.stream().map(I2cReading::lostBefore).toList());
                assertEquals(2, poll.lost());
                assertEquals(2500 * 4000L, rs.get(1).boardNanos() - rs.get(0).boardNanos(), "board time from the ticks");
                assertEquals(0x7EED, rs.get(4).u16be());
            } finally {
                b.close();
            }
            return null;
        }));
    }

    /** Closing the poll's stream ends a next() another task awaits: it fails, saying the stream is stopped. */
    @Test
    void closingEndsTheNextAnotherTaskAwaits() {
        fake.capabilities = 0x3F | Answer.HelloInfo.CAP_I2C;
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                I2cBus i2c = await(b.i2c(100_000));
                I2cPoll poll = await(i2c.poll(0x76, 0xFA, 2, Duration.ofMillis(10)));
                var waiting = Async.spawn("reading", poll.next());
                await(Futures.sleep(Duration.ofMillis(20)));
                poll.close();
                Throwable e = EndedWaits.failureOf(waiting);
                assertTrue(e instanceof IllegalStateException && e.getMessage().contains("stopped"), String.valueOf(e));
            } finally {
                b.close();
            }
            return null;
        }));
    }

    @Test
    void anAddressNakIsTypedAndBadInputIsRefusedBeforeSending() {
        fake.capabilities = 0x3F | Answer.HelloInfo.CAP_I2C;
        ex.blockOn(Async.async(() -> {
            Board b = await(TestBoards.connect(pair));
            try {
                I2cBus i2c = await(b.i2c(400_000));
                I2cNakException e = assertThrows(I2cNakException.class, () -> await(i2c.read(0x40, 2)));
                assertTrue(e.addressNak() && e.address() == 0x40 && e.reason() == BoardException.Reason.I2C_FAILED, e.getMessage());
                long sent = b.stats().framesSent();
                assertThrows(IllegalArgumentException.class, () -> i2c.write(0x80));
                assertThrows(IllegalArgumentException.class, () -> i2c.writeRead(0x40, 256, 1));
                assertThrows(IllegalArgumentException.class, () -> i2c.read(0x40, 0));
                assertThrows(IllegalArgumentException.class, () -> b.i2c(200_000));
                assertEquals(sent, b.stats().framesSent(), "nothing sent for bad input");
            } finally {
                b.close();
            }
            return null;
        }));
    }
}
