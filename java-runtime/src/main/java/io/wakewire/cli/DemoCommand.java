package io.wakewire.cli;

import io.wakewire.board.AnalogReading;
import io.wakewire.board.Board;
import io.wakewire.board.BoardDisconnectedException;
import io.wakewire.board.BoardCounters;
import io.wakewire.board.BoardStats;
import io.wakewire.board.FirmwareModule;
import io.wakewire.pin.Edge;
import io.wakewire.pin.EdgeFilter;
import io.wakewire.pin.Level;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.task.Async;
import io.wakewire.task.Futures;
import io.wakewire.task.Interval;
import io.wakewire.task.JoinHandle;
import io.wakewire.task.MissedTickPolicy;
import io.wakewire.task.Either;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire demo}: four tasks on one executor thread, each reading top to bottom, none
 * polling: log every edge of a pulse train on D2, read A0 every 100 ms (and turn a servo on D9
 * to follow it, when the firmware has the servo module), blink D13, and race the first edge on D3
 * against a timeout. Against a virtual board by default (started and stopped
 * here; the demo drives the pulse train, the voltage and the D3 pulse itself through vboard's
 * commands), or {@code --port} for a real board (it says what to wire). Ends with a summary whose
 * losses must be 0; on a virtual board every driven edge must also have arrived.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Run four tasks at once on one executor against a board: log a pulse train's edges (D2),",
                "read A0 every 100 ms (a servo on D9 follows it), blink D13, race the first edge on D3 against a timeout;",
                "then a summary.",
                "Without --port a virtual board is started (and stopped) for it."},
        footer = {"", "Examples:", "  wakewire demo                          (virtual Uno)",
                "  wakewire demo --port /dev/ttyACM0      (real board: jumper D13 to D2, a button from D3 to GND)",
                "", ExitCode.TABLE})
final class DemoCommand implements Callable<Integer> {

    static final String TRAIN = "D2";
    static final String ANALOG = "A0";
    static final String BLINK = "D13";
    static final String RACE = "D3";
    static final String SERVO = "D9";

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = {"-d", "--duration"}, defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the tasks run. Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(names = "--rate", defaultValue = "200", paramLabel = "EDGES_PER_S",
            description = "Virtual board: the pulse train's edges per second (it lasts 60%% of --duration)."
                    + " Default: ${DEFAULT-VALUE}.")
    int rate;

    @Option(names = "--race-timeout", defaultValue = "3s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long the D3 race waits for its edge. Default: ${DEFAULT-VALUE}.")
    Duration raceTimeout;

    @Option(names = "--no-build", description = "Virtual board: do not build the firmware and vboard first (by default they are, in a checkout).")
    boolean noBuild;

    /** What the tasks saw; filled on the executor thread only. */
    static final class Tally {
        long readings;
        AnalogReading lastReading;
        long blinks;
        long servoMoves;
        double servoAngle = -1;
        String servoMeasured;
        Level led = Level.LOW;
        String race = "waiting";
        org.HdrHistogram.Histogram pings;
        String i2c = "-";
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (rate < 2 || rate > 20_000) {
            throw new CliException(ExitCode.USAGE, "--rate " + rate + " is out of range (2 to 20000 edges a second)");
        }
        common.avrConfig();
        if (common.port != null) {
            out.println("real board on " + common.port + ": the pulse train is whatever drives " + TRAIN
                    + " (a jumper from " + BLINK + " to " + TRAIN + " makes the blink its pulse train); the race waits for"
                    + " an edge on " + RACE + " (a button from " + RACE + " to GND); " + ANALOG + " reads whatever is on it.");
            return run(common.requirePort(), null, out, err);
        }
        try (VirtualBoard vb = SimCommand.start(common.avrConfig().name(), false, !noBuild, err)) {
            out.println("virtual " + vb.board() + " on " + vb.port() + " (pid " + vb.pid() + "); the demo drives "
                    + TRAIN + ", " + ANALOG + " and " + RACE + " itself");
            return run(vb.port(), vb, out, err);
        }
    }

