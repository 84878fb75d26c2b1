package io.wakewire.cli;

import io.wakewire.link.SerialPortInfo;
import io.wakewire.link.SerialPorts;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code wakewire ports}: the serial ports, with what the OS says about each and a guess at the board. */
@Command(name = "ports", mixinStandardHelpOptions = true,
        description = {"List the serial ports with their USB vendor:product ids, maker, driver and stable name.",
                "A port whose USB id belongs to a known Arduino or USB-serial chip is marked with it."},
        footer = {"", ExitCode.TABLE})
final class PortsCommand implements Callable<Integer> {

    /** USB ids seen on the boards wakewire supports; a hint, not a proof (clones reuse ids). */
    private static final Map<String, String> KNOWN = Map.of(
            "2341:0043", "Arduino Uno R3",
            "2341:0001", "Arduino Uno",
            "2341:0042", "Arduino Mega 2560 R3",
            "2341:0010", "Arduino Mega 2560",
            "2a03:0043", "Arduino Uno (arduino.org)",
            "1a86:7523", "CH340 USB-serial (Nano and Uno clones)",
            "0403:6001", "FTDI FT232R USB-serial (older Nano, Duemilanove)",
            "10c4:ea60", "CP210x USB-serial");

    @Spec
    CommandSpec spec;

    /** Where the list comes from; tests replace it. */
    Supplier<List<SerialPortInfo>> source = SerialPorts::list;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<SerialPortInfo> ports = source.get();
        if (ports.isEmpty()) {
            out.println("no serial ports found (is the board plugged in? a virtual board: `wakewire sim`)");
            return ExitCode.OK;
        }
        for (SerialPortInfo p : ports) {
            String id = p.vendorId().orElse("") + ":" + p.productId().orElse("");
            String hint = KNOWN.get(id.toLowerCase(java.util.Locale.ROOT));
            out.println(p.describe() + (hint == null ? "" : "  [" + hint + "]"));
        }
        return ExitCode.OK;
    }
}
