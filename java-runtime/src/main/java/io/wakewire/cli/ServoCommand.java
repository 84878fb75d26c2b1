package io.wakewire.cli;

import io.wakewire.board.Servo;
import io.wakewire.task.Async;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire servo D9 90}: moves a servo on a pin to an angle (the firmware's servo module),
 * holds it for {@code --hold}, and says which pulse it set. The firmware keeps pulsing after the
 * command ends until the pin is written, detached ({@code --detach}) or the board resets.
 */
@Command(name = "servo", mixinStandardHelpOptions = true,
        description = "Move a servo on a pin to an angle (0..180), or detach it.",
        footer = {"", "Examples:", "  wakewire servo --port /dev/ttyACM0 D9 90",
                "  wakewire servo --port /dev/ttyACM0 --min 500us --max 2500us D7 0",
                "  wakewire servo --port /dev/ttyACM0 --detach D9", "", ExitCode.TABLE})
final class ServoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Parameters(index = "0", paramLabel = "PIN", description = "The servo's pin (D9, D10 are Timer1's on an Uno; any output pin works).")
    String pin;

    @Parameters(index = "1", arity = "0..1", paramLabel = "ANGLE", description = "Degrees, 0..180 (not with --detach).")
    Double angle;

    @Option(names = "--min", defaultValue = "544us", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The pulse at 0 degrees. Default: ${DEFAULT-VALUE}.")
    Duration min;

    @Option(names = "--max", defaultValue = "2400us", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "The pulse at 180 degrees. Default: ${DEFAULT-VALUE}.")
    Duration max;

    @Option(names = "--detach", description = "Stop the pulses on PIN instead of moving.")
    boolean detach;

    @Override
    public Integer call() {
        if (detach == (angle != null)) {
            throw new CliException(ExitCode.USAGE, detach ? "servo " + pin + ": --detach takes no ANGLE"
                    : "servo " + pin + ": an ANGLE (0..180) is needed, or --detach");
        }
        if (angle != null && !(angle >= 0 && angle <= 180)) {
            throw new CliException(ExitCode.USAGE, "servo " + pin + ": angle " + angle + " is outside 0..180 degrees");
        }
        PrintWriter out = spec.commandLine().getOut();
        BoardRunner runner = BoardRunner.of(common, common.requirePort(), spec.commandLine().getErr());
        return runner.run((board, r) -> {
            Servo s = board.servo(pin).calibrate(min, max);
            if (detach) {
                Async.await(s.detach());
                out.println(s + ": detached");
            } else {
                Async.await(s.angle(angle));
                double us = s.ticksFor(Math.round(min.toNanos() + (max.toNanos() - min.toNanos()) * angle / 180.0)) * 8e6
                        / board.info().cpuHz();
                out.println(String.format(Locale.ROOT, "%s: %.1f degrees, pulse %.1f us every 20 ms (step %.1f us)", s, angle,
                        us, s.resolution().toNanos() / 1e3));
            }
            out.flush();
            return ExitCode.OK;
        });
    }
}
