package io.wakewire.cli;

import io.wakewire.task.Async;
import io.wakewire.task.Futures;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire ping}: round trips of a PING through the board's firmware, one at a time, as
 * latency percentiles. The figure includes the host's stack, the USB or pty path both ways and
 * the firmware's turn-around, so it is the floor of any request/answer exchange with the board.
 */
@Command(name = "ping", mixinStandardHelpOptions = true,
        description = "Measure round trips to the board's firmware and print latency percentiles (HdrHistogram).",
        footer = {"", "Example:", "  wakewire ping --port /dev/ttyACM0 --count 1000", "", ExitCode.TABLE})
final class PingCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"-c", "--count"}, defaultValue = "200", paramLabel = "N",
            description = "How many pings. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = {"-i", "--interval"}, defaultValue = "5ms", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Pause between pings. Default: ${DEFAULT-VALUE}.")
    Duration interval;

    @Option(names = "--warmup", defaultValue = "20", paramLabel = "N",
            description = "Pings sent first and not counted (JIT, caches). Default: ${DEFAULT-VALUE}.")
    int warmup;

    @Override
    public Integer call() {
        if (count < 1 || count > 10_000_000) {
            throw new CliException(ExitCode.USAGE, "--count " + count + " is out of range (1 to 10000000)");
        }
        if (warmup < 0) {
            throw new CliException(ExitCode.USAGE, "--warmup " + warmup + " must be 0 or more");
        }
        PrintWriter out = spec.commandLine().getOut();
        BoardRunner runner = BoardRunner.of(common, common.requirePort(), spec.commandLine().getErr());
        return runner.run((board, r) -> {
            Histogram h = new Histogram(3_600_000_000_000L, 3);
            for (int i = 0; i < warmup + count && !r.interrupted(); i++) {
                Duration rtt = Async.await(board.ping());
                if (i >= warmup) {
                    h.recordValue(Math.max(1, rtt.toNanos()));
                }
                Async.await(Futures.sleep(interval));
            }
            out.println(summary(r.config().name() + " on " + r.port(), h));
            out.flush();
            return ExitCode.OK;
        });
    }

    /** "uno on /dev/pts/3: 200 pings, rtt min 0.41 p50 0.52 p90 0.61 p99 0.88 max 1.20 ms". */
    static String summary(String who, Histogram h) {
        return String.format(Locale.ROOT, "%s: %d pings, rtt min %.3f p50 %.3f p90 %.3f p99 %.3f max %.3f ms (mean %.3f)",
                who, h.getTotalCount(), h.getMinValue() / 1e6, h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(90) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6,
                h.getMean() / 1e6);
    }
}
