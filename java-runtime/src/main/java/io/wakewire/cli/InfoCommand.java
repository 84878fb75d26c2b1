package io.wakewire.cli;

import io.wakewire.board.Board;
import io.wakewire.board.BoardCounters;
import io.wakewire.board.BoardInfo;
import io.wakewire.board.BoardStats;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.task.Async;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wakewire info}: connect, print the board's HELLO, its counters and how long the handshake took. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = {"Connect to the board and print what it says about itself (HELLO: firmware, wire protocol,",
                "MCU, clock, reset cause), its counters, and the time from opening the port to ready."},
        footer = {"", "Example:", "  wakewire info --port /dev/ttyACM0", "", ExitCode.TABLE})
final class InfoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BoardRunner runner = BoardRunner.of(common, common.requirePort(), spec.commandLine().getErr());
        return runner.run((board, r) -> {
            BoardCounters counters = Async.await(board.boardCounters());
            print(out, r, board, counters);
            return ExitCode.OK;
        });
    }

    static void print(PrintWriter out, BoardRunner r, Board board, BoardCounters counters) {
        BoardConfig c = r.config();
        BoardInfo h = board.info();
        out.printf(Locale.ROOT, "board          %s on %s (%s)%n", c.name(), r.port(), c.description());
        out.printf(Locale.ROOT, "firmware       %d.%d, wire protocol %d%n", h.firmwareMajor(), h.firmwareMinor(), h.protocolVersion());
        out.printf(Locale.ROOT, "mcu            signature %06x (%s), clock %d Hz, tick %d ns%n", h.signature(),
                h.signature() == c.signature() ? c.mcu().name() : "NOT the config's " + c.mcu().name(), h.cpuHz(), h.tickNanos());
        out.printf(Locale.ROOT, "link           %d baud, %d pins%n", h.baud(), h.pins());
        out.printf(Locale.ROOT, "capabilities   %s%n", String.join(", ", capabilities(h)));
        out.printf(Locale.ROOT, "modules        %s%n", modules(board));
        out.printf(Locale.ROOT, "reset cause    %s (MCUSR 0x%02x)%n", resetCause(h.resetCause()), h.resetCause());
        out.printf(Locale.ROOT, "ready in       %s (open to HELLO checked)%n", DurationConverter.format(r.connectTime()));
        StringBuilder drops = new StringBuilder();
        for (BoardCounters.Drop d : counters.drops()) {
            if (d.count() == 0) {
                continue;
            }
            drops.append(drops.isEmpty() ? "" : ", ").append("source ").append(d.source()).append(": ").append(d.count());
        }
        out.printf(Locale.ROOT, "board counters crc errors %d, bad frames %d, rx overruns %d, drops %s%n",
                counters.crcErrors(), counters.badFrames(), counters.rxOverruns(), drops.isEmpty() ? "none" : drops);
        BoardStats s = board.stats();
        out.printf(Locale.ROOT, "host counters  frames in %d, out %d, bad %d, crc errors %d, sequence gaps %d, timeouts %d%n",
                s.framesReceived(), s.framesSent(), s.badFrames(), s.crcErrors(), s.seqGapFrames(), s.timeouts());
        out.flush();
    }

    static List<String> capabilities(BoardInfo h) {
        List<String> caps = new ArrayList<>();
        String[] names = {"edge-events", "debounce", "pwm", "analog-read", "pin-change", "lost-markers"};
        for (int bit = 0; bit < names.length; bit++) {
            if (h.has(1 << bit)) {
                caps.add(names[bit]);
            }
        }
        int unknown = h.capabilities() & ~((1 << names.length) - 1);
        if (unknown != 0) {
            caps.add(String.format(Locale.ROOT, "unknown bits 0x%04x", unknown));
        }
        return caps.isEmpty() ? List.of("none") : caps;
    }

    /** The firmware modules built in, by their MODULES= names, or what "none" means. */
    static String modules(Board board) {
        List<String> in = new ArrayList<>();
        board.modules().forEach(m -> in.add(m.makeName()));
        return in.isEmpty() ? "none (the core alone; make firmware MODULES=... adds them)" : String.join(", ", in);
    }

    /** MCUSR's bits in words (ATmega328P/2560: PORF, EXTRF, BORF, WDRF, JTRF). */
    static String resetCause(int mcusr) {
        List<String> why = new ArrayList<>();
        String[] names = {"power-on", "external reset pin", "brown-out", "watchdog", "JTAG"};
        for (int bit = 0; bit < names.length; bit++) {
            if ((mcusr & (1 << bit)) != 0) {
                why.add(names[bit]);
            }
        }
        return why.isEmpty() ? "unknown" : String.join(", ", why); // 0: MCUSR read 0 (PROTOCOL.md, HELLO)
    }
}