    private int run(String port, VirtualBoard vb, PrintWriter out, PrintWriter err) {
        BoardRunner runner = BoardRunner.of(common, port, err);
        long driven = vb == null ? 0 : Math.max(2, (long) (rate * duration.toNanos() / 1e9 * 0.6) & ~1L);
        try (VirtualStimulus stimulus = vb == null ? null : new VirtualStimulus(vb)) {
            return runner.run((board, r) -> {
                out.printf(Locale.ROOT, "connected in %s; running 4 tasks for %s%n",
                        DurationConverter.format(r.connectTime()), DurationConverter.format(duration));
                out.flush();
                Tally tally = new Tally();
                if (vb != null) {
                    vb.widths(SERVO); // the virtual board measures the servo's pulses from here on
                }
                EdgeLog train = new EdgeLog(new FirstEdges(out, 3), vb == null ? Long.MAX_VALUE : driven);
                List<JoinHandle<Void>> trainTasks = train.follow(board, List.of(TRAIN), EdgeFilter.BOTH);
                JoinHandle<Void> analog = Async.spawn("read " + ANALOG, analogTask(board, tally));
                JoinHandle<Void> blink = Async.spawn("blink " + BLINK, blinkTask(board, tally));
                JoinHandle<Void> race = Async.spawn("race " + RACE, raceTask(board, tally));
                if (stimulus != null) {
                    // give the pins' arming commands a head start, so that the train's first edge is seen
                    stimulus.start(TRAIN, driven, rate, ANALOG, RACE, Duration.ofMillis(300), Duration.ofSeconds(1));
                }
                long start = System.nanoTime();
                long nextStatus = start + 1_000_000_000L;
                long end = start + duration.toNanos();
                // the run, then (virtual board) up to 30 s more for the rest of the pulse train:
                // a loaded machine runs the simulation slower than real time
                long drainEnd = end + Duration.ofSeconds(30).toNanos();
                boolean draining = false;
                while (train.ended() == null && !r.interrupted()) {
                    long now = System.nanoTime();
                    if (now - end >= 0 && !draining) {
                        draining = true;
                        analog.cancel();
                        blink.cancel();
                    }
                    if (draining && (vb == null || train.limitReached() || now - drainEnd >= 0)) {
                        break;
                    }
                    long wake = Math.min(nextStatus - now, (draining ? drainEnd : end) - now);
                    Async.await(Futures.select(train.changed(), Futures.sleep(Duration.ofNanos(Math.max(1, wake)))));
                    if (System.nanoTime() - nextStatus >= 0) {
                        out.println(status(System.nanoTime() - start, train, tally, draining, driven));
                        out.flush();
                        nextStatus += 1_000_000_000L;
                    }
                }
                analog.cancel();
                blink.cancel();
                race.cancel();
                trainTasks.forEach(JoinHandle::cancel);
                if (train.ended() != null && !r.interrupted()) {
                    throw train.ended();
                }
                BoardCounters counters = Async.await(board.boardCounters());
                // the request/answer floor, measured once the other tasks are quiet
                org.HdrHistogram.Histogram rtt = new org.HdrHistogram.Histogram(3_600_000_000_000L, 3);
                for (int i = 0; i < 50 && !r.interrupted(); i++) {
                    rtt.recordValue(Math.max(1, Async.await(board.ping()).toNanos()));
                }
                tally.pings = rtt;
                tally.servoMeasured = vb == null ? null : pulses(vb.widths(SERVO), board.info().cpuHz());
                tally.i2c = Bmp280Probe.describe(board); // a sensor over I2C (module i2c)
                return summary(out, board, r, train, tally, counters, vb == null ? -1 : driven,
                        stimulus == null ? null : stimulus.failure());
            });
        }
    }

