package io.wakewire.cli;

import io.wakewire.pin.EdgeFilter;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.board.config.Capability;
import io.wakewire.board.config.PinInfo;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.task.JoinHandle;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire monitor}: every edge of the chosen pins as it happens, with the board's
 * timestamp, the host's estimate of the same moment and the latency between the pin and the
 * host; once a second, rates and losses on stderr; at the end, a summary. Edges go to stdout as
 * a table or CSV, and/or to a VCD file for a waveform viewer.
 */
@Command(name = "monitor", mixinStandardHelpOptions = true,
        description = {"Print the board's pin edges live (board time, host time, pin, level, latency), with rates",
                "and losses each second on stderr. --csv for scripts, --vcd FILE for PulseView/GTKWave/sigrok."},
        footer = {"", "Examples:", "  wakewire monitor --port /dev/ttyACM0 --pins D2,D3",
                "  wakewire monitor --port /dev/ttyACM0 --pins D2 --csv --count 1000 > edges.csv",
                "  wakewire monitor --port /dev/ttyACM0 --vcd capture.vcd --duration 10s --quiet", "", ExitCode.TABLE})
final class MonitorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--pins", split = ",", paramLabel = "PIN",
            description = "Pins to watch, e.g. D2,D3,A0. Default: every pin the board config gives 'edge'.")
    List<String> pins;

    @Option(names = "--edges", defaultValue = "both", paramLabel = "KIND",
            description = "rising, falling or both. Default: ${DEFAULT-VALUE}.")
    EdgeFilter edges;

    @Option(names = "--csv", description = "CSV on stdout: " + CsvEdgeSink.HEADER + "; integers in every row:"
            + " latency_ns only where latency_valid is 1, a loss a row of level -1 with its count and cause.")
    boolean csv;

    @Option(names = "--vcd", paramLabel = "FILE", description = "Also write a Value Change Dump to FILE.")
    Path vcd;

    @Option(names = {"-q", "--quiet"}, description = "No line per edge on stdout (rates, summary and --vcd only).")
    boolean quiet;

    @Option(names = {"-c", "--count"}, paramLabel = "N", description = "Stop after N edges.")
    Long count;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long, e.g. 10s. Default: until Ctrl-C (or --count).")
    Duration duration;

    @Option(names = "--rates-every", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How often rates and losses go to stderr. Default: ${DEFAULT-VALUE}.")
    Duration ratesEvery;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (count != null && count < 1) {
            throw new CliException(ExitCode.USAGE, "--count " + count + " must be at least 1");
        }
        if (csv && quiet) {
            throw new CliException(ExitCode.USAGE, "--csv and --quiet together would print nothing; choose one");
        }
        BoardConfig config = common.avrConfig();
        List<String> watched = watchedPins(config, pins);
        String port = common.requirePort();
        HostClock clock = new HostClock();
        List<EdgeSink> sinks = new ArrayList<>();
        if (!quiet) {
            sinks.add(csv ? new CsvEdgeSink(out, clock, LatencyVouch.SYNC) : new TextEdgeSink(out, clock, LatencyVouch.SYNC));
        }
        if (vcd != null) {
            try {
                sinks.add(new VcdWriter(Files.newBufferedWriter(vcd, StandardCharsets.US_ASCII), config.name(), watched));
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "--vcd " + vcd + ": cannot write: " + e.getMessage());
            }
        }
        EdgeSink sink = fanOut(sinks);
        BoardRunner runner = BoardRunner.of(common, port, err);
        try (sink) {
            return runner.run((board, r) -> {
                EdgeLog log = new EdgeLog(sink, count == null ? Long.MAX_VALUE : count);
                List<JoinHandle<Void>> tasks = log.follow(board, watched, edges);
                err.println("monitoring " + String.join(",", watched) + " (" + edges.name().toLowerCase(Locale.ROOT)
                        + " edges) on " + config.name() + "@" + port + (duration == null && count == null ? "; Ctrl-C stops" : ""));
                err.flush();
                long start = System.nanoTime();
                long limitNanos = duration == null ? Long.MAX_VALUE : duration.toNanos();
                long lastTotal = 0;
                long lastTick = System.nanoTime();
                long nextRates = lastTick + ratesEvery.toNanos();
                try {
                    // an Interval would be cancelled for good as the loser of a select, so the
                    // rate line and the end are plain deadlines, re-armed each turn
                    while (!log.limitReached() && log.ended() == null && System.nanoTime() - start < limitNanos) {
                        long now = System.nanoTime();
                        long untilEnd = limitNanos - (now - start);
                        long wait = Math.max(1, Math.min(untilEnd, nextRates - now));
                        Async.await(Futures.select(log.changed(), Futures.sleep(Duration.ofNanos(wait))));
                        now = System.nanoTime();
                        if (now - nextRates >= 0) {
                            err.println(rateLine(log, lastTotal, now - lastTick));
                            err.flush();
                            lastTotal = log.total();
                            lastTick = now;
                            nextRates = now + ratesEvery.toNanos();
                        }
                    }
                } finally {
                    tasks.forEach(JoinHandle::cancel);
                }
                if (log.ended() != null && !r.interrupted()) {
                    throw log.ended();
                }
                err.println(summary(log, r.connectTime()));
                err.flush();
                return log.losses() == 0 && log.unknownLosses() == 0 ? ExitCode.OK : ExitCode.FAILURE;
            });
        }
    }

    /** --pins checked against the config (a clear error listing the edge pins), or all edge pins. */
    static List<String> watchedPins(BoardConfig config, List<String> asked) {
        List<String> edgePins = config.pins().stream().filter(p -> p.can(Capability.EDGE)).map(PinInfo::name).toList();
        if (asked == null || asked.isEmpty()) {
            return edgePins;
        }
        return CommonOptions.pinsThatCan(config, asked, Capability.EDGE, "--pins",
                "cannot report edges; these can: " + String.join(",", edgePins));
    }

    private static String rateLine(EdgeLog log, long lastTotal, long nanos) {
        StringBuilder sb = new StringBuilder();
        double secs = Math.max(1e-9, nanos / 1e9);
        for (Map.Entry<String, EdgeLog.PinCount> e : log.counts().entrySet()) {
            EdgeLog.PinCount c = e.getValue();
            long n = c.edges - c.rateMark;
            c.rateMark = c.edges;
            if (n > 0 || c.losses > 0) {
                sb.append(String.format(Locale.ROOT, "%s %.0f/s%s  ", e.getKey(), n / secs,
                        c.losses > 0 ? " (" + c.losses + " lost)" : ""));
            }
        }
        return String.format(Locale.ROOT, "rate %s| %.0f edges/s, total %d, lost %d", sb,
                (log.total() - lastTotal) / secs, log.total(), log.losses());
    }

    static String summary(EdgeLog log, Duration connect) {
        var h = log.latency();
        String lat = h.getTotalCount() == 0 ? "no edges"
                : String.format(Locale.ROOT, "latency pin->host p50 %.3f p99 %.3f max %.3f ms", h.getValueAtPercentile(50) / 1e6,
                h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6);
        return String.format(Locale.ROOT, "summary: %d edges, %d lost%s, %s; connected in %s", log.total(), log.losses(),
                log.unknownLosses() == 0 ? "" : " + " + log.unknownLosses() + " loss(es) of unknown count", lat,
                DurationConverter.format(connect));
    }

    private static EdgeSink fanOut(List<EdgeSink> sinks) {
        return new EdgeSink() {
            @Override
            public void edge(io.wakewire.pin.Edge e) throws IOException {
                for (EdgeSink s : sinks) {
                    s.edge(e);
                }
            }

            @Override
            public void lost(String pin, String cause, long count, String what) throws IOException {
                for (EdgeSink s : sinks) {
                    s.lost(pin, cause, count, what);
                }
            }

            @Override
            public void close() throws IOException {
                for (EdgeSink s : sinks) {
                    s.close();
                }
            }
        };
    }
}
