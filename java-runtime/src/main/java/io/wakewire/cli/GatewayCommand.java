package io.wakewire.cli;

import io.wakewire.board.BoardOptions;
import io.wakewire.board.config.BoardConfig;
import io.wakewire.board.config.Capability;
import io.wakewire.gateway.Gateway;
import io.wakewire.gateway.GatewayBoard;
import io.wakewire.gateway.GatewayException;
import io.wakewire.gateway.GatewayOptions;
import io.wakewire.sim.VirtualBoard;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code wakewire gateway}: boards to an MQTT broker and back ({@link Gateway}); topics and
 * payloads in java-runtime/README-gateway.md. Runs until Ctrl-C or {@code --duration}.
 */
@Command(name = "gateway", mixinStandardHelpOptions = true,
        description = {"Publish the boards' edges and losses to an MQTT broker, per board and pin, and take output",
                "commands from it (topics: PREFIX/BOARD/PIN/edge|lost|set, PREFIX/BOARD/status|reply|lost)."},
        footer = {"", "Examples:", "  wakewire gateway --broker tcp://localhost:1883 --port bench1=/dev/ttyACM0",
                "  wakewire gateway --broker tcp://localhost:1883 --sim 2 --pins D2,D3",
                "  mosquitto_sub -t 'wakewire/#' -v", "", ExitCode.TABLE,
                "  (1 also: the broker is unreachable or refused the credentials)"})
final class GatewayCommand implements Callable<Integer> {

    private static final Set<String> SCHEMES = Set.of("tcp", "ssl", "ws", "wss");

    @Spec
    CommandSpec spec;

    @Option(names = "--broker", required = true, paramLabel = "URL", description = "The broker: tcp://HOST:PORT (ssl://HOST:PORT for TLS).")
    String broker;

    @Option(names = {"-p", "--port"}, paramLabel = "[ID=]PORT",
            description = "A board's serial port, optionally with its topic id (default: the port's file name). Repeatable.")
    List<String> ports = new ArrayList<>();

    @Option(names = "--sim", paramLabel = "N", defaultValue = "0", description = "Also run N virtual boards (ids sim0, sim1, ...).")
    int sim;

    @Option(names = {"-b", "--board"}, defaultValue = "uno", paramLabel = "NAME", description = "Board config of every board. Default: ${DEFAULT-VALUE}.")
    String board;

    @Option(names = "--pins", split = ",", paramLabel = "PIN", defaultValue = "D2,D3",
            description = "Input pins whose edges are published. Default: ${DEFAULT-VALUE}.")
    List<String> pins;

    @Option(names = "--analog", split = ",", paramLabel = "PIN",
            description = "Analog pins sampled every --analog-every, published on PREFIX/BOARD/PIN/analog.")
    List<String> analog = new ArrayList<>();