    private static io.wakewire.task.Future<Void> analogTask(Board board, Tally tally) {
        return Async.run(() -> {
            Interval every = Futures.interval(Duration.ofMillis(100), MissedTickPolicy.SKIP);
            try {
                while (true) {
                    Async.await(every.tick());
                    tally.lastReading = Async.await(board.pin(ANALOG).analogRead());
                    tally.readings++;
                    if (board.modules().contains(FirmwareModule.SERVO)) { // the servo follows the reading
                        double angle = tally.lastReading.raw() * 180.0 / 1023;
                        Async.await(board.servo(SERVO).angle(angle));
                        tally.servoAngle = angle;
                        tally.servoMoves++;
                    }
                }
            } finally {
                every.cancel();
            }
        });
    }

    private static io.wakewire.task.Future<Void> blinkTask(Board board, Tally tally) {
        return Async.run(() -> {
            while (true) {
                tally.led = tally.led.inverse();
                Async.await(board.pin(BLINK).write(tally.led));
                tally.blinks++;
                Async.await(Futures.sleep(Duration.ofMillis(250)));
            }
        });
    }

    private io.wakewire.task.Future<Void> raceTask(Board board, Tally tally) {
        return Async.run(() -> {
            long t0 = System.nanoTime();
            Either<Edge, Void> winner = Async.await(Futures.either(board.pin(RACE).nextEdge(EdgeFilter.BOTH),
                    Futures.sleep(raceTimeout)));
            double after = (System.nanoTime() - t0) / 1e9;
            // The latency is the clock sync's estimate, printed as a measurement only when the sync
            // vouches for it (a second into a session it rests on a few samples and no drift yet).
            tally.race = winner instanceof Either.First<Edge, Void>(Edge e)
                    ? String.format(Locale.ROOT, "the edge won after %.3f s (%s, latency %s); the timeout was cancelled",
                    after, e.level() == Level.HIGH ? "rising" : "falling", LatencyText.of(e))
                    : String.format(Locale.ROOT, "the timeout won after %.3f s; the edge wait was cancelled", after);
        });
    }

    private static String status(long elapsedNanos, EdgeLog train, Tally t, boolean draining, long driven) {
        String volts = t.lastReading == null ? "-" : String.format(Locale.ROOT, "%.2f V", t.lastReading.volts(5.0));
        return String.format(Locale.ROOT, "[%4.1f s] %s %d edges%s  %s %s (%d reads)  %s %d writes  race: %s",
                elapsedNanos / 1e9, TRAIN, train.total(), driven > 0 ? "/" + driven : "", ANALOG, volts, t.readings,
                BLINK, t.blinks, draining ? (t.race.equals("waiting") ? "stopped" : "done") : shortRace(t.race));
    }

    /** "  servo D9 follows A0: 31 moves, last 90.2 deg; the virtual board measured 41 pulses, last 1474.0 us". */
    private static String servoLine(Tally t, String measured) {
        if (t.servoMoves == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "  servo %s follows %s: %d moves, last %.1f deg%s%n", SERVO, ANALOG, t.servoMoves,
                t.servoAngle, measured == null ? "" : "; " + measured);
    }

    private static String pulses(io.wakewire.sim.PulseWidths w, long fCpu) {
        return String.format(Locale.ROOT, "the virtual board measured %d pulses on %s, last %.1f us", w.count(), w.pin(),
                w.last() * 1e6 / fCpu);
    }

    private static String shortRace(String race) {
        return race.startsWith("the edge") ? "edge won" : race.startsWith("the timeout") ? "timeout won" : race;
    }

