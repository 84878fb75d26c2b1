package io.wakewire.bench.i2c;

import io.wakewire.bench.Metrics;
import io.wakewire.board.Board;
import io.wakewire.board.BoardOptions;
import io.wakewire.board.I2cBus;
import io.wakewire.board.I2cPoll;
import io.wakewire.board.I2cReading;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;

import java.time.Duration;
import java.util.List;

import static io.wakewire.task.Async.await;

/**
 * make bench-i2c: the i2c module on a virtual board (paced to the wall clock) with a BMP280 model.
 * <ul>
 *   <li>{@code i2c_read_latency_us_p50/_p99}: host request to answer, 2 bytes from a register
 *   (write the register, repeated start, read 2) at 400 kHz, one at a time, 1,000 of them: the
 *   host's await, the link both ways, the firmware's queue and TWI ISR.</li>
 *   <li>{@code i2c_poll_interval_error_us_p99}: |interval between consecutive readings' board
 *   times - 10 ms| over 500 readings of a 10 ms board-timed poll.</li>
 * </ul>
 * simavr's TWI takes 9 us a byte whatever the bit rate, so the bus time in these figures is
 * about 60 us for the read where a real 400 kHz bus takes ~115 us (100 kHz: ~460 us).
 */
public final class I2cBenchMain {

    private I2cBenchMain() {
    }

    public static void main(String[] args) {
        BuildArtifacts a = BuildArtifacts.locate();
        Metrics.machine();
        try (VirtualBoard vb = VirtualBoard.start("uno", a.firmware("uno"),
                VirtualBoardOptions.defaults().withExtraArgs(List.of("--i2c", "bmp280")));
             Executor ex = Executor.create()) {
            ex.blockOn(Async.async(() -> {
                BoardOptions o = BoardOptions.defaults().withConnectTimeout(Duration.ofSeconds(10))
                        .withRequestTimeout(Duration.ofSeconds(2));
                Board b = await(Board.connect(BoardConfig.load("uno"), vb.port(), o));
                try {
                    I2cBus i2c = await(b.i2c(400_000));
                    for (int i = 0; i < 50; i++) { // warm-up: JIT, clock sync
                        await(i2c.writeRead(0x76, 0xFA, 2));
                    }
                    long[] lat = new long[1000];
                    for (int i = 0; i < lat.length; i++) {
                        long t0 = System.nanoTime();
                        await(i2c.writeRead(0x76, 0xFA, 2));
                        lat[i] = System.nanoTime() - t0;
                    }
                    Metrics.print("i2c_read_latency_us_p50", Math.round(Metrics.percentile(lat, 50) / 100.0) / 10.0, "us");
                    Metrics.print("i2c_read_latency_us_p99", Math.round(Metrics.percentile(lat, 99) / 100.0) / 10.0, "us");

                    I2cPoll poll = await(i2c.poll(0x76, 0xFA, 3, Duration.ofMillis(10)));
                    long[] err = new long[500];
                    I2cReading prev = await(poll.next());
                    long lost = 0;
                    for (int i = 0; i < err.length; i++) {
                        I2cReading r = await(poll.next());
                        err[i] = Math.abs((r.boardNanos() - prev.boardNanos()) - 10_000_000L);
                        lost += r.lostBefore();
                        prev = r;
                    }
                    await(poll.stop());
                    Metrics.print("i2c_poll_interval_error_us_p99", Math.round(Metrics.percentile(err, 99) / 100.0) / 10.0, "us");
                    Metrics.note("poll: " + (err.length + 1) + " readings at 10 ms, " + lost + " lost; max interval error "
                            + Math.round(Metrics.percentile(err, 100) / 1000.0) + " us (the board takes a due reading at its"
                            + " next Timer0 period, 1.024 ms)");
                } finally {
                    b.close();
                }
                return null;
            }));
        }
    }
}