    @Option(names = "--analog-every", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Analog sampling period. Default: ${DEFAULT-VALUE}.")
    Duration analogEvery;

    @Option(names = "--outputs", split = ",", paramLabel = "PIN",
            description = "Outputs announced to Home Assistant as switches (commands work on any output anyway).")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--ha-discovery", description = "Publish Home Assistant MQTT discovery configs (retained). Off by default.")
    boolean haDiscovery;

    @Option(names = "--ha-prefix", defaultValue = "homeassistant", paramLabel = "LEVEL",
            description = "Home Assistant's discovery prefix. Default: ${DEFAULT-VALUE}.")
    String haPrefix;

    @Option(names = "--prefix", defaultValue = "wakewire", paramLabel = "LEVEL", description = "First topic level. Default: ${DEFAULT-VALUE}.")
    String prefix;

    @Option(names = "--queue", defaultValue = "10000", paramLabel = "N",
            description = "Events held per board while the broker is away; beyond, dropped and counted. Default: ${DEFAULT-VALUE}.")
    int queue;

    @Option(names = "--heartbeat", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Board heartbeat: a board gone quiet this long shows offline. Default: ${DEFAULT-VALUE}.")
    Duration heartbeat;

    @Option(names = "--username", paramLabel = "USER", description = "Broker user name.")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "A file whose first line is the broker password (or set WAKEWIRE_MQTT_PASSWORD); not an option value, which ps would show.")
    Path passwordFile;

    @Option(names = "--ca", paramLabel = "FILE",
            description = "With ssl://: trust the CA certificate(s) in this PEM file instead of the JVM's default trust store.")
    Path ca;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long. Default: until Ctrl-C.")
    Duration duration;

    @Option(names = "--no-build", description = "With --sim: do not build the firmware and the virtual board first.")
    boolean noBuild;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        checkBroker(broker);
        if (sim < 0 || sim > 64) {
            throw new CliException(ExitCode.USAGE, "--sim " + sim + " must be 0 to 64");
        }
        if (ports.isEmpty() && sim == 0) {
            throw new CliException(ExitCode.USAGE, "no boards: give --port [ID=]PORT (repeatable) or --sim N");
        }
        GatewayOptions options;
        try {
            options = GatewayOptions.of(broker).withPrefix(prefix).withQueueCapacity(queue).withAnalogEvery(analogEvery);
            if (haDiscovery) {
                options = options.withHomeAssistant(haPrefix);
            }
            char[] password = password();
            if (username != null || password != null) {
                options = options.withCredentials(username, password);
            }
            if (ca != null) {
                if (!broker.trim().toLowerCase(Locale.ROOT).startsWith("ssl://")) {
                    throw new CliException(ExitCode.USAGE, "--ca is for TLS: give the broker as ssl://HOST:PORT");
                }
                options = options.withCaFile(ca);
            }
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, e.getMessage());
        }
        BoardConfig config = CommonOptions.avrBoard(board);
        List<String> watched = MonitorCommand.watchedPins(config, pins);
        List<String> analogPins = CommonOptions.pinsThatCan(config, analog, Capability.ANALOG, "--analog", "is not an analog input");
        List<String> outputPins = CommonOptions.pinsThatCan(config, outputs, Capability.OUT, "--outputs", "is not an output");
        BoardOptions boardOptions = BoardOptions.defaults().withReconnect(true).withHeartbeat(heartbeat)
                .withConnectTimeout(Duration.ofSeconds(10));
        List<VirtualBoard> vboards = new ArrayList<>();
        try {
            List<GatewayBoard> boards = new ArrayList<>();
            for (String p : ports) {
                int eq = p.indexOf('=');
                String port = eq < 0 ? p : p.substring(eq + 1);
                String id = eq < 0 ? port.substring(port.lastIndexOf('/') + 1) : p.substring(0, eq);
                boards.add(board(id, config, port, boardOptions, watched, analogPins, outputPins));
            }
            for (int i = 0; i < sim; i++) {
                VirtualBoard vb = SimCommand.start(config.name(), false, !noBuild && i == 0, err);
                vboards.add(vb);
                boards.add(board("sim" + i, config, vb.port(), boardOptions, watched, analogPins, outputPins));
            }
            Gateway gw;
            try {
                gw = Gateway.start(options, boards);
            } catch (GatewayException e) {
                throw new CliException(ExitCode.FAILURE, e.getMessage());
            }
            Thread hook = new Thread(gw::close, "wakewire-gateway-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            for (GatewayBoard b : boards) {
                out.println(b.id() + " " + b.port());
            }
            out.flush();
            err.println("gateway: " + boards.size() + " board(s) on " + broker + ", topics " + prefix + "/<board>/...; "
                    + (duration == null ? "Ctrl-C stops" : "stops in " + DurationConverter.format(duration)));
            err.flush();
            long end = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
            while (gw.isRunning() && System.nanoTime() - end < 0) {
                Thread.sleep(100);
            }
            gw.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
            if (gw.failure() != null) {
                throw new CliException(ExitCode.FAILURE, "gateway stopped: " + Failures.oneLine(String.valueOf(gw.failure().getMessage())));
            }
            err.println(String.format(Locale.ROOT, "gateway: %d messages published, %d events dropped, %d commands (%d duplicates)",
                    gw.published(), gw.droppedEvents(), gw.commandsActuated(), gw.duplicateCommands()));
            err.flush();
            return gw.droppedEvents() == 0 ? ExitCode.OK : ExitCode.FAILURE;
        } finally {
            vboards.forEach(VirtualBoard::close);
        }
    }

    /** From --password-file, else WAKEWIRE_MQTT_PASSWORD, else null. */
    private char[] password() {
        if (passwordFile != null) {
            try {
                List<String> lines = Files.readAllLines(passwordFile);
                return lines.isEmpty() ? new char[0] : lines.get(0).toCharArray();
            } catch (IOException e) {
                throw new CliException(ExitCode.USAGE, "--password-file " + passwordFile + ": cannot read it (" + e.getMessage() + ")");
            }
        }
        String env = System.getenv("WAKEWIRE_MQTT_PASSWORD");
        return env == null ? null : env.toCharArray();
    }

    private static GatewayBoard board(String id, BoardConfig config, String port, BoardOptions o, List<String> pins,
                                      List<String> analog, List<String> outputs) {
        try {
            return new GatewayBoard(id, config, port, o, pins, analog, outputs);
        } catch (IllegalArgumentException e) {
            throw new CliException(ExitCode.USAGE, "--port: " + e.getMessage());
        }
    }

    /** A broker URL Paho can use, or a usage error saying what is wrong with it. */
    static void checkBroker(String url) {
        String why;
        try {
            URI u = new URI(url.trim());
            if (u.getScheme() == null || !SCHEMES.contains(u.getScheme().toLowerCase(Locale.ROOT))) {
                why = "the scheme must be tcp, ssl, ws or wss";
            } else if (u.getHost() == null) {
                why = "no host";
            } else {
                return;
            }
        } catch (URISyntaxException e) {
            why = e.getMessage();
        }
        throw new CliException(ExitCode.USAGE, "--broker '" + url + "': " + why + "; give tcp://HOST:PORT, e.g. tcp://localhost:1883");
    }
}
