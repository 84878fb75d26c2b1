package io.wakewire.cli;

import io.wakewire.sim.BuildArtifacts;
import io.wakewire.sim.VirtualBoardException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The wakewire source checkout the command runs in, if any, and the make targets that build what
 * a command needs from it (the firmware, the virtual board). Run from a checkout, {@code flash},
 * {@code sim} and {@code demo} build what is missing or stale; run elsewhere (an installed jar)
 * they need the files given explicitly.
 *
 * <p>Trade-off: make decides what is stale, so a run where everything is up to date still costs
 * one make invocation (about 50 ms); in exchange the command never flashes a firmware older than
 * its sources.
 */
final class Checkout {

    private final Path root;

    private Checkout(Path root) {
        this.root = root;
    }

    /** The checkout above the working directory (or {@code -Dwakewire.root}), if there is one. */
    static Optional<Checkout> find() {
        try {
            return Optional.of(new Checkout(BuildArtifacts.locate().root()));
        } catch (VirtualBoardException e) {
            return Optional.empty();
        }
    }

    Path root() {
        return root;
    }

    /** {@code build/<board>/wakewire.hex}, after {@code make firmware BOARD=<board>} (every module). */
    Path buildFirmware(String board, PrintWriter err) {
        make(err, "building the firmware for " + board, "firmware", "BOARD=" + board);
        return root.resolve("build").resolve(board).resolve("wakewire.hex");
    }

    /**
     * {@code build/<board>-modules-<names>/wakewire.hex} (or {@code -modules-none}), after
     * {@code make firmware BOARD=<board> MODULES="<names>"} into that directory: the firmware with
     * exactly these modules (by their MODULES= names), none for the core alone.
     */
    Path buildFirmware(String board, List<String> modules, PrintWriter err) {
        Path dir = firmwareDir(board, modules);
        make(err, "building the firmware for " + board + " with modules: " + (modules.isEmpty() ? "none" : String.join(", ", modules)),
                "firmware", "BOARD=" + board, "MODULES=" + String.join(" ", modules), "FW_OUT=" + dir);
        return dir.resolve("wakewire.hex");
    }

    /** Where {@link #buildFirmware(String, List, PrintWriter)} builds. */
    Path firmwareDir(String board, List<String> modules) {
        return root.resolve("build").resolve(board + "-modules-" + (modules.isEmpty() ? "none" : String.join("-", modules)));
    }

    /** {@code make vboard}: the virtual board binary. */
    void buildVirtualBoard(PrintWriter err) {
        make(err, "building the virtual board", "vboard");
    }

    /** Runs make quietly with a progress indication; on failure shows make's last lines. */
    private void make(PrintWriter err, String what, String... targets) {
        Path make = Executables.require("make", "make");
        List<String> cmd = new ArrayList<>(List.of(make.toString(), "--no-print-directory", "-C", root.toString()));
        cmd.addAll(List.of(targets));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().remove("MAKEFLAGS");
        pb.environment().remove("MAKELEVEL");
        try (Progress p = Progress.start(err, what)) {
            Process proc = pb.start();
            proc.getOutputStream().close();
            String output = readAll(proc.getInputStream());
            int status = proc.waitFor();
            if (status != 0) {
                List<String> lines = output.lines().toList();
                String tail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
                boolean noCompiler = output.contains("avr-gcc not found") || output.contains("avr-gcc: not found")
                        || output.contains("avr-gcc: No such file");
                if (noCompiler) {
                    throw new CliException(ExitCode.MISSING_TOOL, what + ": avr-gcc is missing; install it: sudo apt-get"
                            + " install gcc-avr avr-libc binutils-avr (or `make deps`)");
                }
                if (output.contains("simavr") && output.contains("No such file")) {
                    throw new CliException(ExitCode.MISSING_TOOL, what + ": libsimavr is missing; install it: sudo"
                            + " apt-get install libsimavr-dev (or `make deps`)");
                }
                throw new CliException(ExitCode.FAILURE, what + " failed (make " + String.join(" ", targets)
                        + " in " + root + " exited with " + status + "): " + tail);
            }
            p.finish("done");
        } catch (IOException e) {
            throw new CliException(ExitCode.MISSING_TOOL, what + ": cannot run make: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliException(ExitCode.INTERRUPTED, what + ": interrupted");
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        in.transferTo(buf);
        return buf.toString(StandardCharsets.UTF_8);
    }
}
