package io.wakewire.cli;

import io.wakewire.board.PinLevel;
import io.wakewire.task.Async;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire read D2}: each pin's level as the board read it (READ_PIN), with the board tick
 * of the read: one line a pin, "D2 HIGH tick 123456 (493.824 ms after the board's reset)".
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Read pins' levels on the board, each with the board tick of the read.",
        footer = {"", "Example:", "  wakewire read --port /dev/ttyACM0 D2 D3", "  wakewire read --port /dev/ttyACM0 --pull-up D7",
                "", ExitCode.TABLE})
final class ReadCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(arity = "1..*", paramLabel = "PIN", description = "Pins by their board-config name (D2, A0).")
    List<String> pins;

    @Option(names = "--pull-up", description = "Turn the pins' pull-ups on first (they become inputs).")
    boolean pullUp;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        BoardRunner runner = BoardRunner.of(common, common.requirePort(), spec.commandLine().getErr());
        return runner.run((board, r) -> {
            for (String p : pins) {
                board.pin(p); // a pin the config lacks fails here, before anything is sent
            }
            for (String p : pins) {
                if (pullUp) {
                    Async.await(board.pin(p).pullUp(true));
                }
                out.println(line(Async.await(board.pin(p).read())));
            }
            out.flush();
            return ExitCode.OK;
        });
    }

    static String line(PinLevel l) {
        return String.format(java.util.Locale.ROOT, "%s %s tick %d (%.3f ms after the board's reset)", l.pin(), l.level(),
                l.ticks(), l.boardNanos() / 1e6);
    }

}