    private int summary(PrintWriter out, Board board, BoardRunner r, EdgeLog train, Tally t, BoardCounters counters,
                        long driven, String stimulusFailure) {
        BoardStats s = board.stats();
        long boardDrops = counters.totalDrops();
        // host drops are left out: a one-shot nextEdge keeps one edge, and a second edge of the same
        // frame counts there; the train's own stream reports its overflows as losses in-band
        long losses = train.losses() + boardDrops + s.seqGapFrames();
        var h = train.latency();
        out.println();
        out.println("summary (" + r.config().name() + "@" + r.port() + (driven >= 0 ? ", virtual" : ", real") + " board):");
        out.printf(Locale.ROOT, "  pulse train %-4s %d edges%s; latency pin->host %s%n", TRAIN, train.total(),
                driven >= 0 ? " of " + driven + " driven" : "",
                h.getTotalCount() == 0 ? "-" : String.format(Locale.ROOT, "p50 %.3f p99 %.3f max %.3f ms",
                        h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(99) / 1e6, h.getMaxValue() / 1e6));
        out.printf(Locale.ROOT, "  analog %-9s %d readings every 100 ms, last %s%n", ANALOG, t.readings,
                t.lastReading == null ? "-" : String.format(Locale.ROOT, "%.2f V (raw %d)", t.lastReading.volts(5.0),
                        t.lastReading.raw()));
        out.printf(Locale.ROOT, "  blink %-10s %d writes%n", BLINK, t.blinks);
        out.print(servoLine(t, t.servoMeasured));
        out.printf(Locale.ROOT, "  race %-11s %s%n", RACE, t.race);
        out.printf(Locale.ROOT, "  i2c              %s%n", t.i2c);
        out.printf(Locale.ROOT, "  losses           %d (0 expected): stream %d, board drops %d, sequence gaps %d"
                        + " (one-shot waits' extra edges: %d)%n", losses, train.losses(), boardDrops, s.seqGapFrames(),
                s.hostDrops());
        out.printf(Locale.ROOT, "  level order      %d repeated level(s) on %s (0 expected: every edge alternates)%n",
                train.repeats(), TRAIN);
        if (t.pings != null && t.pings.getTotalCount() > 0) {
            out.printf(Locale.ROOT, "  round trip       p50 %.3f p99 %.3f max %.3f ms (%d pings)%n",
                    t.pings.getValueAtPercentile(50) / 1e6, t.pings.getValueAtPercentile(99) / 1e6,
                    t.pings.getMaxValue() / 1e6, t.pings.getTotalCount());
        }
        out.printf(Locale.ROOT, "  link             frames in %d, out %d, crc errors %d, timeouts %d; connected in %s%n",
                s.framesReceived(), s.framesSent(), s.crcErrors(), s.timeouts(), DurationConverter.format(r.connectTime()));
        out.flush();
        if (stimulusFailure != null) {
            throw new CliException(ExitCode.FAILURE, "the virtual board refused the demo's stimulus: " + stimulusFailure);
        }
        if (losses > 0) {
            throw new CliException(ExitCode.FAILURE, losses + " event(s) lost (see the summary)");
        }
        if (driven >= 0 && train.repeats() > 0) {
            throw new CliException(ExitCode.FAILURE, "the pulse train's levels did not alternate " + train.repeats()
                    + " time(s): edges were missed or spurious");
        }
        if (driven >= 0 && train.total() != driven && !r.interrupted()) {
            throw new CliException(ExitCode.FAILURE, "the pulse train arrived incomplete: " + train.total() + " of "
                    + driven + " edges within 30 s after the run");
        }
        return ExitCode.OK;
    }

    /** Prints the first few edges of the train, so the log shows what an edge looks like; counts the rest silently. */
    private static final class FirstEdges implements EdgeSink {
        private final PrintWriter out;
        private final int first;
        private int seen;

        FirstEdges(PrintWriter out, int first) {
            this.out = out;
            this.first = first;
        }

        @Override
        public void edge(Edge e) {
            if (seen++ < first) {
                out.printf(Locale.ROOT, "  edge %s %s at board %.6f s, latency %s%s%n", e.pin(),
                        e.isRising() ? "rising " : "falling", e.boardNanos().getAsLong() / 1e9, LatencyText.of(e),
                        seen == first ? " (further edges are counted)" : "");
            }
        }

        @Override
        public void lost(String pin, String what) {
            out.println("  LOST " + pin + ": " + what);
        }
    }
}
