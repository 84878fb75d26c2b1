package io.wakewire.bench.bridge;

import io.wakewire.board.Board;
import io.wakewire.board.BoardOptions;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;
import io.wakewire.task.Async;
import io.wakewire.task.Executor;
import io.wakewire.task.Futures;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;

import static io.wakewire.task.Async.await;

/**
 * Connect time and idle cost. {@code connect_to_ready_ms}: from awaiting {@code Board.connect} on
 * a freshly started virtual board to the handshake done (HELLO, version and signature checks, four
 * CLOCK samples). {@code idle_cpu_share}: the host process's CPU time over 10 s of wall time with
 * that board connected and no traffic (the heartbeat's CLOCK every 250 ms is all that moves), as a
 * share of one core. The vboard process is not counted: it is the board, not the host.
 */
final class IdleCpuProbe {

    /** {connect ms, idle cpu share}. */
    static double[] run(Path elf, Duration idle) {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (VirtualBoard vb = VirtualBoard.start("uno", elf, VirtualBoardOptions.defaults());
             Executor ex = Executor.create()) {
            return ex.blockOn(Async.async(() -> {
                long t0 = System.nanoTime();
                Board b = await(Board.connect(BoardConfig.load("uno"), vb.port(), BoardOptions.defaults()));
                double connectMs = (System.nanoTime() - t0) / 1e6;
                try {
                    await(Futures.sleep(Duration.ofSeconds(1))); // let the JIT and the first heartbeats settle
                    long cpu0 = os.getProcessCpuTime();
                    long w0 = System.nanoTime();
                    await(Futures.sleep(idle));
                    long cpu = os.getProcessCpuTime() - cpu0;
                    long wall = System.nanoTime() - w0;
                    return new double[] {connectMs, (double) cpu / wall};
                } finally {
                    b.close();
                }
            }));
        }
    }
}
