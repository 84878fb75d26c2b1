package io.wakewire.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A running virtual board: the native {@code vboard} process (native/vboard, libsimavr) executing
 * a firmware ELF, with UART0 bridged to a pseudo-terminal whose path is {@link #port()}.
 *
 * <p>Each method writes one line of vboard's command language to its stdin and waits for the
 * answer ({@code OK <line>}, or {@code ERR line N: why}, which becomes a
 * {@link VirtualBoardException} carrying vboard's words). The calls block: this is a launcher for
 * tests, benchmarks and the CLI, not part of the data path, and blocking keeps a test script
 * readable. Calls are serialised (one command in flight at a time).
 *
 * <p>Lines that are not answers ({@code DONE wave D2 @...}, {@code PIN D13 1 @...},
 * {@code HOST connected}, {@code RESET}) are kept in a bounded log; {@link #mark()} and
 * {@link #awaitLine} wait for them without a race.
 *
 * <p>{@link #close()} asks vboard to quit and kills it if it has not gone within a second; a JVM
 * shutdown hook kills any left running. {@link #kill()} is the abrupt end a test uses to play
 * "the board's process died".
 */
public final class VirtualBoard implements AutoCloseable {

    private static final int LOG_LINES = 20_000;

    private final String board;
    private final Process process;
    private final OutputStream stdin;
    private final LineLog stdout = new LineLog(LOG_LINES);
    private final LineLog stderr = new LineLog(200);
    private final VirtualBoardOptions options;
    private final String port;
    private final String readyLine;
    private int linesSent;

    private VirtualBoard(String board, Process process, VirtualBoardOptions options) throws InterruptedException {
        this.board = board;
        this.process = process;
        this.options = options;
        this.stdin = process.getOutputStream();
        pump(process.getInputStream(), stdout, "stdout");
        pump(process.getErrorStream(), stderr, "stderr");
        String pty = stdout.await(0, l -> l.startsWith("PTY "), options.startupTimeout());
        String ready = pty == null ? null : stdout.await(0, l -> l.startsWith("READY"), options.startupTimeout());
        if (ready == null) {
            String why = process.isAlive() ? "did not print PTY/READY within " + options.startupTimeout() : "exited";
            process.destroyForcibly();
            throw new VirtualBoardException("virtual board '" + board + "' " + why + "; its output:" + stdout.tail(10)
                    + stderr.tail(10));
        }
        this.port = pty.substring(4).trim();
        this.readyLine = ready;
    }

    /** Starts {@code elf} on a virtual {@code board} (e.g. "uno"), with the artifacts found by {@link BuildArtifacts}. */
    public static VirtualBoard start(String board) {
        BuildArtifacts a = BuildArtifacts.locate();
        return start(board, a.firmware(board), VirtualBoardOptions.defaults());
    }

    /** Starts {@code elf} on a virtual {@code board}; the board's config comes from {@code options} or the repository. */
    public static VirtualBoard start(String board, Path elf, VirtualBoardOptions options) {
        BuildArtifacts a = BuildArtifacts.locate();
        Path conf = options.boardConfig() != null ? options.boardConfig() : a.boardConfig(board);
        List<String> cmd = new ArrayList<>();
        cmd.add(a.vboard().toString());
        cmd.add("--board-config");
        cmd.add(conf.toString());
        if (options.freeRun()) {
            cmd.add("--free-run");
        }
        cmd.addAll(options.extraArgs());
        cmd.add(elf.toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).start();
        } catch (IOException e) {
            throw VirtualBoardException.missing("cannot run " + cmd.get(0) + ": " + e.getMessage(), e);
        }
        ProcessReaper.register(p);
        try {
            return new VirtualBoard(board, p, options);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            ProcessReaper.unregister(p);
            Thread.currentThread().interrupt();
            throw new VirtualBoardException("interrupted while starting virtual board '" + board + "'", e);
        } catch (RuntimeException e) {
            ProcessReaper.unregister(p);
            throw e;
        }
    }

    /** The pseudo-terminal the host opens (e.g. {@code /dev/pts/7}). */
    public String port() {
        return port;
    }

    public String board() {
        return board;
    }

    /** vboard's {@code READY ...} line (board, mcu, freq, mode). */
    public String readyLine() {
        return readyLine;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    // ---- commands ---------------------------------------------------------------------------------

    /** Drives input {@code pin} ("D2") to a level. */
    public void set(String pin, boolean high) {
        command("set " + pin + (high ? " 1" : " 0"));
    }

    /** Toggles {@code pin} twice, {@code width} apart; returns at once ({@code DONE pulse <pin>} follows). */
    public void pulse(String pin, Duration width) {
        command("pulse " + pin + " " + micros(width));
    }

    /**
     * A square wave on {@code pin}: {@code edges} toggles, one every {@code period/2}, placed at
     * exact simulated cycles. Returns at once; {@code DONE wave <pin>} is printed after the last edge.
     */
    public void wave(String pin, Duration period, long edges) {
        command("wave " + pin + " " + micros(period) + " " + edges);
    }

    /** Sets the voltage on an analog input ("A0"), in millivolts. */
    public void adc(String pin, int millivolts) {
        command("adc " + pin + " " + millivolts);
    }

    /** Wires output {@code from} to input {@code to}, as a jumper would. */
    public void link(String from, String to) {
        command("link " + from + " " + to);
    }

    /** Prints {@code PIN <pin> <level> @<cycle>} each time the output changes. */
    public void watch(String pin) {
        command("watch " + pin);
    }

    /** Puts raw bytes on the line to the host, as if the board had sent them (garbage for resync tests). */
    public void inject(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("inject: no bytes");
        }
        command("inject " + HexFormat.ofDelimiter(" ").formatHex(bytes));
    }

    /** Resets the MCU (the firmware then sends a boot HELLO). */
    public void reset() {
        command("reset");
    }

    /** vboard's counters: cycles, sleep share, bytes each way. */
    public VirtualBoardStats stats() {
        long from = mark();
        command("stats");
        String line = awaitLine(from, l -> l.startsWith("STATS "), Duration.ofSeconds(1));
        return VirtualBoardStats.parse(line);
    }

    /**
     * The board's whole flash as the simulator holds it now, address 0 first (vboard's
     * {@code dump-flash}): what a bootloader wrote there included. {@code scratch} is the file
     * vboard writes it through.
     */
    public byte[] dumpFlash(Path scratch) {
        command("dump-flash " + scratch.toAbsolutePath());
        try {
            return Files.readAllBytes(scratch);
        } catch (IOException e) {
            throw new VirtualBoardException("virtual board '" + board + "': cannot read its flash dump " + scratch
                    + ": " + e.getMessage(), e);
        }
    }

    /** Sends one raw command line and returns vboard's OK line. */
    public synchronized String command(String line) {
        if (line.indexOf('\n') >= 0 || line.indexOf('#') >= 0) {
            throw new IllegalArgumentException("a vboard command is one line without '#': " + line);
        }
        if (!process.isAlive()) {
            throw new VirtualBoardException("virtual board '" + board + "' has exited (code " + process.exitValue()
                    + "); cannot send: " + line + stderr.tail(5));
        }
        long from = stdout.mark();
        int number = ++linesSent;
        String ok = "OK " + line.trim();
        String err = "ERR line " + number + ":";
        try {
            stdin.write((line + "\n").getBytes(StandardCharsets.US_ASCII));
            stdin.flush();
        } catch (IOException e) {
            throw new VirtualBoardException("virtual board '" + board + "': cannot send '" + line + "': " + e.getMessage(), e);
        }
        String answer = awaitLine(from, l -> l.equals(ok) || l.startsWith(err), options.commandTimeout());
        if (answer.startsWith("ERR")) {
            throw new VirtualBoardException("virtual board '" + board + "' refused '" + line + "': "
                    + answer.substring(err.length()).trim());
        }
        return answer;
    }

    /** The index of the next output line: take it before a command whose effect you will wait for. */
    public long mark() {
        return stdout.mark();
    }

    /** The first output line from {@code from} on that matches; fails on timeout or exit. */
    public String awaitLine(long from, Predicate<String> match, Duration timeout) {
        String line;
        try {
            line = stdout.await(from, match, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VirtualBoardException("interrupted while waiting for virtual board '" + board + "'", e);
        }
        if (line == null) {
            String why = stdout.ended() ? "exited" : "printed nothing that matched within " + timeout;
            throw new VirtualBoardException("virtual board '" + board + "' " + why + "; its last lines:"
                    + stdout.tail(8) + stderr.tail(5));
        }
        return line;
    }

    /** The first line starting with {@code prefix} from {@code from} on (e.g. "DONE wave D2"). */
    public String awaitLine(long from, String prefix, Duration timeout) {
        return awaitLine(from, l -> l.startsWith(prefix), timeout);
    }

    // ---- ending -------------------------------------------------------------------------------------

    /** Kills the process at once (SIGKILL): the pty disappears under the host, as when a board is unplugged. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ProcessReaper.unregister(process);
    }

    /** Asks vboard to quit, waits up to a second, then kills it. Idempotent. */
    @Override
    public void close() {
        try {
            if (process.isAlive()) {
                try {
                    stdin.write("quit\n".getBytes(StandardCharsets.US_ASCII));
                    stdin.flush();
                    stdin.close();
                } catch (IOException ignored) {
                    // it is going away anyway
                }
                if (!process.waitFor(1, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    process.waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            ProcessReaper.unregister(process);
        }
    }

    @Override
    public String toString() {
        return "VirtualBoard[" + board + " pid " + process.pid() + " on " + port + "]";
    }

    private static String micros(Duration d) {
        long ns = d.toNanos();
        if (ns <= 0) {
            throw new IllegalArgumentException("a duration must be positive, got " + d);
        }
        return ns % 1000 == 0 ? (ns / 1000) + "us" : (ns / 1000.0) + "us";
    }

    private void pump(java.io.InputStream in, LineLog log, String what) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.append(line);
                }
            } catch (IOException ignored) {
                // the process went away; end() below tells the waiters
            } finally {
                log.end();
            }
        }, "vboard-" + board + "-" + what);
        t.setDaemon(true);
        t.start();
    }
}
