package io.wakewire.cli;

import io.wakewire.board.config.BoardConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire flash}: builds the firmware when run from a checkout (make decides whether it is
 * stale), then writes it with avrdude through the board's bootloader, streaming avrdude's own
 * progress bars, and verifies (avrdude's read-back). Before avrdude starts, the port is checked:
 * it must exist and no other process may hold it (see {@link PortUsers}). After a failure,
 * avrdude's output is condensed into one line by {@link AvrdudeDiagnosis}.
 *
 * <p>A board whose bootloader does not answer is given up after {@code --sync-timeout} (6 s): avrdude
 * itself tries ten times and waits 5 s for each answer (about a minute, 59.6 s measured), while a
 * bootloader that is there answers within half a second of the reset. avrdude 7's
 * {@code -x attempts=1} would shorten that too, but avrdude 6 rejects the option, so the watch is
 * here, on avrdude's own words: it is in sync once it prints "AVR device initialized". A board
 * without auto-reset (its reset button pressed by hand) may want a longer {@code --sync-timeout}.
 */
@Command(name = "flash", mixinStandardHelpOptions = true,
        description = {"Build (in a checkout) and flash the wakewire firmware with avrdude, then verify it.",
                "The programmer, upload baud and avrdude part come from the board config;",
                "here --baud is the bootloader's upload baud, --timeout bounds the whole upload;",
                "a bootloader that has not answered avrdude within --sync-timeout is given up."},
        footer = {"", "Examples:", "  wakewire flash --board uno --port /dev/ttyACM0",
                "  wakewire flash --board nano --port /dev/ttyUSB0 --baud 57600   (old-bootloader Nano)",
                "  wakewire flash --board uno --port /dev/ttyACM0 --modules none   (the core alone)",
                "  wakewire flash --port /dev/ttyACM0 --hex wakewire.hex --dry-run", "", ExitCode.TABLE})
final class FlashCommand implements Callable<Integer> {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Option(names = "--hex", paramLabel = "FILE",
            description = "The Intel hex file to write. Default: build it in this checkout (build/<board>/wakewire.hex).")
    Path hex;

    @Option(names = "--modules", paramLabel = "NAME", split = ",",
            description = {"The firmware modules to build in, comma-separated (modules: ${COMPLETION-CANDIDATES}),"
                    + " or 'none' for the core alone. Default: every module."},
            completionCandidates = ModuleNames.class)
    List<String> modules;

    @Option(names = "--avrdude", paramLabel = "PATH", defaultValue = "avrdude",
            description = "The avrdude program (a name on PATH, or a path). Default: ${DEFAULT-VALUE}.")
    String avrdude;

    @Option(names = "--sync-timeout", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "6s",
            description = "From avrdude's start to the bootloader's answer (its \"AVR device initialized\" line),"
                    + " or avrdude is stopped: a board without a bootloader fails in seconds, not avrdude's minute"
                    + " of retries. Default: 6s.")
    Duration syncTimeout;

    @Option(names = {"-n", "--dry-run"}, description = "Print the avrdude command (after building the firmware) and stop.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        BoardConfig board = common.avrConfig();
        String port = common.requirePort();
        Long baud = common.baud == null ? null : (long) positiveBaud(common.baud);
        if (dryRun) {
            out.println(AvrdudeInvocation.of(avrdude, board, port, baud, hexFile(board, err)).shellLine());
            return ExitCode.OK;
        }
        Path exe = Executables.require(avrdude, "avrdude");
        PortUsers.requireFree(port);
        Path file = hexFile(board, err);
        AvrdudeInvocation run = AvrdudeInvocation.of(avrdude, board, port, baud, file);
        return upload(new AvrdudeInvocation(exe.toString(), run.programmer(), run.part(), port, run.baud(), file),
                common.timeoutOr(DEFAULT_TIMEOUT), syncTimeout, out, err);
    }

    /** The upload baud is the bootloader's, not the firmware's: any rate avrdude accepts. */
    private static int positiveBaud(int b) {
        if (b <= 0 || b > 2_000_000) {
            throw new CliException(ExitCode.USAGE, "--baud " + b + " is out of range (1 to 2000000)");
        }
        return b;
    }

    private Path hexFile(BoardConfig board, PrintWriter err) {
        List<String> chosen = modules == null ? null : ModuleNames.check(modules);
        if (hex != null && chosen != null) {
            throw new CliException(ExitCode.USAGE, "--modules chooses what the firmware is built with; it does not apply"
                    + " to a given --hex file");
        }
        if (hex != null) {
            if (!Files.isRegularFile(hex)) {
                throw new CliException(ExitCode.USAGE, "--hex " + hex + ": no such file");
            }
            return hex.toAbsolutePath();
        }
        Checkout checkout = Checkout.find().orElseThrow(() -> new CliException(ExitCode.USAGE,
                "not run inside a wakewire checkout, so there is no firmware to build: give --hex FILE"
                        + " (or run from the checkout, or set -Dwakewire.root=<checkout>)"));
        if (chosen != null) {
            return dryRun ? checkout.firmwareDir(board.name(), chosen).resolve("wakewire.hex")
                    : checkout.buildFirmware(board.name(), chosen, err);
        }
        if (dryRun) {
            return checkout.root().resolve("build").resolve(board.name()).resolve("wakewire.hex");
        }
        return checkout.buildFirmware(board.name(), err);
    }

    /** Runs avrdude with its output streamed to stderr as it comes (progress bars included). */
    private static int upload(AvrdudeInvocation run, Duration timeout, Duration syncTimeout, PrintWriter out,
                              PrintWriter err) {
        err.println("flashing " + run.hex().getFileName() + " to " + run.port() + ": " + run.shellLine());
        err.flush();
        Process p;
        try {
            p = new ProcessBuilder(run.arguments()).redirectErrorStream(true).start();
            p.getOutputStream().close();
        } catch (IOException e) {
            throw new CliException(ExitCode.MISSING_TOOL, "cannot run " + run.avrdude() + ": " + e.getMessage());
        }
        List<String> lines = new ArrayList<>();
        Thread pump = Thread.ofPlatform().daemon().name("avrdude-output").start(() -> stream(p.getInputStream(), err, lines));
        boolean finished;
        boolean unsynced = false;
        try {
            long start = System.nanoTime();
            long end = start + timeout.toNanos();
            long syncEnd = start + syncTimeout.toNanos();
            for (;;) {
                long now = System.nanoTime();
                boolean synced = inSync(lines);
                long until = synced ? end : Math.min(end, syncEnd);
                if (now - until >= 0) {
                    finished = false;
                    unsynced = !synced && syncEnd - end < 0;
                    break;
                }
                // short waits: the sync line is looked for between them
                if (p.waitFor(Math.min(until - now, TimeUnit.MILLISECONDS.toNanos(100)), TimeUnit.NANOSECONDS)) {
                    finished = true;
                    break;
                }
            }
            if (!finished) {
                p.destroy();
                if (!p.waitFor(2, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    p.waitFor(5, TimeUnit.SECONDS);
                }
            }
            pump.join(2000);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERRUPTED, "interrupted; avrdude was stopped");
        }
        List<String> seen;
        synchronized (lines) {
            seen = List.copyOf(lines);
        }
        if (finished && p.exitValue() == 0) {
            out.println("flashed and verified " + run.hex() + " on " + run.port());
            return ExitCode.OK;
        }
        throw AvrdudeDiagnosis.diagnose(seen, finished ? p.exitValue() : -1, !finished, run,
                DurationConverter.format(unsynced ? syncTimeout : timeout));
    }

    /** avrdude 6.x to 8.x print this once the bootloader has answered the sync and the signature read. */
    private static boolean inSync(List<String> lines) {
        synchronized (lines) {
            for (String l : lines) {
                if (l.contains("device initialized")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Copies bytes through as they come (avrdude draws progress with '#' without newlines) and keeps the lines. */
    private static void stream(InputStream in, PrintWriter err, List<String> lines) {
        StringBuilder line = new StringBuilder();
        byte[] buf = new byte[256];
        try {
            int n;
            while ((n = in.read(buf)) > 0) {
                String s = new String(buf, 0, n, StandardCharsets.UTF_8);
                err.print(s);
                err.flush();
                for (char c : s.toCharArray()) {
                    if (c == '\n' || c == '\r') {
                        synchronized (lines) {
                            lines.add(line.toString());
                        }
                        line.setLength(0);
                    } else {
                        line.append(c);
                    }
                }
            }
        } catch (IOException e) {
            // avrdude ended
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }
}
