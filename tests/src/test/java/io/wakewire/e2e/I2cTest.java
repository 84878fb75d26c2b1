package io.wakewire.e2e;

import io.wakewire.board.Board;
import io.wakewire.board.BoardDisconnectedException;
import io.wakewire.board.BoardException;
import io.wakewire.board.BoardResetException;
import io.wakewire.board.I2cBus;
import io.wakewire.board.I2cBusException;
import io.wakewire.board.I2cNakException;
import io.wakewire.board.I2cPoll;
import io.wakewire.board.I2cReading;
import io.wakewire.board.ModuleMissingException;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Future;
import io.wakewire.task.Futures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.wakewire.task.Async.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The i2c module end to end: the host's I2cBus, the real firmware, and I2C devices modelled in the
 * virtual board (native/vboard/src/i2c_devices.c, on simavr's TWI): a 24C32 EEPROM at 0x50, a
 * BMP280 at 0x76, a device at 0x30 that NAKs data, and SDA held low on demand.
 */
@Timeout(90)
class I2cTest {

    private static VirtualRig rig() {
        return VirtualRig.start("uno", VirtualBoardOptions.defaults()
                .withExtraArgs(List.of("--i2c", "eeprom", "--i2c", "bmp280", "--i2c", "nak")));
    }

    private static byte[] bytes(int... v) {
        byte[] b = new byte[v.length];
        for (int i = 0; i < v.length; i++) {
            b[i] = (byte) v[i];
        }
        return b;
    }

    @Test
    void eepromPageWriteSequentialReadSensorRegistersAndNaks() {
        try (VirtualRig rig = rig(); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    I2cBus i2c = await(b.i2c(400_000));
                    assertTrue(i2c.boardQueueBytes() >= 36, "queue " + i2c.boardQueueBytes());
                    // a page write of 20 bytes at 0x0FF0: the last 4 wrap to the page's start 0x0FE0
                    byte[] page = new byte[22];
                    page[0] = 0x0F;
                    page[1] = (byte) 0xF0;
                    for (int i = 0; i < 20; i++) {
                        page[2 + i] = (byte) (0xA0 + i);
                    }
                    await(i2c.write(0x50, page));
                    byte[] got = await(i2c.writeRead(0x50, bytes(0x0F, 0xE0), 32));
                    byte[] want = new byte[32];
                    Arrays.fill(want, (byte) 0xFF);
                    for (int i = 0; i < 4; i++) {
                        want[i] = (byte) (0xA0 + 16 + i);
                    }
                    for (int i = 0; i < 16; i++) {
                        want[16 + i] = (byte) (0xA0 + i);
                    }
                    assertArrayEquals(want, got, "sequential read of the page");
                    // a read alone continues where the last one stopped (0x1000 wraps to 0x0000: erased)
                    assertArrayEquals(bytes(0xFF, 0xFF), await(i2c.read(0x50, 2)));

                    assertArrayEquals(bytes(0x58), await(i2c.writeRead(0x76, 0xD0, 1)), "BMP280 chip id");
                    assertArrayEquals(bytes(0x65, 0x5A, 0xC0, 0x7E, 0xED, 0x00), await(i2c.writeRead(0x76, 0xF7, 6)));

                    I2cNakException a = assertThrows(I2cNakException.class, () -> await(i2c.writeRead(0x22, 0, 2)));
                    assertTrue(a.addressNak() && a.address() == 0x22, a.getMessage());
                    I2cNakException d = assertThrows(I2cNakException.class, () -> await(i2c.write(0x30, 1, 2)));
                    assertFalse(d.addressNak(), d.getMessage());

                    assertEquals(List.of(0x30, 0x50, 0x76), await(i2c.scan()));

                    // bad input: refused before anything is sent
                    long sent = b.stats().framesSent();
                    assertThrows(IllegalArgumentException.class, () -> i2c.read(0x80, 1));
                    assertThrows(IllegalArgumentException.class, () -> i2c.read(0x50, 33));
                    assertThrows(IllegalArgumentException.class, () -> i2c.write(0x50, new byte[33]));
                    assertThrows(IllegalArgumentException.class, () -> i2c.poll(0x76, 0xFA, 2, Duration.ofNanos(1500)));
                    assertEquals(sent, b.stats().framesSent(), "nothing was sent for bad input");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void manyTransactionsAwaitedTogetherAllCompleteInOrderOfTheQueue() {
        try (VirtualRig rig = rig(); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    I2cBus i2c = await(b.i2c(100_000));
                    // 40 reads, far more than the board's queue holds (6 B each): the host keeps them
                    // waiting in order, so the board never refuses one
                    List<Future<byte[]>> reads = new ArrayList<>();
                    for (int i = 0; i < 40; i++) {
                        reads.add(i % 2 == 0 ? i2c.writeRead(0x76, 0xD0, 1) : i2c.writeRead(0x76, 0xFA, 2));
                    }
                    List<byte[]> got = await(Futures.join(reads));
                    for (int i = 0; i < 40; i++) {
                        assertArrayEquals(i % 2 == 0 ? bytes(0x58) : bytes(0x7E, 0xED), got.get(i), "read " + i);
                    }
                    assertEquals(0, b.stats().naks(), "no NAK (busy) from the board");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void boardTimedPollingGivesEveryReadingWithItsBoardTime() {
        try (VirtualRig rig = rig(); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    I2cBus i2c = await(b.i2c(400_000));
                    I2cPoll poll = await(i2c.poll(0x76, 0xFA, 3, Duration.ofMillis(10)));
                    List<I2cReading> rs = new ArrayList<>();
                    for (int i = 0; i < 30; i++) {
                        rs.add(await(poll.next()));
                    }
                    await(poll.stop());
                    // transactions still work while and after polling
                    assertArrayEquals(bytes(0x58), await(i2c.writeRead(0x76, 0xD0, 1)));
                    assertEquals(0, poll.lost(), "no reading lost");
                    for (int i = 0; i < rs.size(); i++) {
                        I2cReading r = rs.get(i);
                        assertTrue(r.ok(), r.toString());
                        assertArrayEquals(bytes(0x7E, 0xED, 0x00), r.data(), r.toString());
                        assertEquals(0, r.lostBefore(), r.toString());
                        if (i > 0) {
                            assertEquals(rs.get(i - 1).number() + 1, r.number(), "numbers run on");
                            long dtUs = (r.boardNanos() - rs.get(i - 1).boardNanos()) / 1000;
                            // board time: 10 ms apart within one Timer0 period (1.024 ms) of wake-up granularity
                            assertTrue(Math.abs(dtUs - 10_000) <= 1_100, "readings " + (i - 1) + ", " + i + ": " + dtUs + " us apart");
                        }
                    }
                    long spanUs = (rs.get(rs.size() - 1).boardNanos() - rs.get(0).boardNanos()) / 1000;
                    assertTrue(Math.abs(spanUs - 290_000) <= 1_100, "30 readings span " + spanUs + " us: no drift");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void aBoardResetEndsThePollStreamWithTheReset() {
        try (VirtualRig rig = rig(); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    I2cBus i2c = await(b.i2c(100_000));
                    I2cPoll poll = await(i2c.poll(0x76, 0xD0, 1, Duration.ofMillis(5)));
                    assertArrayEquals(bytes(0x58), await(poll.next()).data());
                    rig.vboard.reset();
                    BoardException e = assertThrows(BoardException.class, () -> {
                        for (int i = 0; i < 10_000; i++) {
                            await(poll.next()); // the readings sent before the reset, then the reset
                        }
                    });
                    assertTrue(e instanceof BoardResetException || e instanceof BoardDisconnectedException, e.toString());
                    assertThrows(IllegalStateException.class, () -> await(poll.next()), "the stream is closed");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void aStuckBusIsRecoveredAndReportedThenWorksAgain() {
        try (VirtualRig rig = rig(); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    I2cBus i2c = await(b.i2c(100_000));
                    assertArrayEquals(bytes(0x58), await(i2c.writeRead(0x76, 0xD0, 1)));
                    rig.vboard.command("i2c stuck 3"); // SDA held low until 3 SCL pulses
                    I2cBusException e = assertThrows(I2cBusException.class, () -> await(i2c.writeRead(0x76, 0xD0, 1)));
                    assertTrue(e.stuck() && e.recovered(), e.getMessage());
                    assertArrayEquals(bytes(0x58), await(i2c.writeRead(0x76, 0xD0, 1)), "works after the recovery");

                    rig.vboard.command("i2c stuck 0"); // held for good
                    I2cBusException held = assertThrows(I2cBusException.class, () -> await(i2c.read(0x50, 1)));
                    assertTrue(held.stuck() && !held.recovered(), held.getMessage());
                    rig.vboard.command("i2c free");
                    assertArrayEquals(bytes(0x58), await(i2c.writeRead(0x76, 0xD0, 1)));
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }

    @Test
    void theCoreAloneRefusesI2cBeforeSending() {
        try (VirtualRig rig = VirtualRig.startCore("uno"); Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                Board b = await(rig.connect());
                try {
                    long sent = b.stats().framesSent();
                    ModuleMissingException e = assertThrows(ModuleMissingException.class, () -> b.i2c(100_000));
                    assertTrue(e.getMessage().contains("'i2c'"), e.getMessage());
                    assertEquals(sent, b.stats().framesSent());
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }
}
