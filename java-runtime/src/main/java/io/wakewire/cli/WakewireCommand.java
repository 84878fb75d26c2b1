package io.wakewire.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The top of the {@code wakewire} command tree; without a subcommand it asks for one. */
@Command(name = "wakewire", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Flash, talk to and test a board running the wakewire firmware, or a virtual one.",
        subcommands = {PortsCommand.class, FlashCommand.class, InfoCommand.class, MonitorCommand.class,
                PingCommand.class, ReadCommand.class, ServoCommand.class, SimCommand.class, DemoCommand.class, GatewayCommand.class, I2cCommand.class},
        footer = {"", ExitCode.TABLE, "", "Set WAKEWIRE_DEBUG=1 to see stack traces."})
public final class WakewireCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "a command is needed: ports, flash, info, monitor, ping, read, servo, i2c, sim, demo or gateway");
    }
}
