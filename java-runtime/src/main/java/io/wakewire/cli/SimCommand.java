package io.wakewire.cli;

import io.wakewire.board.config.BoardConfig;
import io.wakewire.sim.VirtualBoard;
import io.wakewire.sim.VirtualBoardOptions;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire sim}: a virtual board (the real firmware on libsimavr, see
 * {@link io.wakewire.sim.VirtualBoard}) on a pseudo-terminal, until Ctrl-C or {@code --duration}.
 * The port goes to stdout alone on the first line, so a script can take it with
 * {@code read PORT}; the human explanation goes to stderr.
 */
@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Run the wakewire firmware on a virtual board and print its serial port until interrupted.",
                "Other commands then use it like a real one: wakewire info --port <that port>."},
        footer = {"", "Example:", "  wakewire sim --board uno &    # prints /dev/pts/N", "", ExitCode.TABLE})
final class SimCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-b", "--board"}, defaultValue = "uno", paramLabel = "NAME",
            description = "Board config name (uno, nano, mega2560). Default: ${DEFAULT-VALUE}.")
    String board;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (e.g. 30s). Default: run until interrupted.")
    Duration duration;

    @Option(names = "--reset-on-open", description = "Reset the board whenever a host opens the port, as a real Uno's DTR does.")
    boolean resetOnOpen;

    @Option(names = "--no-build", description = "Do not build the firmware and the virtual board first (by default they are, when run in a checkout).")
    boolean noBuild;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoardConfig config = CommonOptions.avrBoard(board);
        try (VirtualBoard vb = start(config.name(), resetOnOpen, !noBuild, err)) {
            out.println(vb.port());
            out.flush();
            err.println("virtual " + config.name() + " running on " + vb.port() + " (" + vb.readyLine() + ");"
                    + (duration == null ? " Ctrl-C stops it" : " stops in " + DurationConverter.format(duration)));
            err.flush();
            long start = System.nanoTime();
            long limit = duration == null ? Long.MAX_VALUE : duration.toNanos();
            while (System.nanoTime() - start < limit) {
                if (!vb.isAlive()) {
                    throw new CliException(ExitCode.FAILURE, "the virtual board exited unexpectedly");
                }
                Thread.sleep(Math.max(1, Math.min(200, (limit - (System.nanoTime() - start)) / 1_000_000)));
            }
        }
        return ExitCode.OK;
    }

    /**
     * Builds what is missing (in a checkout) and starts a virtual {@code board}; shared with
     * {@code demo}. Startup is a second or two, so it shows progress.
     */
    static VirtualBoard start(String board, boolean resetOnOpen, boolean build, PrintWriter err) {
        if (build) {
            Checkout.find().ifPresent(c -> {
                c.buildFirmware(board, err);
                c.buildVirtualBoard(err);
            });
        }
        // a BMP280 on its I2C bus (the demo reads it; native/vboard/src/i2c_devices.h)
        VirtualBoardOptions options = VirtualBoardOptions.defaults().withExtraArgs(resetOnOpen
                ? List.of("--reset-on-open", "--i2c", "bmp280") : List.of("--i2c", "bmp280"));
        try (Progress p = Progress.start(err, "starting a virtual " + board)) {
            VirtualBoard vb = VirtualBoard.start(board, io.wakewire.sim.BuildArtifacts.locate().firmware(board), options);
            p.finish("ready");
            return vb;
        }
    }
}
